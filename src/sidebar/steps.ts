/**
 * The views of the six steps, each drawn from the state. Their handlers
 * change the draft and tell the wizard (touched, restructured), which draws
 * the step again; they never change the page themselves.
 */
import {
  CHANNEL_FIELD_LABELS,
  CHANNEL_FIELDS,
  type ChannelField,
  MEETING_FIELD_LABELS,
  type SheetColumns,
  SPEND_FIELD_LABELS,
  TEMPLATE_IDS,
  TEMPLATE_TITLES,
  type TemplateId,
} from '../addon/settings';
import { PERIODS, type Period } from '../metrics/period';
import {
  MEETING_TABLE,
  SPEND_TABLE,
  suggestTable,
  type TableKind,
} from '../workbook/export-headers';
import { el, on } from './dom';
import { errorFor, iconButton, labelled, textInput, withError } from './fields';
import { CURRENCIES, newStage, suggestColumns } from './model';
import { type Actions, STEPS, type State, stepOf } from './state';

const TEMPLATE_BLURBS: Record<TemplateId, string> = {
  funnelPlan: 'Volume needed at every stage, cost per stage, CPQM against the most you can pay.',
  channelComparison: 'One row per channel: cost per meeting, CPQM, headroom, verdict, blended row.',
  channelReport:
    'CPQM by channel and by week, month or quarter, straight from your ad-spend export and CRM meetings.',
  fullFunnel:
    'Cost and conversion at every stage, pipeline, revenue, CAC and ROAS by channel, from your CRM’s contacts and deals exports.',
  meetingOutcomes: 'A meeting log with outcome dropdowns, show and qualification rates by channel.',
  definitions: 'Every metric’s formula and definition, so every team reads numbers the same way.',
};

