/** The native dialogs the handlers need, as an interface so handlers are testable without Electron. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface Dialogs {
  /** a directory picker; null when cancelled */
  chooseDirectory(options: { title: string; defaultPath?: string }): Promise<string | null>;
  /** a save dialog; null when cancelled */
  chooseSavePath(options: { title: string; defaultPath: string; filters: FileFilter[] }): Promise<string | null>;
  /** an open dialog for one file; null when cancelled */
  chooseOpenFile(options: { title: string; filters: FileFilter[] }): Promise<string | null>;
}
