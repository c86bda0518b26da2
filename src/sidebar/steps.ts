/**
 * The views of the six steps, each drawn from the state. Their handlers
 * change the draft and tell the wizard (touched, restructured), which draws
 * the step again; they never change the page themselves.
 */
import {
  CHANNEL_FIELD_LABELS,
  CHANNEL_FIELDS,
  type ChannelField,
  TEMPLATE_IDS,
  TEMPLATE_TITLES,
  type TemplateId,
} from '../addon/settings';
import { el, on } from './dom';
import { iconButton, labelled, textInput, withError } from './fields';
import { CURRENCIES, newStage, suggestColumns } from './model';
import { type Actions, STEPS, type State, stepOf } from './state';

const TEMPLATE_BLURBS: Record<TemplateId, string> = {
  funnelPlan: 'Volume needed at every stage, cost per stage, CPQM against the most you can pay.',
  channelComparison: 'One row per channel: cost per meeting, CPQM, headroom, verdict, blended row.',
  meetingOutcomes: 'A meeting log with outcome dropdowns, show and qualification rates by channel.',
  definitions: 'Every metric’s formula and definition, so every team reads numbers the same way.',
};

/** A channel field's label: "Booked meetings". */
function channelLabel(field: ChannelField): string {
  const words = CHANNEL_FIELD_LABELS[field];
  return words.charAt(0).toUpperCase() + words.slice(1);
}

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
      actions.touched('templates');
    });
    list.append(
      el(
        'label',
        { className: 'choice' },
        box,
        el(
          'span',
          {},
          el('strong', { text: TEMPLATE_TITLES[id] }),
          el('span', { text: TEMPLATE_BLURBS[id], className: 'secondary block' }),
        ),
      ),
    );
  }
  return [
    el('p', {
      text: 'Each template goes on a new tab; nothing already in your spreadsheet changes.',
      className: 'secondary',
    }),
    ...withError(state, 'templates', list),
  ];
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

function channelsStep(state: State, actions: Actions): Node[] {
  const d = state.draft;
  const modes = el('div', {
    className: 'segmented',
    attrs: { role: 'radiogroup', 'aria-label': 'Channel data' },
  });
  for (const [mode, label] of [
    ['typed', 'Type them in'],
    ['mapped', 'Use my columns'],
  ] as const) {
    const radio = el('input', { attrs: { type: 'radio', name: 'channel-mode', value: mode } });
    radio.checked = d.channelMode === mode;
    radio.dataset.focusKey = `mode.${mode}`;
    on(radio, 'change', () => {
      d.channelMode = mode;
      actions.touched('channels');
    });
    modes.append(el('label', {}, radio, label));
  }
  const body =
    d.channelMode === 'typed' ? typedChannels(state, actions) : mappedChannels(state, actions);
  return [modes, ...withError(state, 'channels', el('div', { className: 'channels' }, ...body))];
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
    actions.touched('channels.sheet');
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
  const group = el('div', { className: 'choices', attrs: { role: 'radiogroup' } });
  for (const [value, title, blurb] of options) {
    const radio = el('input', { attrs: { type: 'radio', name: 'formula-style', value } });
    radio.checked = d.formulaStyle === value;
    radio.dataset.focusKey = `style.${value}`;
    on(radio, 'change', () => {
      d.formulaStyle = value;
      actions.touched('formulaStyle');
    });
    group.append(
      el(
        'label',
        { className: 'choice' },
        radio,
        el(
          'span',
          {},
          el('strong', { text: title }),
          el('span', { text: blurb, className: 'secondary block' }),
        ),
      ),
    );
  }
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
