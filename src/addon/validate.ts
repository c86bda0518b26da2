/**
 * The one parser of settings, for what the sidebar sends and for what is read
 * back from the document: anything goes in; typed, trimmed Settings with no
 * unknown fields come out, or every fix needed at once. Written by hand in
 * valibot's terms (rules on values, issues at paths) rather than with the
 * library, to keep the Apps Script bundle small.
 *
 * Each error names its field by its path into Settings ("stages.2.rate") and
 * says what to fix. Text the user typed is echoed through quote(), so a value
 * of any length still gives a short message. The sidebar does not run these
 * checks: it places the messages the server sends back.
 */
import { OUTCOME_LABELS } from '../metrics/outcomes';
import { PERIODS, type Period } from '../metrics/period';
import { percentFix, quote, show, showNumber, showPercent } from '../sheets/format';
import { columnLetter } from '../workbook/a1';
import { columnsHeaded } from '../workbook/headers';
import type { FieldError, Result, SheetInfo } from './api';
import {
  CHANNEL_FIELD_LABELS,
  CHANNEL_FIELDS,
  type Channels,
  type Economics,
  type FormulaStyle,
  MAPPING_FIELDS,
  type MappingField,
  type MappingRow,
  MEETING_FIELD_LABELS,
  MEETING_FIELDS,
  type RawData,
  type Settings,
  type SheetColumns,
  SPEND_FIELD_LABELS,
  SPEND_FIELDS,
  type SpendField,
  type SpendSheet,
  type Stage,
  TEMPLATE_IDS,
  TEMPLATE_TITLES,
  type TemplateId,
} from './settings';
import { checkFunnel, checkFunnelStyle } from './validate-full-funnel';

export const LIMITS = {
  minStages: 2,
  maxStages: 20,
  maxChannels: 200,
  nameLength: 60,
  currencyLength: 5,
  attributionLength: 200,
  sheetLength: 100,
  headerLength: 200,
  maxSpendSheets: 10,
  maxMappingRows: 500,
  mappingValueLength: 200,
} as const;

type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A rule a number must keep, one small function each, as valibot's minValue
 * is one action: undefined when the number keeps to it, otherwise the words
 * that finish "Enter <what> …" — what is allowed and what was entered. Rules
 * are pure, and marked so, so a bundler may drop a call whose answer goes
 * unused.
 */
export type Rule = (n: number) => string | undefined;

function entered(n: number): string {
  return `(you entered ${showNumber(n)})`;
}

/**
 * A rate outside 0–100% as it was entered. Rates are fractions, so a whole
 * number up to 100 was most likely meant as a percentage and gets the same fix
 * the cell functions give ("enter 60% or 0.6"); a fraction out of range shows
 * as the percentage it is ("140%").
 */
function enteredRate(n: number): string {
  return Number.isInteger(n) && n > 1 && n <= 100
    ? `(you entered ${showNumber(n)}; ${percentFix(n)})`
    : n > 100
      ? entered(n)
      : `(you entered ${showPercent(n)})`;
}

/** Above 0: a revenue target, deal size or ROAS of 0 leaves nothing to plan or divide by. */
/* @__NO_SIDE_EFFECTS__ */
export function positive(n: number): string | undefined {
  return n > 0 ? undefined : `above 0 ${entered(n)}`;
}

/** 0 or more: a spend, a meeting count or a budget may be nothing yet, never less. */
/* @__NO_SIDE_EFFECTS__ */
export function nonNegative(n: number): string | undefined {
  return n >= 0 ? undefined : `of 0 or more ${entered(n)}`;
}

/** A fraction from 0 to 1: a channel's show or qualification rate may really be 0%. */
/* @__NO_SIDE_EFFECTS__ */
export function rate(n: number): string | undefined {
  return n >= 0 && n <= 1 ? undefined : `from 0% up to 100% ${enteredRate(n)}`;
}

/**
 * A fraction above 0 up to 1: a funnel stage or close rate of 0% would need
 * endless volume above it.
 */
/* @__NO_SIDE_EFFECTS__ */
export function positiveRate(n: number): string | undefined {
  return n > 0 && n <= 1 ? undefined : `above 0% up to 100% ${enteredRate(n)}`;
}

/**
 * Checks one place in the settings and records what is wrong there. Paths
 * are built by nesting: `c.at('stages').at(2).at('rate')` checks
 * "stages.2.rate", and every checker adds to the same list of errors.
 */
export class Checker {
  constructor(
    readonly errors: FieldError[] = [],
    readonly path = '',
  ) {}