/** A channel field's label: "Booked meetings". */
function channelLabel(field: ChannelField): string {
  const words = CHANNEL_FIELD_LABELS[field];
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** How step 1 names a template, when its title alone does not say what it needs. */
const TEMPLATE_NAMES: Partial<Record<TemplateId, string>> = {
  channelReport: `${TEMPLATE_TITLES.channelReport} (from raw data)`,
};

/** The Channels step, where the raw data is picked: its index among STEPS. */
const CHANNELS_STEP = STEPS.findIndex((s) => s.key === 'channels');

function templatesStep(state: State, actions: Actions): Node[] {
  const d = state.draft;
  const list = el('div', { className: 'choices' });
  for (const id of TEMPLATE_IDS) {
    const box = el('input', { attrs: { type: 'checkbox', value: id } });
    box.checked = d.templates.includes(id);
    box.dataset.focusKey = `templates.${id}`;
    on(box, 'change', (node) => {
      const chosen = new Set(d.templates);
      if (node.checked) chosen.add(id);
      else chosen.delete(id);
      d.templates = TEMPLATE_IDS.filter((t) => chosen.has(t));
      // The report's raw data and the meeting log are sent only while their template is chosen.
      actions.touched('templates', 'raw', 'meetingLog');
    });
    list.append(
      el(
        'label',
        { className: 'choice' },
        box,
        el(
          'span',
          {},
          el('strong', { text: TEMPLATE_NAMES[id] ?? TEMPLATE_TITLES[id] }),
          el('span', { text: TEMPLATE_BLURBS[id], className: 'secondary block' }),
        ),
      ),
    );
    if (id === 'channelReport' && box.checked) list.append(rawNote(state, actions));
  }
  return [
    el('p', {
      text: 'Each template goes on a new tab; nothing already in your spreadsheet changes.',
      className: 'secondary',
    }),
    ...withError(state, 'templates', list),
  ];
}

/** Under a chosen Channel report: which sheets it will read, and the way to check them. */
function rawNote(state: State, actions: Actions): HTMLElement {
  const { spend, meetings } = state.draft.raw;
  const picked = spend.every((s) => s.sheet !== '') && meetings.sheet !== '';
  const go = el('button', {
    text: picked ? 'Check the columns' : 'Pick them in step 4',
    className: 'link',
    attrs: { type: 'button', 'data-action': 'raw-data' },
  });
  on(go, 'click', () => actions.go(CHANNELS_STEP, 'raw'));
  return el(
    'div',
    { className: 'choice-note' },
    picked
      ? `Reads ${[...spend, meetings].map((s) => `“${s.sheet}”`).join(', ')}, suggested by their headers. `
      : 'Needs your ad-spend export and CRM meetings in this spreadsheet. ',
    go,
  );
}

function stagesStep(state: State, actions: Actions): Node[] {
  const d = state.draft;
  const last = d.stages.length - 1;
  const move = (i: number, by: number): void => {
    const [s] = d.stages.splice(i, 1);
    d.stages.splice(i + by, 0, s!);
    actions.restructured('stages');
  };
  const rows = el('ol', { className: 'stages' });
  d.stages.forEach((stage, i) => {
    const name = textInput(
      stage.name,
      (v) => {
        stage.name = v;
        actions.touched(`stages.${i}.name`);
      },
      { 'aria-label': `Stage ${i + 1} name`, class: 'stage-name' },
    );
    const rate = textInput(
      i === last ? '' : stage.rate,
      (v) => {
        stage.rate = v;
        actions.touched(`stages.${i}.rate`);
      },
      {
        'aria-label': `Rate from stage ${i + 1} to the next, in %`,
        class: 'rate',
        inputmode: 'decimal',
      },
    );
    const rateCell =
      i === last
        ? el('span', { className: 'rate-none secondary', text: 'last' })
        : el(
            'span',
            { className: 'with-suffix' },
            rate,
            el('span', { text: '%', className: 'suffix' }),
          );
    const controls = el(
      'span',
      { className: 'row-tools' },
      iconButton(`Move stage ${i + 1} up`, '↑', () => move(i, -1), i === 0),
      iconButton(`Move stage ${i + 1} down`, '↓', () => move(i, 1), i === last),
      iconButton(
        `Remove stage ${i + 1}`,
        '×',
        () => {
          d.stages.splice(i, 1);
          actions.restructured('stages');
        },
        d.stages.length <= 2,
      ),
    );
    const [nameCtl, ...nameErr] = withError(state, `stages.${i}.name`, name);
    const rateErr = i === last ? [] : withError(state, `stages.${i}.rate`, rate).slice(1);
    rows.append(
      el(
        'li',
        { className: 'stage' },
        el('div', { className: 'stage-line' }, nameCtl!, rateCell, controls),
        ...nameErr,
        ...rateErr,
      ),
    );
  });
  const add = el('button', {
    text: '+ Add a stage',
    attrs: { type: 'button', 'data-action': 'add-stage' },
  });
  on(add, 'click', () => {
    // A new stage goes before the last one: the funnel still ends in customers.
    const at = Math.max(last, 0);
    d.stages.splice(at, 0, newStage('New stage', '50'));
    // Its name is selected, ready to be typed over.
    actions.restructured('stages', { key: `stages.${at}.name`, select: true });
  });

  const meeting = el(
    'select',
    {},
    ...d.stages.map((s) => {
      const o = el('option', { text: s.name || '(unnamed)', attrs: { value: String(s.id) } });
      o.selected = s.id === d.meetingStageId;
      return o;
    }),
  );
  on(meeting, 'change', (node) => {
    d.meetingStageId = Number(node.value);
    actions.touched('meetingStage');
  });

  return [
    el('p', {
      text: 'Top of the funnel first. Each rate is the share that moves on to the next stage.',
      className: 'secondary',
    }),
    el(
      'div',
      { className: 'stage-head secondary' },
      el('span', { text: 'Stage' }),
      el('span', { text: 'Rate to next' }),
    ),
    ...withError(state, 'stages', rows),
    add,
    labelled(state, 'Qualified meeting stage (for CPQM)', 'meetingStage', meeting),
  ];
}

function economicsStep(state: State, actions: Actions): Node[] {
  const e = state.draft.economics;
  const currencySymbol = (): string => (e.currency === 'other' ? e.currencyOther : e.currency);
  const money = (label: string, key: 'revenueTarget' | 'dealSize' | 'budget'): HTMLElement =>
    labelled(
      state,
      `${label} (${currencySymbol() || 'currency'})`,
      `economics.${key}`,
      textInput(
        e[key],
        (v) => {
          e[key] = v;
          actions.touched(`economics.${key}`);
        },
        { inputmode: 'decimal' },
      ),
    );

  const currency = el('select');
  for (const c of [...CURRENCIES, 'other']) {
    const o = el('option', { text: c === 'other' ? 'Other…' : c, attrs: { value: c } });
    o.selected = e.currency === c;
    currency.append(o);
  }
  on(currency, 'change', (node) => {
    e.currency = node.value;
    actions.touched('economics.currency');
  });
  const other = textInput(
    e.currencyOther,
    (v) => {
      e.currencyOther = v;
      actions.touched('economics.currency');
    },
    {
      'aria-label': 'Currency symbol or code',
      maxlength: '5',
      class: 'short',
      'data-focus-key': 'economics.currencyOther',
    },
  );
  const currencyField = labelled(state, 'Currency', 'economics.currency', currency);
  if (e.currency === 'other') currencyField.insertBefore(other, currency.nextSibling);

  return [
    currencyField,
    money('Revenue target', 'revenueTarget'),
    money('Average deal size', 'dealSize'),
    labelled(
      state,
      'Close rate from qualified meeting to deal',
      'economics.closeRate',
      textInput(
        e.closeRate,
        (v) => {
          e.closeRate = v;
          actions.touched('economics.closeRate');
        },
        { inputmode: 'decimal' },
      ),
      '%',
    ),
    labelled(
      state,
      'Target return on ad spend',
      'economics.targetRoas',
      textInput(
        e.targetRoas,
        (v) => {
          e.targetRoas = v;
          actions.touched('economics.targetRoas');
        },
        { inputmode: 'decimal' },
      ),
      '×',
    ),
    money('Marketing budget', 'budget'),
    labelled(
      state,
      'Attribution window',
      'attributionWindow',
      textInput(state.draft.attributionWindow, (v) => {
        state.draft.attributionWindow = v;
        actions.touched('attributionWindow');
      }),
    ),
  ];
}

/** The templates that read the channel list (typed, or mapped to a sheet of channels). */
const CHANNEL_LIST_USERS: readonly TemplateId[] = [
  'channelComparison',
  'meetingOutcomes',
  'definitions',
];

/**
 * Up to three parts, each shown while a template that needs it is chosen:
 * the Channel report's raw data, the meeting log, the channel list.
 */
function channelsStep(state: State, actions: Actions): Node[] {
  const d = state.draft;
  const out: Node[] = [];
  if (d.templates.includes('channelReport')) out.push(rawPart(state, actions));
  // The meeting log's short choice before the channel list, which can run long.
  if (d.templates.includes('meetingOutcomes')) out.push(meetingLogPart(state, actions));
  const users = CHANNEL_LIST_USERS.filter((t) => d.templates.includes(t));
  if (users.length > 0) out.push(channelListPart(state, actions, users));
  if (out.length === 0) {
    out.push(
      el('p', {
        text: 'The templates you chose need no channels; go on to the next step.',
        className: 'secondary',
      }),
    );
  }
  return out;
}

/**
 * A part's heading, which takes focus when a message about the part as a
 * whole ("raw": nothing picked yet) sends the user here; the message goes
 * right below it.
 */
function partHead(state: State, title: string, field: string): Node[] {
  const head = el('h3', { text: title, attrs: { tabindex: '-1', 'data-focus-key': field } });
  const message = errorFor(state, field);
  if (!message) return [head];
  const id = `err-${field}`;
  head.setAttribute('aria-describedby', id);
  return [
    head,
    el('div', {
      text: message,
      className: 'error',
      attrs: { role: 'alert', id, 'data-error-for': field },
    }),
  ];
}

function capitalised(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function option(value: string, text: string, selected: boolean): HTMLOptionElement {
  const o = el('option', { text, attrs: { value } });
  o.selected = selected;
  return o;
}

/**
 * A table in the user's spreadsheet: its sheet, then a column for each
 * field. Picking a sheet suggests its columns from their headers. A saved
 * sheet or header that is no longer there stays shown as missing, so the
 * server's message about it has something to sit next to.
 */
function tablePicker<F extends string>(
  state: State,
  actions: Actions,
  p: {
    /** Where the table sits in Settings: "raw.spend", "meetingLog". */
    path: string;
    legend: string;
    table: SheetColumns<F>;
    kind: TableKind<F>;
    labels: Record<F, string>;
    /** Fields that may be left out, and what leaving one out is called. */
    optional: readonly F[];
    none: string;
  },
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
    const part = p.path.split('.')[0]!;
    actions.touched(p.path, ...(errorFor(state, part) ? [part] : []));
  });
  const box = el(
    'fieldset',
    { className: 'table-pick', attrs: { 'data-table': p.path } },
    el('legend', { text: p.legend }),
    labelled(state, 'Sheet', `${p.path}.sheet`, sheet),
  );
  const chosen = state.sheets.find((s) => s.name === p.table.sheet);
  if (!chosen) return box;
  const headers = chosen.headers.filter((h) => h.trim() !== '');
  for (const f of p.kind.fields) {
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
    box.append(labelled(state, capitalised(p.labels[f]), `${p.path}.columns.${f}`, select));
  }
  return box;
}

