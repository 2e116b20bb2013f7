/** Minimal `--name value` option parsing for the CLI commands. */
export interface ParsedArgs {
  positional: string[];
  options: Record<string, string | undefined>;
}

export function parseArgs(args: readonly string[], valued: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const options: Record<string, string | undefined> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const name = arg.startsWith('--') ? arg.slice(2) : null;
    if (name !== null && valued.includes(name)) {
      options[name] = args[++i];
    } else if (name !== null) {
      options[name] = 'true';
    } else {
      positional.push(arg);
    }
  }
  return { positional, options };
}
