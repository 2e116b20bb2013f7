import type { Table } from '../../../../core/model';
import { STRINGS } from '../../strings';

/** How a table is named in lists and captions: its title, else its code, else its id. */
export function tableName(table: Table): string {
  return table.title ?? table.code ?? STRINGS.tables.untitled(table.id);
}