/** The period radio's values: a period, or "" for none. */
const PERIOD_OPTIONS = [['', 'None'], ...PERIODS.map((p) => [p, capitalised(p)] as const)] as const;

/**
 * A group of radio buttons, the one way the wizard offers a choice: a
 * segmented row of short labels, or cards with a title and a line of
 * explanation (when options carry one).
 */
function radioGroup<V extends string>(o: {
  name: string;
  label?: string;
  focusKey: string;
  options: readonly (readonly [V, string] | readonly [V, string, string])[];
  current: V;
  choose: (value: V) => void;
}): HTMLElement {
  const cards = o.options.some((opt) => opt.length === 3);
  const group = el('div', {
    className: cards ? 'choices' : 'segmented',
    attrs: { role: 'radiogroup', ...(o.label ? { 'aria-label': o.label } : {}) },
  });
  for (const [value, title, blurb] of o.options) {
    const radio = el('input', { attrs: { type: 'radio', name: o.name, value } });
    radio.checked = o.current === value;
    radio.dataset.focusKey = `${o.focusKey}.${value}`;
    on(radio, 'change', () => o.choose(value));
    group.append(
      cards
        ? el(
            'label',
            { className: 'choice' },
            radio,
            el(
              'span',
              {},
              el('strong', { text: title }),
              el('span', { text: blurb ?? '', className: 'secondary block' }),
            ),
          )
        : el('label', {}, radio, title),
    );
  }
  return group;
}

