/**
 * The Channel report tallied by hand from raw rows: spend by channel and
 * period, meetings by outcome, the period totals and the overall total.
 * Channels count together whatever their case or surrounding spaces, under
 * the first spelling met (spend rows first, then meetings); a meeting with a
 * blank channel counts under (no channel). Shared by the Channel report tests
 * that write their own raw rows.
 */
/** A spreadsheet day number's month label: 46023 (2026-01-01) is "2026-01". */
export const monthOf = (day: number): string => {
  const d = new Date((day - 25_569) * 86_400_000);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};

/** A spend row and a meeting row as the raw sheets hold them, the channel as the report reads it. */
export type SpendLine = [day: number, channel: string, cost: number];
export type MeetingLine = [day: number, channel: string, outcome: string];

export interface Tally {
  spend: number;
  held: number;
  noShows: number;
  qualified: number;
  spendRows: number;
  meetings: number;
}

/** One row of the report: its channel, its period ("All" without one) and its tally. */
export interface Line {
  channel: string;
  period: string;
  t: Tally;
}

/**
 * The report's rows: channels in order of first appearance, each one's periods
 * ascending, then the period totals (with a period) and last the total.
 * `labelOf` gives a day's period label; null for no period.
 */
export function handTally(
  spend: readonly SpendLine[],
  meetings: readonly MeetingLine[],
  labelOf: ((day: number) => string) | null,
): Line[] {
  const empty = (): Tally => ({
    spend: 0,
    held: 0,
    noShows: 0,
    qualified: 0,
    spendRows: 0,
    meetings: 0,
  });
  const channels = new Map<string, { name: string; periods: Map<string, Tally> }>();
  const of = (raw: string, day: number) => {
    const name = raw.trim() === '' ? '(no channel)' : raw.trim();
    const key = name.toLowerCase();
    if (!channels.has(key)) channels.set(key, { name, periods: new Map() });
    const p = labelOf ? labelOf(day) : 'All';
    const periods = channels.get(key)!.periods;
    if (!periods.has(p)) periods.set(p, empty());
    return periods.get(p)!;
  };
  for (const [day, channel, cost] of spend) {
    const t = of(channel, day);
    t.spend += cost;
    t.spendRows++;
  }
  for (const [day, channel, outcome] of meetings) {
    const t = of(channel, day);
    t.meetings++;
    if (outcome === 'No show') t.noShows++;
    else if (outcome === 'Qualified') {
      t.held++;
      t.qualified++;
    } else if (outcome.startsWith('Not qualified')) t.held++;
  }
  const lines: Line[] = [];
  const totals = new Map<string, Tally>();
  const overall = empty();
  const add = (into: Tally, t: Tally) => {
    for (const k of Object.keys(t) as (keyof Tally)[]) into[k] += t[k];
  };
  for (const { name, periods } of channels.values()) {
    for (const p of [...periods.keys()].sort()) {
      const t = periods.get(p)!;
      lines.push({ channel: name, period: p, t });
      if (!totals.has(p)) totals.set(p, empty());
      add(totals.get(p)!, t);
      add(overall, t);
    }
  }
  if (labelOf)
    for (const p of [...totals.keys()].sort())
      lines.push({ channel: 'All channels', period: p, t: totals.get(p)! });
  lines.push({ channel: 'All channels', period: 'All', t: overall });
  return lines;
}
