/**
 * The set-up wizard of SPEC §3: six steps, each skippable, over a draft of
 * the settings. Every step renders from the draft; inputs write back to it
 * on each keystroke without re-rendering, so focus and caret stay put.
 */
import type { FieldError, PreviewItem, SheetInfo } from '../addon/api';
import {
  CHANNEL_FIELDS,
  type ChannelField,
  defaultSettings,
  type Settings,
  TEMPLATE_IDS,
  TEMPLATE_TITLES,
  type TemplateId,
} from '../addon/settings';
import { el, uid } from './dom';
import {
  CURRENCIES,
  type Draft,
  fromSettings,
  newStage,
  suggestColumns,
  toSettings,
} from './model';
import { call } from './rpc';

const STEPS = [
  { key: 'templates', title: 'Templates' },
  { key: 'stages', title: 'Stages' },
  { key: 'economics', title: 'Economics' },
  { key: 'channels', title: 'Channels' },
  { key: 'style', title: 'Formula style' },
  { key: 'preview', title: 'Preview and create' },
] as const;
const PREVIEW = STEPS.length - 1;

const TEMPLATE_BLURBS: Record<TemplateId, string> = {
  funnelPlan: 'Volume needed at every stage, cost per stage, CPQM against the most you can pay.',
  channelComparison: 'One row per channel: cost per meeting, CPQM, headroom, verdict, blended row.',
  meetingOutcomes: 'A meeting log with outcome dropdowns, show and qualification rates by channel.',
  definitions: 'Every metric’s formula and definition, so every team reads numbers the same way.',
};

const CHANNEL_LABELS: Record<ChannelField, string> = {
  name: 'Channel name',
  spend: 'Spend',
  meetings: 'Booked meetings',
  showRate: 'Show rate',
  qualRate: 'Qual rate',
};

/** Which step holds the field a server message is about. */
function stepOf(field: string): number {
  const head = field.split('.')[0];
  switch (head) {
    case 'templates':
      return 0;
    case 'stages':
    case 'meetingStage':
      return 1;
    case 'economics':
    case 'attributionWindow':
      return 2;
    case 'channels':
      return 3;
    case 'formulaStyle':
      return 4;
    default:
      return PREVIEW;
  }
}

interface State {
  step: number;
  draft: Draft;
  sheets: SheetInfo[];
  saved: boolean;
  errors: FieldError[];
  busy: string | null;
  preview: PreviewItem[] | null;
  created: string[] | null;
  warnings: string[];
  failure: string | null;
}