function rawPart(state: State, actions: Actions): HTMLElement {
  const raw = state.draft.raw;
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
      actions.touched('raw.period', 'raw.spend.columns.date', 'raw.meetings.columns.date');
    },
  });
  return el(
    'div',
    { className: 'part', attrs: { 'data-part': 'raw' } },
    ...partHead(state, 'Channel report: from raw data', 'raw'),
    el('p', {
      text: 'Your ad-spend export and your CRM meetings, one row per line. The report reads these columns, so new rows flow in.',
      className: 'secondary',
    }),
    ...raw.spend.map((table, k) =>
      tablePicker(state, actions, {
        path: `raw.spend.${k}`,
        legend: 'Ad spend',
        table,
        kind: SPEND_TABLE,
        labels: SPEND_FIELD_LABELS,
        optional: dated ? [] : ['date'],
        none: 'None',
      }),
    ),
    tablePicker(state, actions, {
      path: 'raw.meetings',
      legend: 'Meetings',
      table: raw.meetings,
      kind: MEETING_TABLE,
      labels: MEETING_FIELD_LABELS,
      optional: dated ? [] : ['date'],
      none: 'None',
    }),
    el(
      'div',
      { className: 'field' },
      el('div', { text: 'Period', className: 'label', attrs: { id: 'period-label' } }),
      ...withError(state, 'raw.period', periods),
      el('div', {
        text: 'A week, month or quarter gives a row per channel and period, read from the date columns, and a chart of CPQM over time.',
        className: 'secondary small',
      }),
    ),
  );
}

