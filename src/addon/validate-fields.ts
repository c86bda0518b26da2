/**
 * The settings the user types: templates, stages, economics, typed channels,
 * the meeting stage. Each check adds its problems to the checker and gives
 * back the typed value, or undefined when something is wrong.
 */
import { quote, show } from '../sheets/format';
import {
  type Channels,
  type Economics,
  type Stage,
  TEMPLATE_IDS,
  TEMPLATE_TITLES,
  type TemplateId,
} from './settings';
import { type Checker, isObj, LIMITS } from './validate-checker';
import { nonNegative, positive, positiveRate, rate } from './validate-rules';

export function checkTemplates(c: Checker, v: unknown): TemplateId[] | undefined {
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

export function checkStages(c: Checker, v: unknown): Stage[] | undefined {
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
    return named === undefined || toNext === undefined ? undefined : { name: named, rate: toNext };
  });
  return c.errors.length > before ? undefined : out.filter((s) => s !== undefined);
}

export function checkEconomics(c: Checker, v: unknown): Economics | undefined {
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

export function checkTypedChannels(c: Checker, rows: unknown): Channels | undefined {
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

export function checkMeetingStage(c: Checker, v: unknown, stages?: Stage[]): string | undefined {
  const wanted = typeof v === 'string' ? v.trim() : '';
  if (wanted === '') return c.fail('Choose the stage that counts as a qualified meeting.');
  if (stages && !stages.some((s) => s.name === wanted)) {
    return c.fail(
      `${quote(wanted)} is not one of the stages; choose one of: ${stages.map((s) => s.name).join(', ')}.`,
    );
  }
  return wanted;
}
