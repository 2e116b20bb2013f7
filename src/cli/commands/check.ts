// Placeholder until the check command lands; exits non-zero so nothing mistakes it for success.
export async function runCheck(_args: string[]): Promise<number> {
  console.error('check: not implemented yet');
  return 2;
}
