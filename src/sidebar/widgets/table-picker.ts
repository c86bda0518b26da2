import type { SheetColumns } from '../../addon/settings';
import { capitalised } from '../../sheets/words';
import { suggestTable, type TableKind } from '../../workbook/export-headers';
import { el, on } from '../dom';
import { errorFor, labelled, option } from '../fields';
import type { Actions, State } from '../state';

export interface TablePick<F extends string> {
  /** Where the table sits in Settings: "raw.spend.0", "meetingLog", "channels". */
  path: string;
  legend: string;
  /** The sheet's label, when "Sheet" under the legend does not say enough. */
  sheetLabel?: string;
  table: SheetColumns<F>;
  kind: TableKind<F>;
  /** Fields that may be left out, and what leaving one out is called. */
  optional: readonly F[];
  none: string;
  /** The fields shown, when not all of the kind's are (a sheet that is one channel needs no channel column). */
  fields?: readonly F[];
  /** Beside the legend: a remove button. */
  tools?: Node;
  /** Under the sheet, once one is chosen. */
  extra?: Node[];
}

/**
 * A table in the user's spreadsheet: its sheet, then a column for each
 * field. Picking a sheet suggests its columns from their headers. A saved
 * sheet or header that is no longer there stays shown as missing, so the
 * server's message about it has something to sit next to.
 */
export function tablePicker<F extends string>(
  state: State,
  actions: Actions,
  p: TablePick<F>,
): HTMLElement {
  const withHeaders = state.sheets.filter((s) => s.headers.some((h) => h.trim() !== ''));
  const sheet = el('select');
  sheet.append(option('', 'Choose a sheet…', p.table.sheet === ''));
  for (const s of withHeaders) {
    sheet.append(option(s.name, `${s.name} (${s.dataRows} rows)`, s.name === p.table.sheet));
  }
  if (p.table.sheet !== '' && !withHeaders.some((s) => s.name === p.table.sheet)) {
    sheet.append(option(p.table.sheet, `${p.table.sheet} (not found)`, true));
  }
  on(sheet, 'change', (node) => {
    const info = state.sheets.find((s) => s.name === node.value);
    p.table.sheet = node.value;
    p.table.columns = suggestTable(info?.headers ?? [], p.kind).columns;
    // A message about the whole part ("pick the sheets") comes only while nothing under it has one.
    const part = p.path.split('.')[0] ?? p.path;
    actions.touched(p.path, ...(errorFor(state, part) ? [part] : []));
  });
  const box = el(
    'fieldset',
    { className: 'table-pick', attrs: { 'data-table': p.path } },
    el('legend', {}, p.legend, ...(p.tools ? [p.tools] : [])),
    labelled(state, p.sheetLabel ?? 'Sheet', `${p.path}.sheet`, sheet),
  );
  const chosen = state.sheets.find((s) => s.name === p.table.sheet);
  if (!chosen) return box;
  box.append(...(p.extra ?? []));
  const headers = chosen.headers.filter((h) => h.trim() !== '');
  for (const f of p.fields ?? p.kind.fields) {
    const current = p.table.columns[f];
    const optional = p.optional.includes(f);
    const select = el('select');
    select.append(option('', optional ? p.none : 'Choose a column…', current === ''));
    for (const h of headers) select.append(option(h, h, h === current));
    if (current !== '' && !headers.includes(current)) {
      select.append(option(current, `${current} (not found)`, true));
    }
    on(select, 'change', (node) => {
      p.table.columns[f] = node.value;
      actions.touched(`${p.path}.columns.${f}`);
    });
    box.append(labelled(state, capitalised(p.kind.labels[f]), `${p.path}.columns.${f}`, select));
  }
  return box;
}
