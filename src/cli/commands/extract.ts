// Placeholder until the extract command lands; exits non-zero so nothing mistakes it for success.
export async function runExtract(_args: string[]): Promise<number> {
  console.error('extract: not implemented yet');
  return 2;
}
