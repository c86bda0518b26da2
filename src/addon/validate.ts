/**
 * The one check of everything the sidebar sends (and of settings read back
 * from the document). Hand-written, no schema library, to keep the Apps
 * Script bundle small. Each error names the field by its dotted path and says
 * what to fix; the same checks run in the sidebar for instant feedback
 * (without `sheets`, so mapped columns are checked on the server only).
 */
import { showNumber } from '../sheets/format';
import { columnLetter } from '../workbook/a1';
import type { FieldError, Result, SheetInfo } from './api';
import {
  CHANNEL_FIELDS,
  type ChannelField,
  type Channels,
  type Economics,
  type FormulaStyle,
  type Settings,
  type Stage,
  TEMPLATE_IDS,
  TEMPLATE_TITLES,
  type TemplateId,
} from './settings';

export const LIMITS = {
  minStages: 2,
  maxStages: 20,
  maxChannels: 200,
  nameLength: 60,
  currencyLength: 5,
  attributionLength: 200,
} as const;

const FIELD_LABELS: Record<ChannelField, string> = {
  name: 'channel name',
  spend: 'spend',
  meetings: 'booked meetings',
  showRate: 'show rate',
  qualRate: 'qualification rate',
};

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function pct(n: number): string {
  return `${showNumber(n * 100)}%`;
}

class Checker {
  readonly errors: FieldError[] = [];

  fail(field: string, message: string): undefined {
    this.errors.push({ field, message });
    return undefined;
  }

  number(field: string, v: unknown, what: string): number | undefined {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      return this.fail(
        field,
        `Enter ${what} as a number${v === '' || v == null ? '' : ` (you entered ${JSON.stringify(v)})`}.`,
      );
    }
    return v;
  }

  /** Money, counts and multiples: 0 or more, or above 0 when `positive`. */
  amount(field: string, v: unknown, what: string, positive: boolean): number | undefined {
    const n = this.number(field, v, what);
    if (n === undefined) return undefined;
    if (positive ? n <= 0 : n < 0) {
      return this.fail(
        field,
        `Enter ${what} ${positive ? 'above 0' : 'of 0 or more'} (you entered ${showNumber(n)}).`,
      );
    }
    return n;
  }

  /** Rates are fractions: 35% arrives as 0.35. */
  rate(field: string, v: unknown, what: string, allowZero: boolean): number | undefined {
    const n = this.number(field, v, what);
    if (n === undefined) return undefined;
    const low = allowZero ? n < 0 : n <= 0;
    if (low || n > 1) {
      // A whole number up to 100 was most likely meant as a percentage.
      const shown =
        Number.isInteger(n) && n > 1 && n <= 100
          ? `${showNumber(n)}; for ${showNumber(n)}% enter ${showNumber(n / 100)}`
          : n > 100
            ? showNumber(n)
            : pct(n);
      return this.fail(
        field,
        `Enter ${what} ${allowZero ? 'from 0%' : 'above 0%'} up to 100% (you entered ${shown}).`,
      );
    }
    return n;
  }

  text(field: string, v: unknown, what: string, max: number, required = true): string | undefined {
    if (typeof v !== 'string') return this.fail(field, `Enter ${what} as text.`);
    const t = v.trim();
    if (required && t === '') return this.fail(field, `Enter ${what}; it cannot be empty.`);
    if (t.length > max)
      return this.fail(field, `Shorten ${what} to at most ${max} characters (it has ${t.length}).`);
    return t;
  }
}

function checkTemplates(c: Checker, v: unknown): TemplateId[] | undefined {
  if (!Array.isArray(v) || v.length === 0) {
    return c.fail('templates', 'Choose at least one template to create.');
  }
  const out: TemplateId[] = [];
  for (const id of v) {
    if (!(TEMPLATE_IDS as readonly unknown[]).includes(id)) {
      return c.fail(
        'templates',
        `Unknown template ${JSON.stringify(id)}: choose from ${TEMPLATE_IDS.map((t) => TEMPLATE_TITLES[t]).join(', ')}.`,
      );
    }
    if (out.includes(id as TemplateId))
      return c.fail(
        'templates',
        `${TEMPLATE_TITLES[id as TemplateId]} is chosen twice; choose it once.`,
      );
    out.push(id as TemplateId);
  }
  // Created in a fixed order, whatever order the boxes were ticked in.
  return TEMPLATE_IDS.filter((t) => out.includes(t));
}