  /** The checker of a field or item inside this one. */
  at(key: string | number): Checker {
    return new Checker(this.errors, this.path === '' ? `${key}` : `${this.path}.${key}`);
  }

  fail(message: string): undefined {
    this.errors.push({ field: this.path, message });
    return undefined;
  }

  number(v: unknown, what: string, rule: Rule): number | undefined {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      return this.fail(
        `Enter ${what} as a number${v === '' || v == null ? '' : ` (you entered ${show(v)})`}.`,
      );
    }
    const broken = rule(v);
    return broken === undefined ? v : this.fail(`Enter ${what} ${broken}.`);
  }

  /**
   * Text, trimmed unless `exact` (a sheet name is matched as it is, spaces
   * and all); blank is refused when `required`.
   */
  text(v: unknown, what: string, max: number, required = true, exact = false): string | undefined {
    if (typeof v !== 'string') return this.fail(`Enter ${what} as text.`);
    const t = exact ? v : v.trim();
    if (required && v.trim() === '') return this.fail(`Enter ${what}; it cannot be empty.`);
    if (t.length > max)
      return this.fail(`Shorten ${what} to at most ${max} characters (it has ${t.length}).`);
    return t;
  }
}

function checkTemplates(c: Checker, v: unknown): TemplateId[] | undefined {
  if (!Array.isArray(v) || v.length === 0) {
    return c.fail('Choose at least one template to create.');
  }
  const out: TemplateId[] = [];
  for (const id of v) {
    if (!(TEMPLATE_IDS as readonly unknown[]).includes(id)) {
      return c.fail(
        `Unknown template ${show(id)}: choose from ${TEMPLATE_IDS.map((t) => TEMPLATE_TITLES[t]).join(', ')}.`,
      );
    }
    if (out.includes(id as TemplateId))
      return c.fail(`${TEMPLATE_TITLES[id as TemplateId]} is chosen twice; choose it once.`);
    out.push(id as TemplateId);
  }
  // Created in a fixed order, whatever order the boxes were ticked in.
  return TEMPLATE_IDS.filter((t) => out.includes(t));
}

/**
 * The name of item `k`, which must differ from the names before it, ignoring
 * case; `seen` maps the lower-case names so far to their positions. A repeated
 * name is reported but still returned, so the item's other messages can use it.
 */
function name(
  c: Checker,
  v: unknown,
  k: number,
  kind: 'stage' | 'channel',
  seen: Map<string, number>,
): string | undefined {
  const text = c.text(v, `a name for ${kind} ${k + 1}`, LIMITS.nameLength);
  if (text === undefined) return undefined;
  const other = seen.get(text.toLowerCase());
  if (other !== undefined)
    c.fail(`${quote(text)} is also ${kind} ${other + 1}; give each ${kind} its own name.`);
  seen.set(text.toLowerCase(), k);
  return text;
}

function checkStages(c: Checker, v: unknown): Stage[] | undefined {
  if (!Array.isArray(v)) return c.fail('Add the funnel stages, top first.');
  if (v.length < LIMITS.minStages) {
    return c.fail(
      `A funnel needs at least ${LIMITS.minStages} stages (you have ${v.length}); add a stage.`,
    );
  }
  if (v.length > LIMITS.maxStages) {
    return c.fail(`Use at most ${LIMITS.maxStages} stages (you have ${v.length}); remove some.`);
  }
  const before = c.errors.length;
  const seen = new Map<string, number>();
  const out = v.map((s: unknown, k): Stage | undefined => {
    const at = c.at(k);
    if (!isObj(s)) return at.fail(`Stage ${k + 1} is missing its name and rate.`);
    const named = name(at.at('name'), s.name, k, 'stage', seen);
    // The last stage has no next stage, so whatever rate it carries is unused.
    const toNext =
      k === v.length - 1
        ? null
        : at
            .at('rate')
            .number(
              s.rate,
              `the rate from ${named ?? `stage ${k + 1}`} to the next stage`,
              positiveRate,
            );
    return { name: named!, rate: toNext! };
  });
  return c.errors.length > before ? undefined : (out as Stage[]);
}