function channelListPart(
  state: State,
  actions: Actions,
  users: readonly TemplateId[],
): HTMLElement {
  const d = state.draft;
  const modes = radioGroup({
    name: 'channel-mode',
    label: 'Channel data',
    focusKey: 'mode',
    options: [
      ['typed', 'Type them in'],
      ['mapped', 'Use my columns'],
    ],
    current: d.channelMode,
    choose: (mode) => {
      d.channelMode = mode;
      actions.touched('channels');
    },
  });
  const body =
    d.channelMode === 'typed' ? typedChannels(state, actions) : mappedChannels(state, actions);
  const names = users.map((t) => TEMPLATE_TITLES[t]);
  const those =
    names.length === 1
      ? names[0]
      : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return el(
    'div',
    { className: 'part', attrs: { 'data-part': 'channels' } },
    el('h3', { text: 'Channel list' }),
    el('p', { text: `For the ${those}.`, className: 'secondary' }),
    modes,
    ...withError(state, 'channels', el('div', { className: 'channels' }, ...body)),
  );
}

function meetingLogPart(state: State, actions: Actions): HTMLElement {
  const d = state.draft;
  const options = [
    ['new', 'Start a new, empty log', 'Rows to fill in, each with an outcome dropdown.'],
    [
      'existing',
      'Use an existing meeting log',
      'Summarise the meetings already in one of your sheets, such as a CRM export.',
    ],
  ] as const;
  const group = radioGroup({
    name: 'meeting-log',
    label: 'Meeting log',
    focusKey: 'meetingLog.mode',
    options,
    current: d.meetingLogMode,
    choose: (mode) => {
      d.meetingLogMode = mode;
      actions.touched('meetingLog');
    },
  });
  return el(
    'div',
    { className: 'part', attrs: { 'data-part': 'meetingLog' } },
    ...partHead(state, 'Meeting log', 'meetingLog'),
    el('p', { text: `For ${TEMPLATE_TITLES.meetingOutcomes}.`, className: 'secondary' }),
    group,
    d.meetingLogMode === 'existing'
      ? tablePicker(state, actions, {
          path: 'meetingLog',
          legend: 'Your meeting log',
          table: d.meetingLog,
          kind: MEETING_TABLE,
          labels: MEETING_FIELD_LABELS,
          optional: ['date'],
          none: 'None',
        })
      : null,
  );
}

function typedChannels(state: State, actions: Actions): Node[] {
  const d = state.draft;
  const cur = d.economics.currency === 'other' ? d.economics.currencyOther : d.economics.currency;
  const cards = d.channels.map((c, i) => {
    const path = (f: ChannelField): string => `channels.rows.${i}.${f}`;
    const input = (f: ChannelField, label: string, suffix?: string): HTMLElement =>
      labelled(
        state,
        label,
        path(f),
        textInput(
          c[f],
          (v) => {
            c[f] = v;
            actions.touched(path(f));
          },
          f === 'name' ? {} : { inputmode: 'decimal' },
        ),
        suffix,
      );
    const remove = iconButton(`Remove channel ${i + 1}`, '×', () => {
      d.channels.splice(i, 1);
      actions.restructured('channels');
    });
    return el(
      'fieldset',
      { className: 'channel' },
      el('div', { className: 'channel-head' }, input('name', `Channel ${i + 1}`), remove),
      el(
        'div',
        { className: 'grid2' },
        input('spend', `${channelLabel('spend')} (${cur || 'currency'})`),
        input('meetings', channelLabel('meetings')),
        input('showRate', channelLabel('showRate'), '%'),
        input('qualRate', channelLabel('qualRate'), '%'),
      ),
    );
  });
  const add = el('button', {
    text: '+ Add a channel',
    attrs: { type: 'button', 'data-action': 'add-channel' },
  });
  on(add, 'click', () => {
    d.channels.push({
      name: `Channel ${d.channels.length + 1}`,
      spend: '0',
      meetings: '0',
      showRate: '100',
      qualRate: '100',
    });
    actions.restructured('channels');
  });
  return [...cards, add];
}

