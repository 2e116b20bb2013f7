import { workbookFileName } from '../../../../export/workbook';

/**
 * Workbook names unique within one batch (case-insensitive, as Windows and macOS folders are):
 * a second "预算.pdf" from another subfolder becomes "预算_校对(2).xlsx".
 */
export class WorkbookNames {
  private readonly taken = new Set<string>();

  claim(sourceName: string): string {
    const base = workbookFileName(sourceName);
    let name = base;
    for (let n = 2; this.taken.has(name.toLowerCase()); n++) name = base.replace(/\.xlsx$/, `(${n}).xlsx`);
    this.taken.add(name.toLowerCase());
    return name;
  }
}
