// Placeholder until the export command lands; exits non-zero so nothing mistakes it for success.
export async function runExport(_args: string[]): Promise<number> {
  console.error('export: not implemented yet');
  return 2;
}