function mappedChannels(state: State, actions: Actions): Node[] {
  const d = state.draft;
  const withHeaders = state.sheets.filter((s) => s.headers.some((h) => h.trim() !== ''));
  if (withHeaders.length === 0) {
    return [
      el('p', {
        text: 'No sheet here has headers in its first row yet. Add a sheet with one channel per row and headers such as Channel, Spend, Meetings, Show rate, Qual %, then reopen the wizard.',
        className: 'secondary',
      }),
    ];
  }
  const sheet = el('select');
  sheet.append(el('option', { text: 'Choose a sheet…', attrs: { value: '' } }));
  for (const s of withHeaders) {
    const o = el('option', { text: `${s.name} (${s.dataRows} rows)`, attrs: { value: s.name } });
    o.selected = s.name === d.mapSheet;
    sheet.append(o);
  }
  on(sheet, 'change', (node) => {
    d.mapSheet = node.value;
    const info = state.sheets.find((s) => s.name === node.value);
    d.mapColumns = suggestColumns(info?.headers ?? []);
    actions.touched('channels.sheet', 'channels.columns');
  });
  const chosen = state.sheets.find((s) => s.name === d.mapSheet);
  const fields: Node[] = [
    el('p', {
      text: 'The new tabs refer to these columns with formulas, so they stay up to date as the sheet changes.',
      className: 'secondary',
    }),
    labelled(state, 'Sheet with one channel per row', 'channels.sheet', sheet),
  ];
  if (chosen) {
    fields.push(
      el('p', {
        text: 'Columns are suggested from their headers; change any that are wrong.',
        className: 'secondary',
      }),
    );
    for (const f of CHANNEL_FIELDS) {
      const select = el('select');
      select.append(el('option', { text: 'Choose a column…', attrs: { value: '' } }));
      for (const h of chosen.headers) {
        if (h.trim() === '') continue;
        const o = el('option', { text: h, attrs: { value: h } });
        o.selected = h === d.mapColumns[f];
        select.append(o);
      }
      on(select, 'change', (node) => {
        d.mapColumns[f] = node.value;
        actions.touched(`channels.columns.${f}`);
      });
      fields.push(labelled(state, channelLabel(f), `channels.columns.${f}`, select));
    }
  }
  return fields;
}

function styleStep(state: State, actions: Actions): Node[] {
  const d = state.draft;
  const options = [
    ['addon', 'Funnel Math functions', 'Short, readable formulas such as =CPQM(B2, C2, E2, D2).'],
    [
      'native',
      'Portable native formulas',
      'Built-in Sheets functions only: the tabs keep working for collaborators without the add-on and on mobile.',
    ],
  ] as const;
  const group = radioGroup({
    name: 'formula-style',
    focusKey: 'style',
    options,
    current: d.formulaStyle,
    choose: (style) => {
      d.formulaStyle = style;
      actions.touched('formulaStyle');
    },
  });
  return withError(state, 'formulaStyle', group);
}

function previewStep(state: State, actions: Actions): Node[] {
  const out: Node[] = [];
  if (state.errors.length > 0) {
    const list = el('ul', { className: 'error-list' });
    for (const e of state.errors) {
      const step = stepOf(e.field);
      const go = el('button', {
        text: `${STEPS[step]!.title}: ${e.message}`,
        className: 'link error',
        attrs: { type: 'button' },
      });
      // Fields carry their path as their focus key.
      on(go, 'click', () => actions.go(step, e.field));
      list.append(el('li', {}, go));
    }
    out.push(el('p', { text: 'Fix these first:', className: 'error' }), list);
    return out;
  }
  if (!state.preview) {
    const show = el('button', {
      text: 'Show the preview',
      attrs: { type: 'button', 'data-action': 'preview' },
    });
    show.disabled = state.busy !== null;
    on(show, 'click', () => void actions.preview());
    out.push(show);
    return out;
  }
  const list = el('div', { className: 'preview' });
  for (const item of state.preview) {
    list.append(
      el(
        'div',
        { className: 'preview-item' },
        el('div', { text: item.tabName, className: 'tab-name' }),
        el('ul', {}, ...item.lines.map((line) => el('li', { text: line }))),
      ),
    );
  }
  const refresh = el('button', {
    text: 'Refresh preview',
    className: 'link',
    attrs: { type: 'button' },
  });
  on(refresh, 'click', () => void actions.preview());
  out.push(list, refresh);
  return out;
}

export const STEP_VIEWS: ((state: State, actions: Actions) => Node[])[] = [
  templatesStep,
  stagesStep,
  economicsStep,
  channelsStep,
  styleStep,
  previewStep,
];
