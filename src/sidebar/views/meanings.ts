/**
 * Step 4: what the labels and campaigns in the user's data mean. The server
 * lists the values it cannot read by itself, each with a suggested meaning;
 * the user confirms or changes each one, and the rows become the mapping
 * table on the Definitions tab, which the report formulas read.
 */
import type { MappingRow } from '../../addon/settings';
import { MAPPING_MEANINGS } from '../../metrics/mapping-meanings';
import { el, on } from '../dom';
import { iconButton, option, textInput, withError } from '../fields';
import type { Actions, State } from '../state';
import { partHead } from '../widgets/part-head';

const PART = 'mapping';

/** How each kind of row is introduced. */
const GROUPS: { field: MappingRow['field']; title: string }[] = [
  { field: 'outcome', title: 'Outcome labels' },
  { field: 'channel', title: 'Campaigns and channels' },
  { field: 'deal status', title: 'Deal statuses' },
];

function meansControl(actions: Actions, row: MappingRow, k: number): HTMLElement {
  const path = `${PART}.${k}.means`;
  const label = `What “${row.value}” means`;
  if (row.field === 'channel') {
    return textInput(
      row.means,
      (v) => {
        row.means = v;
        actions.touched(path);
      },
      { 'aria-label': label, list: 'known-channels', placeholder: 'Channel' },
    );
  }
  const allowed = MAPPING_MEANINGS[row.field];
  const select = el('select', { attrs: { 'aria-label': label } });
  select.append(option('', 'Choose…', row.means === ''));
  for (const m of allowed) select.append(option(m, m, m === row.means));
  if (row.means !== '' && !allowed.includes(row.means)) {
    select.append(option(row.means, `${row.means} (not allowed)`, true));
  }
  on(select, 'change', (node) => {
    row.means = node.value;
    actions.touched(path);
  });
  return select;
}

function mappingRow(state: State, actions: Actions, row: MappingRow, k: number): HTMLElement {
  const rows = state.draft.mapping;
  const found = state.meanings?.rows.find((r) => r.field === row.field && r.value === row.value);
  const [control, ...error] = withError(state, `${PART}.${k}.means`, meansControl(actions, row, k));
  const remove = iconButton(`Remove the row for “${row.value}”`, '×', () => {
    rows.splice(k, 1);
    actions.restructured(PART);
  });
  return el(
    'li',
    { className: 'meaning', attrs: { 'data-value': row.value } },
    el(
      'div',
      { className: 'meaning-line' },
      el('span', { text: row.value, className: 'meaning-value' }),
      control,
      remove,
    ),
    ...(found
      ? [
          el('div', {
            text: `${found.why} ${found.count} ${found.count === 1 ? 'row' : 'rows'}.`,
            className: 'secondary small',
          }),
        ]
      : []),
    ...error,
  );
}

export function meaningsPart(state: State, actions: Actions): HTMLElement {
  const rows = state.draft.mapping;
  const find = el('button', {
    text: state.meanings ? 'Look again' : 'Find labels and campaigns to confirm',
    attrs: { type: 'button', 'data-action': 'find-meanings' },
  });
  find.disabled = state.busy !== null;
  on(find, 'click', () => void actions.findMeanings());
  const body: Node[] = [];
  for (const g of GROUPS) {
    const items = rows.flatMap((r, k) =>
      r.field === g.field ? [mappingRow(state, actions, r, k)] : [],
    );
    if (items.length === 0) continue;
    body.push(el('h4', { text: g.title }), el('ul', { className: 'meanings' }, ...items));
  }
  const known = el(
    'datalist',
    { attrs: { id: 'known-channels' } },
    ...(state.meanings?.channels ?? []).map((c) => option(c, c, false)),
  );
  return el(
    'div',
    { className: 'part', attrs: { 'data-part': PART } },
    ...partHead(state, 'What your data means', PART),
    el('p', {
      text: 'Outcome labels that are not one of the six, and campaign names, each with a suggested meaning. Confirm or change each one: they become the mapping table on the Definitions tab, which the report reads.',
      className: 'secondary',
    }),
    find,
    ...(state.meanings?.notes ?? []).map((n) =>
      el('p', { text: n, className: 'secondary small note' }),
    ),
    ...body,
    known,
  );
}
