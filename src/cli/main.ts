/**
 * Headless entry point: `budget-proof <command> …` (also `npm run extract|check|export -- …`).
 * Each command lives in its own module under ./commands.
 */
import { runCheck } from './commands/check';
import { runExport } from './commands/export';
import { runExtract } from './commands/extract';

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  extract: runExtract,
  check: runCheck,
  export: runExport,
};

const USAGE = `用法 / usage:
  budget-proof extract <file> [--json out.json]      提取表格与正文 / extract tables and narrative
  budget-proof check <file> [--json out.json]        勾稽检查 / run the proofreading checks
  budget-proof export <file> --out x.xlsx [--review package.json]
                                                     导出校对后的 XLSX / export the corrected workbook`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    console.error(USAGE);
    return name === '--help' || name === '-h' ? 0 : 2;
  }
  return command(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  },
);