export function startWizard(root: HTMLElement): void {
  const state: State = {
    step: 0,
    draft: fromSettings(defaultSettings(), []),
    sheets: [],
    saved: false,
    errors: [],
    busy: 'Loading your spreadsheet…',
    preview: null,
    created: null,
    warnings: [],
    failure: null,
  };

  const render = (): void => {
    const focusedField = (document.activeElement as HTMLElement | null)?.dataset?.focusKey;
    root.replaceChildren(...view(state, actions));
    if (focusedField) {
      root.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusedField)}"]`)?.focus();
    }
  };

  /** Marks the draft changed: earlier results and messages no longer describe it. */
  const touched = (field?: string): void => {
    state.created = null;
    state.preview = null;
    if (field) {
      state.errors = state.errors.filter((e) => e.field !== field);
      root.querySelector(`[data-field="${CSS.escape(field)}"]`)?.removeAttribute('aria-invalid');
      root.querySelector(`[data-error-for="${CSS.escape(field)}"]`)?.remove();
    }
  };

  const run = async <T>(label: string, work: () => Promise<T>): Promise<T | undefined> => {
    state.busy = label;
    state.failure = null;
    render();
    try {
      return await work();
    } catch (e) {
      state.failure = e instanceof Error ? e.message : String(e);
      return undefined;
    } finally {
      state.busy = null;
    }
  };

  /** Local errors first: a value that is not a number never reaches the server. */
  const settingsOrErrors = (): Settings | undefined => {
    const { settings, errors } = toSettings(state.draft);
    if (errors.length > 0) {
      state.errors = errors;
      return undefined;
    }
    return settings;
  };

  const showErrors = (errors: FieldError[], jump: boolean): void => {
    state.errors = errors;
    if (jump && errors[0]) state.step = stepOf(errors[0].field);
    render();
    if (jump && errors[0]) focusField(root, errors[0].field);
  };

  const preview = async (): Promise<void> => {
    const settings = settingsOrErrors();
    if (!settings) return showErrors(state.errors, false);
    const result = await run('Preparing the preview…', () => call('previewTemplates', settings));
    if (result && !result.ok) return showErrors(result.errors, false);
    state.errors = [];
    state.preview = result?.ok ? result.value : null;
    render();
  };

  const create = async (): Promise<void> => {
    const settings = settingsOrErrors();
    if (!settings) return showErrors(state.errors, true);
    const result = await run('Creating your tabs…', () => call('createTemplates', settings));
    if (result && !result.ok) return showErrors(result.errors, true);
    state.errors = [];
    state.saved = result?.ok ?? state.saved;
    state.created = result?.ok ? result.value.tabs : null;
    state.warnings = result?.ok ? (result.value.warnings ?? []) : [];
    // The names it showed are taken now; the next preview says "(2)".
    if (state.created) state.preview = null;
    render();
  };

  const go = (step: number): void => {
    state.step = Math.max(0, Math.min(PREVIEW, step));
    state.failure = null;
    render();
    root.querySelector<HTMLElement>('.step h2')?.focus();
    if (state.step === PREVIEW && !state.preview) void preview();
  };

  const actions: Actions = {
    go,
    create,
    preview,
    touched,
    render,
    resetDefaults: () => {
      state.draft = fromSettings(defaultSettings(), state.sheets);
      state.saved = false;
      state.errors = [];
      touched();
      render();
    },
  };

  render();
  call('getSetupState')
    .then((setup) => {
      state.draft = fromSettings(setup.settings, setup.sheets);
      state.sheets = setup.sheets;
      state.saved = setup.saved;
    })
    .catch((e: unknown) => {
      state.failure = `Could not read this spreadsheet: ${e instanceof Error ? e.message : e}. Showing the defaults.`;
    })
    .finally(() => {
      state.busy = null;
      render();
      // Tests and the benchmark wait for this: the wizard answers clicks from here on.
      document.body.dataset.ready = 'true';
      performance.mark('wizard-ready');
    });
}

interface Actions {
  go(step: number): void;
  create(): Promise<void>;
  preview(): Promise<void>;
  touched(field?: string): void;
  render(): void;
  resetDefaults(): void;
}

function focusField(root: HTMLElement, field: string): void {
  root
    .querySelector<HTMLElement>(`[data-field="${CSS.escape(field)}"]`)
    ?.focus({ preventScroll: false });
}

function errorFor(state: State, field: string): string | undefined {
  return state.errors.find((e) => e.field === field)?.message;
}

/** A control and, right after it, the message about it when there is one. */
function withError(state: State, field: string, control: HTMLElement): HTMLElement[] {
  control.dataset.field = field;
  control.dataset.focusKey = field;
  const message = errorFor(state, field);
  if (!message) return [control];
  control.setAttribute('aria-invalid', 'true');
  const id = uid('err');
  control.setAttribute('aria-describedby', id);
  return [
    control,
    el('div', {
      text: message,
      className: 'error',
      attrs: { role: 'alert', id, 'data-error-for': field },
    }),
  ];
}

function textInput(
  value: string,
  onInput: (v: string) => void,
  attrs: Record<string, string> = {},
): HTMLInputElement {
  const input = el('input', { attrs: { type: 'text', autocomplete: 'off', ...attrs } });
  input.value = value;
  input.addEventListener('input', () => onInput(input.value));
  return input;
}

/** A labelled field: label above, control, then its message. */
function labelled(
  state: State,
  label: string,
  field: string,
  control: HTMLElement,
  suffix?: string,
): HTMLElement {
  const id = uid('f');
  control.id = id;
  const [ctrl, ...error] = withError(state, field, control);
  const line = suffix
    ? el(
        'div',
        { className: 'with-suffix' },
        ctrl,
        el('span', { text: suffix, className: 'suffix' }),
      )
    : ctrl!;
  return el(
    'div',
    { className: 'field' },
    el('label', { text: label, attrs: { for: id } }),
    line,
    ...error,
  );
}

