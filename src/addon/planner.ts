/**
 * The wizard's calls (WizardApi in api.ts), run in the sidebar over the
 * server's two: readWorkbook carries the tabs and the columns the settings
 * name; the settings are checked and the templates built here; writeTemplates
 * writes the plans once the server has checked, under the document lock,
 * that what they were built from has not changed (workbook/snapshot.ts).
 *
 * Which columns a call reads depends on the settings, so a call runs once
 * with what was read last time and, if it asked for a column not there,
 * again with it. Each call is a generator that yields its server requests,
 * so the same steps run over google.script.run (runAsync) and, in tests,
 * straight against a host (runSync).
 */
import { messageOf } from '../sheets/format';
import { sentence } from '../sheets/words';
import { type ColumnRef, uncarry } from '../workbook/snapshot';
import { tabNames } from '../workbook/write';
import {
  type AsyncServerApi,
  type AsyncWizardApi,
  CHANGED_SINCE_READ,
  type Created,
  type FieldError,
  type PreviewItem,
  type ReadReply,
  type ReadRequest,
  type Result,
  type ServerApi,
  type SetupState,
  type TabUpdates,
  type WizardApi,
  type WriteRequest,
} from './api';
import { listMeanings, type Meanings } from './meanings';
import { loadSettings } from './saved-settings';
import { defaultSettings, type Settings, TEMPLATE_TITLES } from './settings';
import { buildPlans, type TemplatePlan } from './templates';
import { buildOrder } from './templates/definitions-mapping';
import { parseMappedTables, parseSettings } from './validate';

type Request = { read: ReadRequest } | { write: WriteRequest };
type Reply = ReadReply | Result<Created>;
type Steps<T> = Generator<Request, T, Reply>;

function failure(message: string, field = ''): { ok: false; errors: FieldError[] } {
  return { ok: false, errors: [{ field, message }] };
}

const refKey = (ref: ColumnRef) => `${ref.col}:${ref.sheet}`;

/** One reading of the workbook, as the settings and the templates read it; notes columns asked for but not read. */
class Reading {
  readonly missing = new Map<string, ColumnRef>();
  private readonly at: Map<string, number>;
  private readonly decoded = new Map<number, unknown[]>();

  constructor(
    readonly reply: ReadReply,
    readonly refs: readonly ColumnRef[],
  ) {
    this.at = new Map(refs.map((r, k) => [refKey(r), k]));
  }

  get view() {
    return this.reply.view;
  }

  columnValues = (sheet: string, col: number): unknown[] => {
    const k = this.at.get(refKey({ sheet, col }));
    if (k === undefined) {
      this.missing.set(refKey({ sheet, col }), { sheet, col });
      return [];
    }
    let values = this.decoded.get(k);
    if (!values) {
      values = uncarry(this.reply.view.columns[k]!);
      this.decoded.set(k, values);
    }
    return values;
  };
}

/**
 * The columns the last call read, and what it read: Create builds from the
 * preview's reading, without reading again, as the server checks under the
 * lock that nothing changed since.
 */
interface Last {
  refs: ColumnRef[];
  reply?: ReadReply;
}

/** A column the settings name but cannot be read in a few passes: a guard against a loop, never expected. */
const MAX_PASSES = 4;

/**
 * Runs `use` on a reading that holds every column it asks for: first with
 * the columns the last call read, then again with those it also asked for.
 */
function* reading<T>(
  last: Last,
  use: (r: Reading) => T,
  options: { saved?: boolean; reuse?: boolean } = {},
): Steps<{ value: T; reading: Reading }> {
  let refs = last.refs;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const request: ReadRequest = options.saved ? { columns: refs, saved: true } : { columns: refs };
    const reused = pass === 0 && options.reuse ? last.reply : undefined;
    const r = new Reading(reused ?? ((yield { read: request }) as ReadReply), refs);
    let value: T | undefined;
    try {
      value = use(r);
    } catch (e) {
      // With columns missing, a failure may be theirs: read them and try again.
      if (r.missing.size === 0) throw e;
    }
    if (r.missing.size === 0) {
      last.refs = refs;
      last.reply = r.reply;
      return { value: value as T, reading: r };
    }
    refs = [...refs, ...r.missing.values()];
  }
  throw new Error('The columns the settings name could not all be read: reopen the sidebar.');
}

/**
 * The tab to rebuild for each template the user chose to update, each one
 * checked to be a tab the add-on made for that template (by its mark, never
 * its name), or what to fix.
 */