function checkEconomics(c: Checker, v: unknown): Economics | undefined {
  if (!isObj(v))
    return c.fail(
      'Enter the revenue target, deal size, close rate, target ROAS, budget and currency.',
    );
  const e = {
    revenueTarget: c.at('revenueTarget').number(v.revenueTarget, 'a revenue target', positive),
    dealSize: c.at('dealSize').number(v.dealSize, 'an average deal size', positive),
    closeRate: c
      .at('closeRate')
      .number(v.closeRate, 'the close rate from qualified meeting to won deal', positiveRate),
    targetRoas: c.at('targetRoas').number(v.targetRoas, 'a target ROAS (3 means 3×)', positive),
    budget: c.at('budget').number(v.budget, 'a budget', nonNegative),
    currency: c
      .at('currency')
      .text(v.currency, 'a currency symbol such as £, $, € or CHF', LIMITS.currencyLength),
  };
  // The symbol goes into number formats between quotes.
  if (e.currency !== undefined && /["\\]/.test(e.currency)) {
    e.currency = c.at('currency').fail('Leave quotes and backslashes out of the currency symbol.');
  }
  return Object.values(e).includes(undefined) ? undefined : (e as Economics);
}

function checkTypedChannels(c: Checker, rows: unknown): Channels | undefined {
  if (!Array.isArray(rows) || rows.length === 0) return c.fail('Add at least one channel.');
  if (rows.length > LIMITS.maxChannels) {
    return c.fail(
      `Use at most ${LIMITS.maxChannels} channels (you have ${rows.length}); map them to a sheet instead.`,
    );
  }
  const before = c.errors.length;
  const seen = new Map<string, number>();
  const out = rows.map((r: unknown, k) => {
    const at = c.at(k);
    if (!isObj(r)) return at.fail(`Channel ${k + 1} is missing its values.`);
    const named = name(at.at('name'), r.name, k, 'channel', seen);
    const label = named ?? `channel ${k + 1}`;
    return {
      name: named,
      spend: at.at('spend').number(r.spend, `the spend on ${label}`, nonNegative),
      meetings: at
        .at('meetings')
        .number(r.meetings, `the booked meetings from ${label}`, nonNegative),
      showRate: at.at('showRate').number(r.showRate, `the show rate of ${label}`, rate),
      qualRate: at.at('qualRate').number(r.qualRate, `the qualification rate of ${label}`, rate),
    };
  });
  return c.errors.length > before ? undefined : ({ mode: 'typed', rows: out } as Channels);
}

/**
 * A table in the user's spreadsheet: a sheet that exists (matched exactly,
 * so "Data " with its space is another sheet than "Data") and, for each
 * field, the header of one column on it. `optional` fields may be left ""
 * (a date column when no period is asked). Without `sheets` (no spreadsheet
 * at hand) only the shape is checked.
 */
export function checkSheetColumns<F extends string>(
  c: Checker,
  v: unknown,
  what: string,
  fields: readonly F[],
  labels: Record<F, string>,
  sheets: readonly SheetInfo[] | undefined,
  optional: readonly F[] = [],
): SheetColumns<F> | undefined {
  if (!isObj(v)) return c.fail(`Pick the sheet that holds ${what}, and its columns.`);
  const before = c.errors.length;
  const sheet = c
    .at('sheet')
    .text(v.sheet, `the sheet that holds ${what}`, LIMITS.sheetLength, true, true);
  const info = sheet === undefined || !sheets ? undefined : sheets.find((s) => s.name === sheet);
  if (sheet !== undefined && sheets && !info) {
    c.at('sheet').fail(
      `There is no sheet named ${quote(sheet)}; pick one of: ${sheets.map((s) => s.name).join(', ')}.`,
    );
  }
  const given = v.columns;
  if (!isObj(given)) return c.at('columns').fail(`Pick a column for each field of ${what}.`);
  const columns = {} as Record<F, string>;
  const used = new Map<string, F>();
  for (const field of fields) {
    const at = c.at('columns').at(field);
    const label = labels[field];
    const left = optional.includes(field);
    const header = at.text(
      given[field] ?? (left ? '' : undefined),
      `the header of the ${label} column`,
      LIMITS.headerLength,
      !left,
    );
    if (header === undefined) continue;
    if (header === '') {
      columns[field] = '';
      continue;
    }
    const twin = used.get(header.toLowerCase());
    if (twin) {
      at.fail(`${quote(header)} is already the ${labels[twin]} column; pick a different column.`);
      continue;
    }
    used.set(header.toLowerCase(), field);
    if (!info) {
      columns[field] = header;
      continue;
    }
    const found = columnsHeaded(info.headers, header);
    if (found.length === 0) {
      const named = info.headers.filter((h) => h.trim() !== '');
      at.fail(
        `No column headed ${quote(header)} on sheet ${quote(info.name)}; pick one of: ${named.length ? named.join(', ') : '(the first row is empty: add headers)'}.`,
      );
    } else if (found.length > 1) {
      // Templates and the sidebar find a column by its header, so a repeated header is ambiguous.
      at.fail(
        `Columns ${found.map(columnLetter).join(' and ')} of sheet ${quote(info.name)} are ${found.length === 2 ? 'both' : 'all'} headed ${quote(header)}; rename one of them, then pick the column again.`,
      );
    } else columns[field] = header;
  }
  return c.errors.length > before ? undefined : { sheet: sheet!, columns };
}

function checkMappedChannels(
  c: Checker,
  v: Obj,
  sheets?: readonly SheetInfo[],
): Channels | undefined {
  const mapped = checkSheetColumns(
    c,
    v,
    'the channels',
    CHANNEL_FIELDS,
    CHANNEL_FIELD_LABELS,
    sheets,
  );
  return mapped && { mode: 'mapped', ...mapped };
}

/** No period is the absence of one: null, or left out. */
function checkPeriod(c: Checker, v: unknown): Period | null | undefined {
  if (v == null) return null;
  const period = PERIODS.find((p) => p === v);
  return period ?? c.fail(`Choose a period: ${PERIODS.join(', ')}, or none.`);
}

/**
 * One ad export: its sheet and columns, and either a channel column or one
 * channel named for the whole sheet.
 */
function checkSpendSheet(
  c: Checker,
  v: unknown,
  k: number,
  dated: boolean,
  sheets: readonly SheetInfo[] | undefined,
): SpendSheet | undefined {
  if (!isObj(v)) return c.fail(`Pick the sheet of ad export ${k + 1}, and its columns.`);
  const fixedChannel = c
    .at('fixedChannel')
    .text(v.fixedChannel ?? '', `the channel of ad export ${k + 1}`, LIMITS.nameLength, false);
  const optional: SpendField[] = [];
  if (!dated) optional.push('date');
  if (fixedChannel) optional.push('channel');
  const table = checkSheetColumns(
    c,
    v,
    `ad export ${k + 1}`,
    SPEND_FIELDS,
    SPEND_FIELD_LABELS,
    sheets,
    optional,
  );
  return table && fixedChannel !== undefined ? { ...table, fixedChannel } : undefined;
}

/** The raw tables of the Channel report; dates are needed only for a period. */
function checkRaw(c: Checker, v: unknown, sheets?: readonly SheetInfo[]): RawData | undefined {
  if (!isObj(v)) {
    return c.fail(
      'Pick the ad-spend sheets and the meetings sheet for the Channel report (Channels: from raw data).',
    );
  }
  const period = checkPeriod(c.at('period'), v.period);
  // An unknown period asks for no date column: its own message is the one to read.
  const dated = period !== null && period !== undefined;
  let spend: SpendSheet[] | undefined;
  if (!Array.isArray(v.spend) || v.spend.length === 0) {
    c.at('spend').fail('Add at least one ad-spend sheet.');
  } else if (v.spend.length > LIMITS.maxSpendSheets) {
    c.at('spend').fail(
      `Use at most ${LIMITS.maxSpendSheets} ad-spend sheets (you have ${v.spend.length}).`,
    );
  } else {
    const before = c.errors.length;
    const out = v.spend.map((s: unknown, k) =>
      checkSpendSheet(c.at('spend').at(k), s, k, dated, sheets),
    );
    if (c.errors.length === before) spend = out as SpendSheet[];
  }
  const meetings = checkSheetColumns(
    c.at('meetings'),
    v.meetings,
    'the meetings',
    MEETING_FIELDS,
    MEETING_FIELD_LABELS,
    sheets,
    dated ? [] : ['date'],
  );
  return spend && meetings && period !== undefined ? { spend, meetings, period } : undefined;
}

/** What a mapping row may mean, by field; a channel may be any name. */
const MEANINGS: Record<Exclude<MappingField, 'channel'>, readonly string[]> = {
  outcome: [...OUTCOME_LABELS, 'Ignore'],
  'deal status': ['Won', 'Lost', 'Open'],
};

function checkMapping(c: Checker, v: unknown): MappingRow[] | undefined {
  if (v == null) return [];
  if (!Array.isArray(v)) return c.fail('The mapping rows are missing; reopen the wizard.');
  if (v.length > LIMITS.maxMappingRows) {
    return c.fail(`Use at most ${LIMITS.maxMappingRows} mapping rows (you have ${v.length}).`);
  }
  const before = c.errors.length;
  const out = v.map((r: unknown, k): MappingRow | undefined => {
    const at = c.at(k);
    if (!isObj(r)) return at.fail(`Mapping row ${k + 1} is missing its value and meaning.`);
    const field = MAPPING_FIELDS.find((f) => f === r.field);
    if (!field) at.at('field').fail(`Choose what row ${k + 1} maps: ${MAPPING_FIELDS.join(', ')}.`);
    const value = at
      .at('value')
      .text(r.value, `the value of mapping row ${k + 1}`, LIMITS.mappingValueLength);
    const means = at
      .at('means')
      .text(r.means, `what ${value ? quote(value) : `row ${k + 1}`} means`, LIMITS.nameLength);
    if (field && field !== 'channel' && means !== undefined && !MEANINGS[field].includes(means)) {
      at.at('means').fail(
        `Choose what ${value ? quote(value) : `row ${k + 1}`} means: ${MEANINGS[field].join(', ')}.`,
      );
    }
    return field && value !== undefined && means !== undefined
      ? { field, value, means }
      : undefined;
  });
  return c.errors.length > before ? undefined : (out as MappingRow[]);
}

function checkChannels(
  c: Checker,
  v: unknown,
  sheets?: readonly SheetInfo[],
): Channels | undefined {
  if (!isObj(v) || (v.mode !== 'typed' && v.mode !== 'mapped')) {
    return c.fail('Type the channels in, or map them to columns of a sheet.');
  }
  return v.mode === 'typed'
    ? checkTypedChannels(c.at('rows'), v.rows)
    : checkMappedChannels(c, v, sheets);
}

function checkMeetingStage(c: Checker, v: unknown, stages?: Stage[]): string | undefined {
  const wanted = typeof v === 'string' ? v.trim() : '';
  if (wanted === '') return c.fail('Choose the stage that counts as a qualified meeting.');
  if (stages && !stages.some((s) => s.name === wanted)) {
    return c.fail(
      `${quote(wanted)} is not one of the stages; choose one of: ${stages.map((s) => s.name).join(', ')}.`,
    );
  }
  return wanted;
}

/**
 * Reads settings from the sidebar or the document into Settings: trimmed,
 * in a fixed template order, with nothing it does not know. With `sheets`,
 * mapped channels must name a sheet and headers that exist there.
 */
export function parseSettings(input: unknown, sheets?: readonly SheetInfo[]): Result<Settings> {
  const c = new Checker();
  if (!isObj(input)) {
    c.fail('The settings are missing; reopen the wizard.');
    return { ok: false, errors: c.errors };
  }
  const templates = checkTemplates(c.at('templates'), input.templates);
  const stages = checkStages(c.at('stages'), input.stages);
  const meetingStage = checkMeetingStage(c.at('meetingStage'), input.meetingStage, stages);
  const economics = checkEconomics(c.at('economics'), input.economics);
  const channels = checkChannels(c.at('channels'), input.channels, sheets);
  // Null until mapped; the Channel report and the Full funnel cannot be made without it.
  const wantsReport =
    templates?.includes('channelReport') === true || templates?.includes('fullFunnel') === true;
  const raw = input.raw == null && !wantsReport ? null : checkRaw(c.at('raw'), input.raw, sheets);
  const meetingLog =
    input.meetingLog == null
      ? null
      : checkSheetColumns(
          c.at('meetingLog'),
          input.meetingLog,
          'the meeting log',
          MEETING_FIELDS,
          MEETING_FIELD_LABELS,
          sheets,
          ['date'],
        );
  const wantsFunnel = templates?.includes('fullFunnel') === true;
  const funnel =
    input.funnel == null && !wantsFunnel ? null : checkFunnel(c.at('funnel'), input.funnel, sheets);
  const mapping = checkMapping(c.at('mapping'), input.mapping);
  let formulaStyle: FormulaStyle | undefined;
  if (input.formulaStyle === 'addon' || input.formulaStyle === 'native')
    formulaStyle = input.formulaStyle;
  else c.at('formulaStyle').fail('Choose add-on functions or portable native formulas.');
  checkFunnelStyle(c.at('formulaStyle'), formulaStyle, templates);
  const attributionWindow = c
    .at('attributionWindow')
    .text(input.attributionWindow ?? '', 'the attribution window', LIMITS.attributionLength, false);
  if (c.errors.length > 0) return { ok: false, errors: c.errors };
  return {
    ok: true,
    value: {
      templates: templates!,
      stages: stages!,
      meetingStage: meetingStage!,
      economics: economics!,
      channels: channels!,
      raw: raw!,
      meetingLog: meetingLog!,
      funnel: funnel!,
      mapping: mapping!,
      formulaStyle: formulaStyle!,
      attributionWindow: attributionWindow!,
    },
  };
}

/** The fixes needed, one per field; empty when the settings are good. */
export function validateSettings(input: unknown, sheets?: readonly SheetInfo[]): FieldError[] {
  const result = parseSettings(input, sheets);
  return result.ok ? [] : result.errors;
}
