/**
 * Step 4, for the Channel report and the Full funnel: one or more ad exports
 * (one per platform), each with its channel or campaign column or one
 * channel for the whole sheet; the meetings; the deals; the period. The part
 * names the chosen templates that read it.
 */
import { rawDataReaders, rawDataUsers, type SpendField } from '../../addon/settings';
import { PERIODS, type Period } from '../../metrics/period';
import { capitalised } from '../../sheets/words';
import {
  DEALS_TABLE,
  isCampaignHeader,
  MEETING_TABLE,
  SPEND_TABLE,
} from '../../workbook/export-headers';
import { el, on } from '../dom';
import { iconButton, labelled, textInput, withError } from '../fields';
import { emptyExport, type SpendSheetDraft } from '../model';
import type { Actions, State } from '../state';
import { partHead } from '../widgets/part-head';
import { radioGroup } from '../widgets/radio-group';
import { tablePicker } from '../widgets/table-picker';

/** The period radio's values: a period, or "" for none. */
const PERIOD_OPTIONS = [['', 'None'], ...PERIODS.map((p) => [p, capitalised(p)] as const)] as const;

/** Ad exports are added and removed as a list: their messages name positions. */
const EXPORTS = 'raw.spend';

function adExport(
  state: State,
  actions: Actions,
  ads: SpendSheetDraft,
  k: number,
  dated: boolean,
): HTMLElement {
  const list = state.draft.raw.spend;
  const path = `${EXPORTS}.${k}`;
  const source = radioGroup({
    name: `spend-channel-${k}`,
    label: `Channel of ad export ${k + 1}`,
    focusKey: `${path}.source`,
    options: [
      ['column', 'From a column'],
      ['whole', 'One channel for the whole sheet'],
    ],
    current: ads.wholeSheet ? 'whole' : 'column',
    choose: (v) => {
      ads.wholeSheet = v === 'whole';
      actions.touched(`${path}.columns.channel`, `${path}.fixedChannel`);
    },
  });
  const extra: Node[] = [source];
  if (ads.wholeSheet) {
    extra.push(
      labelled(
        state,
        'Channel (this whole sheet)',
        `${path}.fixedChannel`,
        textInput(
          ads.fixedChannel,
          (v) => {
            ads.fixedChannel = v;
            actions.touched(`${path}.fixedChannel`);
          },
          { placeholder: 'LinkedIn' },
        ),
      ),
    );
  }
  const fields: readonly SpendField[] = ads.wholeSheet
    ? SPEND_TABLE.fields.filter((f) => f !== 'channel')
    : SPEND_TABLE.fields;
  const picker = tablePicker(state, actions, {
    path,
    legend: `Ad export ${k + 1}`,
    table: ads,
    kind: SPEND_TABLE,
    optional: dated ? [] : ['date'],
    none: 'None',
    fields,
    extra,
    tools:
      list.length > 1
        ? iconButton(`Remove ad export ${k + 1}`, '×', () => {
            list.splice(k, 1);
            actions.restructured(EXPORTS);
          })
        : undefined,
  });
  if (!ads.wholeSheet && isCampaignHeader(ads.columns.channel)) {
    picker.append(
      el('p', {
        text: 'Campaign names: confirm the channel each one counts under in “What your data means” below.',
        className: 'secondary small',
      }),
    );
  }
  return picker;
}

/**
 * The deals export: what the Full funnel counts its deals and revenue from,
 * and, for the Channel report, each channel's Max CPQM from its own won
 * deals, so it may be left unpicked when the Full funnel is not chosen.
 */
function dealsPicker(state: State, actions: Actions): Node[] {
  const needed = state.draft.templates.includes('fullFunnel');
  return [
    tablePicker(state, actions, {
      path: 'raw.deals',
      legend: needed ? 'Deals' : 'Deals (optional)',
      table: state.draft.raw.deals,
      kind: DEALS_TABLE,
      optional: ['currency'],
      none: 'None (one currency)',
    }),
    el('div', {
      text: needed
        ? 'One row per deal. The Full funnel counts deals and revenue from it; each channel’s Max CPQM from its own won deals comes from it too.'
        : 'One row per deal. With it, the Channel report shows each channel’s Max CPQM from its own won deals beside the assumed one (add-on functions only); leave the sheet unchosen to show the assumed one alone.',
      className: 'secondary small',
    }),
  ];
}

export function rawPart(state: State, actions: Actions): HTMLElement {
  const raw = state.draft.raw;
  const users = rawDataReaders(state.draft.templates);
  const read = rawDataUsers(state.draft.templates).length > 1 ? 'read' : 'reads';
  const dated = raw.period !== null;
  const periods = radioGroup<Period | ''>({
    name: 'report-period',
    label: 'Period',
    focusKey: 'raw.period',
    options: PERIOD_OPTIONS,
    current: raw.period ?? '',
    choose: (period) => {
      raw.period = period === '' ? null : period;
      // The dates are needed from now on, or no longer.
      actions.touched(
        'raw.period',
        'raw.meetings.columns.date',
        ...raw.spend.map((_, k) => `${EXPORTS}.${k}.columns.date`),
      );
    },
  });
  const add = el('button', {
    text: '+ Add an ad export',
    attrs: { type: 'button', 'data-action': 'add-export' },
  });
  on(add, 'click', () => {
    raw.spend.push(emptyExport());
    actions.restructured(EXPORTS, { key: `${EXPORTS}.${raw.spend.length - 1}.sheet` });
  });
  return el(
    'div',
    { className: 'part', attrs: { 'data-part': 'raw' } },
    ...partHead(state, `Raw data: for ${users}`, 'raw'),
    el('p', {
      text: `Your ad-spend exports (one per platform), your CRM meetings and deals, one row per line. ${capitalised(users)} ${read} these columns, so new rows flow in.`,
      className: 'secondary',
    }),
    ...withError(
      state,
      EXPORTS,
      el(
        'div',
        { className: 'exports' },
        ...raw.spend.map((ads, k) => adExport(state, actions, ads, k, dated)),
      ),
    ),
    add,
    tablePicker(state, actions, {
      path: 'raw.meetings',
      legend: 'Meetings',
      table: raw.meetings,
      kind: MEETING_TABLE,
      optional: dated ? [] : ['date'],
      none: 'None',
    }),
    ...dealsPicker(state, actions),
    el(
      'div',
      { className: 'field' },
      el('div', { text: 'Period', className: 'label', attrs: { id: 'period-label' } }),
      ...withError(state, 'raw.period', periods),
      el('div', {
        text: 'A week, month, quarter or year gives a row per channel and period, read from the date columns, and a chart of CPQM over time.',
        className: 'secondary small',
      }),
    ),
  );
}
