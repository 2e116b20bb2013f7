/**
 * Directories the user picked for batch export. The renderer gets an opaque token per pick and
 * can write only into that directory, only for this session, and only single sanitised names.
 */
import { randomUUID } from 'node:crypto';

export class ExportGrants {
  private readonly grants = new Map<string, string>();

  grant(directory: string): string {
    const token = randomUUID();
    this.grants.set(token, directory);
    return token;
  }

  directoryOf(token: string): string | null {
    return this.grants.get(token) ?? null;
  }
}
