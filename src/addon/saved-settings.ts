/**
 * Settings saved by an earlier version of the wizard, brought to today's
 * shape before they are parsed, so a document reopens with every value its
 * user set rather than with the defaults:
 * - a field added since (the mapping table, the Full funnel, the formula
 *   style, an economics figure) takes its default;
 * - mapped channels saved as `mapSheet` / `mapColumns` take today's names;
 * - one ad-spend sheet saved as an object becomes a list of one, each sheet
 *   without `fixedChannel` is read by its channel column, and the period
 *   "none" is no period;
 * - the deals export saved with the Full funnel moves to the raw data, where
 *   the Channel report reads it too.
 * Anything already in today's shape passes unchanged; a value that is wrong
 * (not merely missing) is left for the parser to refuse.
 */
import { defaultSettings, type Settings } from './settings';
import { parseSettings } from './validate';
import { isObj, type Obj } from './validate-checker';

/** Mapped channels as an earlier wizard saved them: `mapSheet`, `mapColumns`. */
function channelsNamedToday(channels: Obj, saved: Obj): Obj {
  if (channels.mode !== 'mapped') return channels;
  const { mapSheet, mapColumns, ...rest } = channels;
  return {
    ...rest,
    sheet: rest.sheet ?? mapSheet ?? saved.mapSheet,
    columns: rest.columns ?? mapColumns ?? saved.mapColumns,
  };
}

/** The raw data: a list of ad exports, each with its fixed channel, a period or null, and the deals. */
function rawToday(raw: Obj, funnel: unknown): Obj {
  const spend = (Array.isArray(raw.spend) ? raw.spend : raw.spend == null ? [] : [raw.spend]).map(
    (s: unknown) => (isObj(s) ? { fixedChannel: '', ...s } : s),
  );
  const deals = raw.deals ?? (isObj(funnel) ? funnel.deals : undefined);
  return {
    ...raw,
    spend,
    period: raw.period === undefined || raw.period === 'none' ? null : raw.period,
    ...(deals == null ? {} : { deals }),
  };
}

/** Today's shape of saved settings; what is not an object is given back as it is. */
export function settingsToday(saved: unknown): unknown {
  if (!isObj(saved)) return saved;
  const defaults = defaultSettings() as unknown as Obj;
  const out: Obj = {};
  for (const [key, value] of Object.entries(defaults)) out[key] = saved[key] ?? value;
  if (isObj(saved.economics))
    out.economics = { ...(defaults.economics as Obj), ...saved.economics };
  if (isObj(out.channels)) out.channels = channelsNamedToday(out.channels, saved);
  if (isObj(out.raw)) out.raw = rawToday(out.raw, saved.funnel);
  if (isObj(out.funnel)) {
    const { deals: _moved, ...funnel } = out.funnel;
    out.funnel = funnel;
  }
  return out;
}

/**
 * The saved settings (the text the document keeps) if they are there and
 * still valid in shape, else null. Settings an earlier version saved are
 * brought to today's shape first, keeping every value set. They go through
 * the wizard's own parser, so what comes back is typed and trimmed, and
 * fields the parser does not know stay behind.
 */
export function loadSettings(text: string | null | undefined): Settings | null {
  if (!text) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  // Mapped sheets may have been renamed since; the wizard shows that when it validates.
  const result = parseSettings(settingsToday(parsed));
  return result.ok ? result.value : null;
}