function readUpdates(r: Reading, settings: Settings, input: unknown): Result<TabUpdates> {
  if (input === undefined || input === null) return { ok: true, value: {} };
  if (typeof input !== 'object' || Array.isArray(input)) {
    return failure('List the tabs to update by template.', 'updates');
  }
  const entries = Object.entries(input);
  if (entries.length === 0) return { ok: true, value: {} };
  const marked = r.view.templateTabs;
  const value: TabUpdates = {};
  const errors: FieldError[] = [];
  for (const [template, tab] of entries) {
    const field = `updates.${template}`;
    // The templates built, which take in the Definitions tab where a report reads its mapping table.
    const chosen = buildOrder(settings).find((t) => t === template);
    if (!chosen) {
      errors.push({ field, message: 'Only the tab of a template being made can be updated.' });
    } else if (!marked.some((m) => m.name === tab && m.template === chosen)) {
      errors.push({
        field,
        message: `There is no tab ${JSON.stringify(String(tab))} made for ${TEMPLATE_TITLES[chosen]} any more: refresh the preview and choose again.`,
      });
    } else value[chosen] = String(tab);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}

interface Planned {
  settings: Settings;
  plans: TemplatePlan[];
  updates: TabUpdates;
}

/** Validated settings and their plans, or what to fix. */
function plan(r: Reading, input: unknown, updatesInput?: unknown): Result<Planned> {
  const { sheets } = r.view;
  const parsed = parseSettings(input, sheets, r.columnValues);
  if (!parsed.ok) return parsed;
  const updates = readUpdates(r, parsed.value, updatesInput);
  if (!updates.ok) return updates;
  return {
    ok: true,
    value: {
      settings: parsed.value,
      plans: buildPlans({
        settings: parsed.value,
        sheets,
        tabNames: () => r.view.sheetNames,
        updates: updates.value,
        read: r.columnValues,
      }),
      updates: updates.value,
    },
  };
}

/** The wizard's calls as steps; `last` remembers what was read last time. */
function wizardSteps(last: Last) {
  return {
    *getSetupState(): Steps<SetupState> {
      const { reading: r } = yield* reading({ refs: [] }, () => undefined, { saved: true });
      const saved = loadSettings(r.reply.saved);
      const sheets = r.view.sheets.map(({ name, headers, dataRows }) => ({
        name,
        headers,
        dataRows,
      }));
      return { settings: saved ?? defaultSettings(), saved: saved !== null, sheets };
    },

    /**
     * The outcome labels and campaigns in the chosen templates' tables that
     * need a meaning, each with a suggestion for the user to confirm.
     */
    *suggestMeanings(settings: Settings): Steps<Result<Meanings>> {
      const { value } = yield* reading(last, (r): Result<Meanings> => {
        const tables = parseMappedTables(settings, r.view.sheets);
        if (!tables.ok) return tables;
        return { ok: true, value: listMeanings(tables.value, r.view.sheets, r.columnValues) };
      });
      return value;
    },

    /**
     * What Create will make: each tab's name if it is made new and, for a
     * template the add-on made a tab for already, those tabs, any of which
     * it may rebuild in place instead.
     */
    *previewTemplates(settings: Settings): Steps<Result<PreviewItem[]>> {
      try {
        const { value: planned, reading: r } = yield* reading(last, (r) => plan(r, settings));
        if (!planned.ok) return planned;
        const { plans } = planned.value;
        // Every tab's name counts, chart sheets too, as it does when Create names the tabs.
        const names = tabNames(r.view.sheetNames, plans);
        const marked = r.view.templateTabs;
        return {
          ok: true,
          value: plans.map((p, k) => ({
            template: p.template,
            tabName: names[k]!,
            existing: marked.filter((m) => m.template === p.template).map((m) => m.name),
            lines: p.summary,
          })),
        };
      } catch (e) {
        return failure(`Could not preview the templates: ${messageOf(e)}`);
      }
    },

    /**
     * Writes the chosen templates: each on a new tab, or, where `updates`
     * names a tab the add-on made for it, rebuilt in place on that tab. If
     * the spreadsheet changed since it was read, it reads and builds again.
     */
    *createTemplates(settings: Settings, updates: TabUpdates = {}): Steps<Result<Created>> {
      for (let attempt = 0; attempt < 2; attempt++) {
        let planned: Result<Planned>;
        let r: Reading;
        try {
          ({ value: planned, reading: r } = yield* reading(
            last,
            (r) => plan(r, settings, updates),
            {
              reuse: attempt === 0,
            },
          ));
        } catch (e) {
          return failure(`${sentence(messageOf(e))} Nothing was changed.`, 'templates');
        }
        if (!planned.ok) return planned;
        const written = (yield {
          write: {
            settings: planned.value.settings,
            plans: planned.value.plans,
            updates: planned.value.updates,
            columns: [...r.refs],
            fingerprint: r.view.fingerprint,
          },
        }) as Result<Created>;
        // Tabs were written, or the reading is out of date: the next call reads afresh.
        last.reply = undefined;
        if (written.ok || written.errors[0]?.field !== CHANGED_SINCE_READ) return written;
      }
      return failure(
        'The spreadsheet kept changing while the tabs were being prepared; nothing was changed. Press Create again.',
        'templates',
      );
    },
  };
}

/** The server call a step asks for, made on `server`, sync or async alike. */
function answer<S extends ServerApi | AsyncServerApi>(
  server: S,
  request: Request,
): ReturnType<S['readWorkbook']> | ReturnType<S['writeTemplates']> {
  return (
    'read' in request ? server.readWorkbook(request.read) : server.writeTemplates(request.write)
  ) as ReturnType<S['readWorkbook']>;
}

/** The wizard's calls straight against the server's, for a host in the same process (tests). */
export function wizardSync(server: ServerApi): WizardApi {
  const steps = wizardSteps({ refs: [] });
  const run = <T>(g: Steps<T>): T => {
    let next = g.next();
    while (!next.done) next = g.next(answer(server, next.value));
    return next.value;
  };
  return {
    getSetupState: () => run(steps.getSetupState()),
    suggestMeanings: (s) => run(steps.suggestMeanings(s)),
    previewTemplates: (s) => run(steps.previewTemplates(s)),
    createTemplates: (s, u) => run(steps.createTemplates(s, u)),
  };
}

/** The wizard's calls over the server's as the sidebar makes them (google.script.run). */
export function wizardAsync(server: AsyncServerApi): AsyncWizardApi {
  const steps = wizardSteps({ refs: [] });
  const run = async <T>(g: Steps<T>): Promise<T> => {
    let next = g.next();
    while (!next.done) next = g.next(await answer(server, next.value));
    return next.value;
  };
  return {
    getSetupState: () => run(steps.getSetupState()),
    suggestMeanings: (s) => run(steps.suggestMeanings(s)),
    previewTemplates: (s) => run(steps.previewTemplates(s)),
    createTemplates: (s, u) => run(steps.createTemplates(s, u)),
  };
}