function view(state: State, actions: Actions): Node[] {
  const nodes: Node[] = [el('h1', { text: 'Set up a funnel' })];
  nodes.push(stepNav(state, actions));
  if (state.saved && state.step === 0 && !state.created) {
    const reset = el('button', {
      text: 'Use the defaults',
      className: 'link',
      attrs: { type: 'button' },
    });
    reset.addEventListener('click', actions.resetDefaults);
    nodes.push(el('p', { className: 'note' }, 'Your last settings for this spreadsheet. ', reset));
  }
  const body = [templatesStep, stagesStep, economicsStep, channelsStep, styleStep, previewStep][
    state.step
  ]!(state, actions);
  const title = el('h2', { text: STEPS[state.step]!.title, attrs: { tabindex: '-1' } });
  nodes.push(
    el(
      'section',
      { className: 'step', attrs: { 'data-step': STEPS[state.step]!.key } },
      title,
      ...body,
    ),
  );
  // Status and buttons stay in view however long the step is.
  nodes.push(el('div', { className: 'dock' }, status(state), footer(state, actions)));
  return nodes;
}

function stepNav(state: State, actions: Actions): HTMLElement {
  const nav = el('nav', { className: 'steps', attrs: { 'aria-label': 'Wizard steps' } });
  STEPS.forEach((s, i) => {
    const hasError = state.errors.some((e) => stepOf(e.field) === i);
    const b = el('button', {
      text: String(i + 1),
      className: `${i === state.step ? 'current' : ''}${hasError ? ' has-error' : ''}`,
      attrs: { type: 'button', title: s.title, 'aria-label': `Step ${i + 1}: ${s.title}` },
    });
    if (i === state.step) b.setAttribute('aria-current', 'step');
    b.addEventListener('click', () => actions.go(i));
    nav.append(b);
  });
  nav.append(
    el('span', {
      text: `Step ${state.step + 1} of ${STEPS.length}`,
      className: 'secondary step-count',
    }),
  );
  return nav;
}

function status(state: State): HTMLElement {
  const box = el('div', { className: 'status', attrs: { 'aria-live': 'polite' } });
  if (state.busy) {
    box.append(el('span', { className: 'spinner', attrs: { 'aria-hidden': 'true' } }), state.busy);
    box.classList.add('busy');
  } else if (state.failure) {
    box.append(el('div', { text: state.failure, className: 'error', attrs: { role: 'alert' } }));
  } else if (state.created) {
    const n = state.created.length;
    const ok = el('div', { className: 'success', attrs: { role: 'status' } });
    ok.append(`Created ${n === 1 ? 'the tab' : `${n} tabs`}: `);
    state.created.forEach((tab, i) => {
      if (i > 0) ok.append(', ');
      ok.append(el('strong', { text: tab, className: 'tab-name' }));
    });
    ok.append('.');
    box.append(ok);
    for (const w of state.warnings) box.append(el('div', { text: w, className: 'warning' }));
  }
  return box;
}

function footer(state: State, actions: Actions): HTMLElement {
  const back = el('button', { text: 'Back', attrs: { type: 'button', 'data-action': 'back' } });
  back.disabled = state.step === 0 || state.busy !== null;
  back.addEventListener('click', () => actions.go(state.step - 1));
  const last = state.step === PREVIEW;
  const next = el('button', {
    text: last ? 'Create' : 'Next',
    className: last ? 'action' : '',
    attrs: { type: 'button', 'data-action': last ? 'create' : 'next' },
  });
  next.disabled = state.busy !== null;
  next.addEventListener('click', () => (last ? void actions.create() : actions.go(state.step + 1)));
  const bar = el('footer', { className: 'actions' }, back, next);
  if (!last) {
    const skip = el('button', {
      text: 'Create now',
      className: 'action',
      attrs: { type: 'button', 'data-action': 'create-now', title: 'Create with these settings' },
    });
    skip.disabled = state.busy !== null;
    skip.addEventListener('click', () => void actions.create());
    bar.append(skip);
  }
  return bar;
}

