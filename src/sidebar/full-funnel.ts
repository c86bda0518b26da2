/**
 * Step 4, for the Full funnel: the contacts or leads sheet (its source
 * column and its stage-date columns, suggested in lifecycle order and
 * reorderable) and how to count, in words. The ad exports, the meetings and
 * the deals are the raw data, picked in the part above.
 */
import { FUNNEL_VIEWS, type FunnelView } from '../addon/settings';
import { viewInWords } from '../addon/templates/full-funnel-view';
import { el, on } from './dom';
import { iconButton, labelled, option, withError } from './fields';
import { suggestContacts } from './full-funnel-draft';
import type { Actions, State } from './state';
import { partHead } from './widgets/part-head';
import { radioGroup } from './widgets/radio-group';

const CONTACTS = 'funnel.contacts';
const STAGES = `${CONTACTS}.stages`;

/** A select of the contacts sheet's headers; a saved header no longer there stays, marked. */
function headerSelect(headers: readonly string[], current: string, blank: string) {
  const select = el('select');
  select.append(option('', blank, current === ''));
  for (const h of headers) select.append(option(h, h, h === current));
  if (current !== '' && !headers.includes(current)) {
    select.append(option(current, `${current} (not found)`, true));
  }
  return select;
}

function stageRow(state: State, actions: Actions, headers: readonly string[], k: number) {
  const stages = state.draft.funnel.contacts.stages;
  const select = headerSelect(headers, stages[k] ?? '', 'Choose a column…');
  on(select, 'change', (node) => {
    stages[k] = node.value;
    actions.touched(`${STAGES}.${k}`);
  });
  const move = (to: number) => () => {
    const [moved] = stages.splice(k, 1);
    stages.splice(to, 0, moved!);
    actions.restructured(STAGES, { key: `${STAGES}.${to}` });
  };
  const field = `${STAGES}.${k}`;
  select.id = `f-${field}`;
  select.classList.add('stage-name');
  // Export headers run long ("Became a Marketing Qualified Lead Date"): the whole one on hover.
  select.title = stages[k] ?? '';
  const [control, ...error] = withError(state, field, select);
  return el(
    'div',
    { className: 'field stage-column' },
    el('label', { text: `Stage ${k + 1}`, attrs: { for: select.id } }),
    el(
      'div',
      { className: 'stage-line' },
      control!,
      el(
        'div',
        { className: 'row-tools' },
        iconButton(`Move stage ${k + 1} up`, '↑', move(k - 1), k === 0),
        iconButton(`Move stage ${k + 1} down`, '↓', move(k + 1), k === stages.length - 1),
        iconButton(
          `Remove stage ${k + 1}`,
          '×',
          () => {
            stages.splice(k, 1);
            actions.restructured(STAGES);
          },
          stages.length === 1,
        ),
      ),
    ),
    ...error,
  );
}

function contactsPicker(state: State, actions: Actions): HTMLElement {
  const contacts = state.draft.funnel.contacts;
  const withHeaders = state.sheets.filter((s) => s.headers.some((h) => h.trim() !== ''));
  const sheet = el('select');
  sheet.append(option('', 'Choose a sheet…', contacts.sheet === ''));
  for (const s of withHeaders) {
    sheet.append(option(s.name, `${s.name} (${s.dataRows} rows)`, s.name === contacts.sheet));
  }
  if (contacts.sheet !== '' && !withHeaders.some((s) => s.name === contacts.sheet)) {
    sheet.append(option(contacts.sheet, `${contacts.sheet} (not found)`, true));
  }
  on(sheet, 'change', (node) => {
    const info = state.sheets.find((s) => s.name === node.value);
    state.draft.funnel.contacts = suggestContacts(node.value, info?.headers ?? []);
    actions.restructured(CONTACTS, { key: `${CONTACTS}.sheet` });
  });
  const box = el(
    'fieldset',
    { className: 'table-pick', attrs: { 'data-table': CONTACTS } },
    el('legend', { text: 'Contacts or leads' }),
    labelled(state, 'Sheet', `${CONTACTS}.sheet`, sheet),
  );
  const chosen = state.sheets.find((s) => s.name === contacts.sheet);
  if (!chosen) return box;
  const headers = chosen.headers.filter((h) => h.trim() !== '');
  const source = headerSelect(headers, contacts.channel, 'Choose a column…');
  on(source, 'change', (node) => {
    contacts.channel = node.value;
    actions.touched(`${CONTACTS}.channel`);
  });
  const add = el('button', {
    text: '+ Add a stage column',
    attrs: { type: 'button', 'data-action': 'add-stage-column' },
  });
  on(add, 'click', () => {
    contacts.stages.push('');
    actions.restructured(STAGES, { key: `${STAGES}.${contacts.stages.length - 1}` });
  });
  box.append(
    labelled(state, 'Source', `${CONTACTS}.channel`, source),
    el('div', {
      text: 'Stage dates, first stage first: the funnel counts a record at a stage when it has that date or any later one.',
      className: 'secondary small',
    }),
    ...withError(
      state,
      STAGES,
      el(
        'div',
        { className: 'stage-columns' },
        ...contacts.stages.map((_, k) => stageRow(state, actions, headers, k)),
      ),
    ),
    add,
  );
  return box;
}

export function fullFunnelPart(state: State, actions: Actions): HTMLElement {
  const funnel = state.draft.funnel;
  const period = state.draft.raw.period;
  const views = radioGroup<FunnelView>({
    name: 'funnel-view',
    label: 'How to count',
    focusKey: 'funnel.view',
    options: FUNNEL_VIEWS.map((v) => [
      v,
      viewInWords(v, period),
      v === 'activity'
        ? 'What each month cost: every stage and deal in the period it happened, against that period’s spend.'
        : 'What the leads you paid for became: each record in the period it arrived, however long it took.',
    ]),
    current: funnel.view,
    choose: (view) => {
      funnel.view = view;
      actions.touched('funnel.view');
    },
  });
  return el(
    'div',
    { className: 'part', attrs: { 'data-part': 'funnel' } },
    ...partHead(state, 'Full funnel: from CRM exports', 'funnel'),
    el('p', {
      text: 'Your CRM’s contacts (or leads) export, one row per record, beside the ad spend, meetings and deals above.',
      className: 'secondary',
    }),
    contactsPicker(state, actions),
    el(
      'div',
      { className: 'field' },
      el('div', { text: 'How to count', className: 'label' }),
      ...withError(state, 'funnel.view', views),
    ),
  );
}