function checkStages(c: Checker, v: unknown): Stage[] | undefined {
  if (!Array.isArray(v)) return c.fail('stages', 'Add the funnel stages, top first.');
  if (v.length < LIMITS.minStages) {
    return c.fail(
      'stages',
      `A funnel needs at least ${LIMITS.minStages} stages (you have ${v.length}); add a stage.`,
    );
  }
  if (v.length > LIMITS.maxStages) {
    return c.fail(
      'stages',
      `Use at most ${LIMITS.maxStages} stages (you have ${v.length}); remove some.`,
    );
  }
  const out: Stage[] = [];
  const seen = new Map<string, number>();
  let ok = true;
  v.forEach((s: unknown, k) => {
    const last = k === v.length - 1;
    if (!isObj(s)) {
      ok = false;
      c.fail(`stages.${k}`, `Stage ${k + 1} is missing its name and rate.`);
      return;
    }
    const name = c.text(`stages.${k}.name`, s.name, `a name for stage ${k + 1}`, LIMITS.nameLength);
    if (name !== undefined) {
      const other = seen.get(name.toLowerCase());
      if (other !== undefined) {
        ok = false;
        c.fail(
          `stages.${k}.name`,
          `"${name}" is also stage ${other + 1}; give each stage its own name.`,
        );
      }
      seen.set(name.toLowerCase(), k);
    }
    // The last stage has no next stage, so whatever rate it carries is unused.
    const rate = last
      ? null
      : c.rate(
          `stages.${k}.rate`,
          s.rate,
          `the rate from ${name ?? `stage ${k + 1}`} to the next stage`,
          false,
        );
    if (name === undefined || rate === undefined) ok = false;
    else out.push({ name, rate });
  });
  return ok ? out : undefined;
}