function templatesStep(state: State, actions: Actions): Node[] {
  const d = state.draft;
  const list = el('div', { className: 'choices' });
  for (const id of TEMPLATE_IDS) {
    const box = el('input', { attrs: { type: 'checkbox', value: id } });
    box.checked = d.templates.includes(id);
    box.dataset.focusKey = `templates.${id}`;
    box.addEventListener('change', () => {
      const chosen = new Set(d.templates);
      if (box.checked) chosen.add(id);
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

function iconButton(
  label: string,
  glyph: string,
  onClick: () => void,
  disabled = false,
): HTMLButtonElement {
  const b = el('button', {
    text: glyph,
    className: 'icon',
    attrs: { type: 'button', title: label, 'aria-label': label },
  });
  b.disabled = disabled;
  b.addEventListener('click', onClick);
  return b;
}

function stagesStep(state: State, actions: Actions): Node[] {
  const d = state.draft;
  const last = d.stages.length - 1;
  const move = (i: number, by: number): void => {
    const [s] = d.stages.splice(i, 1);
    d.stages.splice(i + by, 0, s!);
    actions.touched();
    actions.render();
  };
  const rows = el('ol', { className: 'stages' });
  d.stages.forEach((stage, i) => {
    const name = textInput(
      stage.name,
      (v) => {
        stage.name = v;
        actions.touched(`stages.${i}.name`);
        refreshMeetingOptions();
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
          actions.touched();
          actions.render();
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
  add.addEventListener('click', () => {
    // A new stage goes before the last one: the funnel still ends in customers.
    d.stages.splice(Math.max(last, 0), 0, newStage('New stage', '50'));
    actions.touched();
    actions.render();
    const inputs = document.querySelectorAll<HTMLInputElement>('.stage-name');
    inputs[Math.max(last, 0)]?.select();
  });

  const meeting = el('select');
  const refreshMeetingOptions = (): void => {
    meeting.replaceChildren(
      ...d.stages.map((s) => {
        const o = el('option', { text: s.name || '(unnamed)', attrs: { value: String(s.id) } });
        o.selected = s.id === d.meetingStageId;
        return o;
      }),
    );
  };
  refreshMeetingOptions();
  meeting.addEventListener('change', () => {
    d.meetingStageId = Number(meeting.value);
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
  currency.addEventListener('change', () => {
    e.currency = currency.value;
    actions.touched('economics.currency');
    actions.render();
  });
  const other = textInput(
    e.currencyOther,
    (v) => {
      e.currencyOther = v;
      actions.touched('economics.currency');
    },
    { 'aria-label': 'Currency symbol or code', maxlength: '5', class: 'short' },
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
    radio.addEventListener('change', () => {
      d.channelMode = mode;
      actions.touched('channels');
      actions.render();
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
      actions.touched();
      actions.render();
    });
    return el(
      'fieldset',
      { className: 'channel' },
      el('div', { className: 'channel-head' }, input('name', `Channel ${i + 1}`), remove),
      el(
        'div',
        { className: 'grid2' },
        input('spend', `Spend (${cur || 'currency'})`),
        input('meetings', 'Booked meetings'),
        input('showRate', 'Show rate', '%'),
        input('qualRate', 'Qual rate', '%'),
      ),
    );
  });
  const add = el('button', {
    text: '+ Add a channel',
    attrs: { type: 'button', 'data-action': 'add-channel' },
  });
  add.addEventListener('click', () => {
    d.channels.push({
      name: `Channel ${d.channels.length + 1}`,
      spend: '0',
      meetings: '0',
      showRate: '100',
      qualRate: '100',
    });
    actions.touched();
    actions.render();
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
  sheet.addEventListener('change', () => {
    d.mapSheet = sheet.value;
    const info = state.sheets.find((s) => s.name === sheet.value);
    d.mapColumns = suggestColumns(info?.headers ?? []);
    actions.touched('channels.sheet');
    actions.render();
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
      select.addEventListener('change', () => {
        d.mapColumns[f] = select.value;
        actions.touched(`channels.columns.${f}`);
      });
      fields.push(labelled(state, CHANNEL_LABELS[f], `channels.columns.${f}`, select));
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
    radio.addEventListener('change', () => {
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
      go.addEventListener('click', () => {
        actions.go(step);
        focusField(document.body, e.field);
      });
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
    show.addEventListener('click', () => void actions.preview());
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
  refresh.addEventListener('click', () => void actions.preview());
  out.push(list, refresh);
  return out;
}
