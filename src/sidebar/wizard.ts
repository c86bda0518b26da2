/**
 * The set-up wizard: six steps, each skippable, over a draft of the settings.
 * The page changes one way only: a handler changes the state, then `render`
 * draws the whole wizard from it again. The drawing is patched onto the page
 * (see `patch`), so the field being typed into stays the same element, with
 * its focus, caret and undo history; focus moves only when a render asks.
 */
import type { FieldError } from '../addon/api';
import { wizardAsync } from '../addon/planner';
import { defaultSettings, type MappingRow, type Settings } from '../addon/settings';
import { messageOf } from '../sheets/format';
import { el, on, patch } from './dom';
import { fromSettings, toSettings } from './model';
import { server } from './rpc';
import { type Actions, type Focus, PREVIEW, STEPS, type State, stepOf } from './state';
import { STEP_VIEWS } from './step-views';
import { choicesFor, updatesFrom } from './tab-choices';

/** The step title's focus key: where focus goes when a step opens. */
const TITLE = 'step-title';

export function startWizard(root: HTMLElement): void {
  // The settings are checked and the templates built here; the server reads and writes.
  const wizard = wizardAsync(server);
  const state: State = {
    step: 0,
    draft: fromSettings(defaultSettings(), []),
    sheets: [],
    saved: false,
    errors: [],
    busy: 'Loading your spreadsheet…',
    preview: null,
    choices: {},
    created: null,
    updated: [],
    warnings: [],
    failure: null,
    meanings: null,
  };

  /** Draws the wizard from the state; see Focus for where focus goes. */
  const render = (focus?: Focus): void => {
    const active = document.activeElement;
    const kept = active instanceof HTMLElement ? active.dataset.focusKey : undefined;
    patch(root, view(state, actions));
    const find = (key: string) =>
      root.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`);
    if (focus) {
      const target = find(focus.key);
      target?.focus();
      // Nothing there takes focus (a message about a whole list): the step's title does.
      if (document.activeElement !== target) find(TITLE)?.focus();
      else if (focus.select) (target as HTMLInputElement).select();
    } else if (kept && !root.contains(active)) {
      // The focused element was replaced by one of another kind: focus its successor.
      find(kept)?.focus({ preventScroll: true });
    }
  };

  /** Marks the draft changed: earlier results and the fields' messages no longer describe it. */
  const touched = (...fields: string[]): void => {
    state.created = null;
    state.preview = null;
    const within = (field: string) => fields.some((f) => field === f || field.startsWith(`${f}.`));
    state.errors = state.errors.filter((e) => !within(e.field));
    render();
  };

  const run = async <T>(label: string, work: () => Promise<T>): Promise<T | undefined> => {
    state.busy = label;
    state.failure = null;
    render();
    try {
      return await work();
    } catch (e) {
      state.failure = messageOf(e);
      return undefined;
    } finally {
      state.busy = null;
    }
  };

  /**
   * Every problem of every step in one round: what the sidebar cannot read
   * (a rate that is not a number) and, beside it, what the server finds in
   * the rest. A field the sidebar could not read keeps the sidebar's message
   * only: the server saw a stand-in for it.
   */
  const check = async (
    label: string,
    settings: Settings,
    local: FieldError[],
  ): Promise<FieldError[] | undefined> => {
    const result = await run(label, () => wizard.previewTemplates(settings));
    if (!result) return undefined;
    const server = result.ok ? [] : result.errors;
    const unread = new Set(local.map((e) => e.field));
    const all = [...local, ...server.filter((e) => !unread.has(e.field))];
    // In the order of the steps, so the first one shown is the first to fix.
    return all
      .map((e, k) => ({ e, k, step: stepOf(e.field) }))
      .sort((a, b) => a.step - b.step || a.k - b.k)
      .map(({ e }) => e);
  };

  const showErrors = (errors: FieldError[], jump: boolean): void => {
    state.errors = errors;
    const first = jump ? errors[0] : undefined;
    if (first) state.step = stepOf(first.field);
    // Fields carry their path as their focus key.
    render(first && { key: first.field });
  };

  const preview = async (): Promise<void> => {
    const { settings, errors } = toSettings(state.draft);
    if (errors.length > 0) {
      const all = await check('Checking your settings…', settings, errors);
      return showErrors(all ?? errors, false);
    }
    const result = await run('Preparing the preview…', () => wizard.previewTemplates(settings));
    if (result && !result.ok) return showErrors(result.errors, false);
    state.errors = [];
    state.preview = result?.ok ? result.value : null;
    if (state.preview) state.choices = choicesFor(state.preview, state.choices);
    render();
  };

  const create = async (): Promise<void> => {
    const { settings, errors } = toSettings(state.draft);
    if (errors.length > 0) {
      const all = await check('Checking your settings…', settings, errors);
      return showErrors(all ?? errors, true);
    }
    if (!state.preview) {
      // "Create now" skipped the preview: where the add-on made a tab for a
      // chosen template already, the user chooses update or add before anything is written.
      const shown = await run('Checking for tabs made earlier…', () =>
        wizard.previewTemplates(settings),
      );
      if (shown && !shown.ok) return showErrors(shown.errors, true);
      if (shown?.ok && shown.value.some((item) => item.existing.length > 0)) {
        state.preview = shown.value;
        state.choices = choicesFor(shown.value, state.choices);
        state.step = PREVIEW;
        return render({ key: TITLE });
      }
    }
    // Tabs are rebuilt in place only where the preview offered it and the user left it chosen.
    const updates = state.preview ? updatesFrom(state.preview, state.choices) : {};
    const result = await run('Creating your tabs…', () =>
      wizard.createTemplates(settings, updates),
    );
    if (result && !result.ok) return showErrors(result.errors, true);
    state.errors = [];
    state.saved = result?.ok ?? state.saved;
    state.created = result?.ok ? result.value.tabs : null;
    state.updated = result?.ok ? (result.value.updated ?? []) : [];
    state.warnings = result?.ok ? (result.value.warnings ?? []) : [];
    // The names it showed are taken now; the next preview says "(2)".
    if (state.created) state.preview = null;
    render();
    if (state.created) {
      // The new tabs are sheets the channel step may now map to.
      wizard
        .getSetupState()
        .then((setup) => {
          state.sheets = setup.sheets;
        })
        .catch(() => undefined);
    }
  };

  /**
   * Lists the values in the mapped tables that need a meaning. Rows the user
   * already has keep their meaning; new ones come with the suggested one; a
   * suggestion the user never changed goes when the data no longer holds its
   * value (a sheet now read as one channel).
   */
  const findMeanings = async (): Promise<void> => {
    const { settings } = toSettings(state.draft);
    const result = await run('Reading your data…', () => wizard.suggestMeanings(settings));
    if (result && !result.ok) {
      const fields = new Set(result.errors.map((e) => e.field));
      state.errors = [...state.errors.filter((e) => !fields.has(e.field)), ...result.errors];
    } else if (result) {
      const key = (r: MappingRow) => `${r.field}:${r.value.trim().toLowerCase()}`;
      const suggested = new Map((state.meanings?.rows ?? []).map((r) => [key(r), r.means]));
      const found = new Set(result.value.rows.map(key));
      const mapping = state.draft.mapping.filter(
        (r) => found.has(key(r)) || suggested.get(key(r)) !== r.means,
      );
      const have = new Set(mapping.map(key));
      for (const { field, value, means } of result.value.rows) {
        if (!have.has(key({ field, value, means }))) mapping.push({ field, value, means });
      }
      state.draft.mapping = mapping;
      state.meanings = result.value;
      // Rows moved: messages about them name old positions.
      state.errors = state.errors.filter(
        (e) => e.field !== 'mapping' && !e.field.startsWith('mapping.'),
      );
      state.preview = null;
    }
    render();
  };

  /** The Channels step lists the values to map by itself the first time it opens. */
  const wantsMeanings = (): boolean => {
    const d = state.draft;
    return (
      state.meanings === null &&
      state.busy === null &&
      STEPS[state.step]?.key === 'channels' &&
      (d.templates.includes('channelReport') ||
        (d.templates.includes('meetingOutcomes') && d.meetingLogMode === 'existing'))
    );
  };

  const go = (step: number, focus = TITLE): void => {
    state.step = Math.max(0, Math.min(PREVIEW, step));
    state.failure = null;
    render({ key: focus });
    if (state.step === PREVIEW && !state.preview) void preview();
    else if (wantsMeanings()) void findMeanings();
  };

  const actions: Actions = {
    go,
    create,
    preview,
    chooseTab: (template, tab) => {
      state.choices = { ...state.choices, [template]: tab };
      render();
    },
    touched,
    findMeanings,
    restructured: (list, focus) => {
      state.created = null;
      state.preview = null;
      state.errors = state.errors.filter(
        (e) => e.field !== list && !e.field.startsWith(`${list}.`),
      );
      render(focus);
    },
    resetDefaults: () => {
      state.draft = fromSettings(defaultSettings(), state.sheets);
      state.saved = false;
      state.errors = [];
      touched();
    },
  };

  render();
  wizard
    .getSetupState()
    .then((setup) => {
      state.draft = fromSettings(setup.settings, setup.sheets);
      state.sheets = setup.sheets;
      state.saved = setup.saved;
    })
    .catch((e: unknown) => {
      state.failure = `Could not read this spreadsheet: ${messageOf(e)}. Showing the defaults.`;
    })
    .finally(() => {
      state.busy = null;
      render();
      // Tests and the benchmark wait for this: the wizard answers clicks from here on.
      document.body.dataset.ready = 'true';
      performance.mark('wizard-ready');
    });
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
    on(reset, 'click', actions.resetDefaults);
    nodes.push(el('p', { className: 'note' }, 'Your last settings for this spreadsheet. ', reset));
  }
  const step = STEPS[state.step] ?? STEPS[0];
  const body = STEP_VIEWS[step.key](state, actions);
  const title = el('h2', {
    text: step.title,
    attrs: { tabindex: '-1', 'data-focus-key': TITLE },
  });
  const section = el(
    'section',
    { className: 'step', attrs: { 'data-step': step.key } },
    title,
    ...body,
  );
  // A message about this step with no field of its own ("stages": too few) goes under the title.
  if (state.step !== PREVIEW) {
    for (const e of state.errors) {
      if (stepOf(e.field) !== state.step) continue;
      if (section.querySelector(`[data-error-for="${CSS.escape(e.field)}"]`)) continue;
      title.after(
        el('div', {
          text: e.message,
          className: 'error',
          attrs: { role: 'alert', 'data-error-for': e.field },
        }),
      );
    }
  }
  nodes.push(section);
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
    on(b, 'click', () => actions.go(i));
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
    const ok = el('div', { className: 'success', attrs: { role: 'status' } });
    const made = state.created.filter((t) => !state.updated.includes(t));
    const said = (verb: string, tabs: string[]) => {
      if (tabs.length === 0) return;
      if (ok.childNodes.length > 0) ok.append(' ');
      ok.append(`${verb} ${tabs.length === 1 ? 'the tab' : `${tabs.length} tabs`}: `);
      tabs.forEach((tab, i) => {
        if (i > 0) ok.append(', ');
        ok.append(el('strong', { text: tab, className: 'tab-name' }));
      });
      ok.append('.');
    };
    said('Created', made);
    said('Updated', state.updated);
    box.append(ok);
    for (const w of state.warnings) box.append(el('div', { text: w, className: 'warning' }));
  }
  return box;
}

function footer(state: State, actions: Actions): HTMLElement {
  const back = el('button', { text: 'Back', attrs: { type: 'button', 'data-action': 'back' } });
  back.disabled = state.step === 0 || state.busy !== null;
  on(back, 'click', () => actions.go(state.step - 1));
  const last = state.step === PREVIEW;
  const next = el('button', {
    text: last ? 'Create' : 'Next',
    className: last ? 'action' : '',
    attrs: { type: 'button', 'data-action': last ? 'create' : 'next' },
  });
  next.disabled = state.busy !== null;
  on(next, 'click', () => (last ? void actions.create() : actions.go(state.step + 1)));
  const bar = el('footer', { className: 'actions' }, back, next);
  if (!last) {
    const skip = el('button', {
      text: 'Create now',
      className: 'action',
      attrs: { type: 'button', 'data-action': 'create-now', title: 'Create with these settings' },
    });
    skip.disabled = state.busy !== null;
    on(skip, 'click', () => void actions.create());
    bar.append(skip);
  }
  return bar;
}