function checkEconomics(c: Checker, v: unknown): Economics | undefined {
  if (!isObj(v))
    return c.fail(
      'economics',
      'Enter the revenue target, deal size, close rate, target ROAS, budget and currency.',
    );
  const e = {
    revenueTarget: c.amount('economics.revenueTarget', v.revenueTarget, 'a revenue target', true),
    dealSize: c.amount('economics.dealSize', v.dealSize, 'an average deal size', true),
    closeRate: c.rate(
      'economics.closeRate',
      v.closeRate,
      'the close rate from qualified meeting to won deal',
      false,
    ),
    targetRoas: c.amount('economics.targetRoas', v.targetRoas, 'a target ROAS (3 means 3×)', true),
    budget: c.amount('economics.budget', v.budget, 'a budget', false),
    currency: c.text(
      'economics.currency',
      v.currency,
      'a currency symbol such as £, $, € or CHF',
      LIMITS.currencyLength,
    ),
  };
  // The symbol goes into number formats between quotes.
  if (e.currency !== undefined && /["\\]/.test(e.currency)) {
    e.currency = c.fail(
      'economics.currency',
      'Leave quotes and backslashes out of the currency symbol.',
    );
  }
  return Object.values(e).includes(undefined) ? undefined : (e as Economics);
}

function checkChannels(
  c: Checker,
  v: unknown,
  sheets?: readonly SheetInfo[],
): Channels | undefined {
  if (!isObj(v) || (v.mode !== 'typed' && v.mode !== 'mapped')) {
    return c.fail('channels', 'Type the channels in, or map them to columns of a sheet.');
  }
  if (v.mode === 'typed') {
    const rows = v.rows;
    if (!Array.isArray(rows) || rows.length === 0)
      return c.fail('channels.rows', 'Add at least one channel.');
    if (rows.length > LIMITS.maxChannels) {
      return c.fail(
        'channels.rows',
        `Use at most ${LIMITS.maxChannels} channels (you have ${rows.length}); map them to a sheet instead.`,
      );
    }
    let ok = true;
    const seen = new Map<string, number>();
    const out = rows.map((r: unknown, k) => {
      const p = `channels.rows.${k}`;
      if (!isObj(r)) {
        ok = false;
        return c.fail(p, `Channel ${k + 1} is missing its values.`);
      }
      const name = c.text(`${p}.name`, r.name, `a name for channel ${k + 1}`, LIMITS.nameLength);
      if (name !== undefined) {
        const other = seen.get(name.toLowerCase());
        if (other !== undefined) {
          ok = false;
          c.fail(
            `${p}.name`,
            `"${name}" is also channel ${other + 1}; give each channel its own name.`,
          );
        }
        seen.set(name.toLowerCase(), k);
      }
      const label = name ?? `channel ${k + 1}`;
      const row = {
        name,
        spend: c.amount(`${p}.spend`, r.spend, `the spend on ${label}`, false),
        meetings: c.amount(`${p}.meetings`, r.meetings, `the booked meetings from ${label}`, false),
        showRate: c.rate(`${p}.showRate`, r.showRate, `the show rate of ${label}`, true),
        qualRate: c.rate(`${p}.qualRate`, r.qualRate, `the qualification rate of ${label}`, true),
      };
      if (Object.values(row).includes(undefined)) ok = false;
      return row;
    });
    return ok ? ({ mode: 'typed', rows: out } as Channels) : undefined;
  }
  const sheet = c.text('channels.sheet', v.sheet, 'the sheet that holds the channels', 100);
  const info = sheet === undefined || !sheets ? undefined : sheets.find((s) => s.name === sheet);
  if (sheet !== undefined && sheets && !info) {
    c.fail(
      'channels.sheet',
      `There is no sheet named "${sheet}"; pick one of: ${sheets.map((s) => s.name).join(', ')}.`,
    );
  }
  if (!isObj(v.columns)) return c.fail('channels.columns', 'Pick a column for each channel field.');
  const columns = {} as Record<ChannelField, string>;
  const used = new Map<string, ChannelField>();
  let ok = sheet !== undefined && (!sheets || info !== undefined);
  for (const field of CHANNEL_FIELDS) {
    const path = `channels.columns.${field}`;
    const header = c.text(
      path,
      v.columns[field],
      `the header of the ${FIELD_LABELS[field]} column`,
      200,
    );
    if (header === undefined) {
      ok = false;
      continue;
    }
    const twin = used.get(header.toLowerCase());
    if (twin) {
      ok = false;
      c.fail(
        path,
        `"${header}" is already the ${FIELD_LABELS[twin]} column; pick a different column.`,
      );
      continue;
    }
    used.set(header.toLowerCase(), field);
    if (info && !info.headers.some((h) => h.trim() === header)) {
      ok = false;
      const named = info.headers.filter((h) => h.trim() !== '');
      c.fail(
        path,
        `No column headed "${header}" on sheet "${info.name}"; pick one of: ${named.length ? named.join(', ') : '(the first row is empty: add headers)'}.`,
      );
      continue;
    }
    // Templates and the sidebar find a column by its header, so a repeated header is ambiguous.
    const same = info
      ? info.headers.flatMap((h, k) => (h.trim() === header ? [columnLetter(k)] : []))
      : [];
    if (same.length > 1) {
      ok = false;
      c.fail(
        path,
        `Columns ${same.join(' and ')} of sheet "${info!.name}" are ${same.length === 2 ? 'both' : 'all'} headed "${header}"; rename one of them, then pick the column again.`,
      );
      continue;
    }
    columns[field] = header;
  }
  return ok ? { mode: 'mapped', sheet: sheet!, columns } : undefined;
}

/**
 * Checks settings from the sidebar or the document. With `sheets`, mapped
 * channels must name a sheet and headers that exist there.
 */
export function parseSettings(input: unknown, sheets?: readonly SheetInfo[]): Result<Settings> {
  const c = new Checker();
  if (!isObj(input))
    return {
      ok: false,
      errors: [{ field: '', message: 'The settings are missing; reopen the wizard.' }],
    };
  const templates = checkTemplates(c, input.templates);
  const stages = checkStages(c, input.stages);
  let meetingStage: string | undefined;
  const wanted = typeof input.meetingStage === 'string' ? input.meetingStage.trim() : '';
  if (wanted === '') {
    c.fail('meetingStage', 'Choose the stage that counts as a qualified meeting.');
  } else if (stages && !stages.some((s) => s.name === wanted)) {
    c.fail(
      'meetingStage',
      `"${wanted}" is not one of the stages; choose one of: ${stages.map((s) => s.name).join(', ')}.`,
    );
  } else meetingStage = wanted;
  const economics = checkEconomics(c, input.economics);
  const channels = checkChannels(c, input.channels, sheets);
  let formulaStyle: FormulaStyle | undefined;
  if (input.formulaStyle === 'addon' || input.formulaStyle === 'native')
    formulaStyle = input.formulaStyle;
  else c.fail('formulaStyle', 'Choose add-on functions or portable native formulas.');
  const attributionWindow = c.text(
    'attributionWindow',
    input.attributionWindow ?? '',
    'the attribution window',
    LIMITS.attributionLength,
    false,
  );
  if (c.errors.length > 0) return { ok: false, errors: c.errors };
  return {
    ok: true,
    value: {
      templates: templates!,
      stages: stages!,
      meetingStage: meetingStage!,
      economics: economics!,
      channels: channels!,
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
