/**
 * The one grouping the reports from raw data share (CPQM_REPORT,
 * CPQM_TREND, FUNNEL_REPORT, DEALS_REPORT): rows keyed by channel × period,
 * each a tally of sums, totals Σ over the rows they cover, the `All channels`
 * rows per period and overall. A report decides what its tally holds and
 * which cells it shows; the ratios are always taken from summed tallies, so
 * no total is ever an average of rates.
 */
import { isBlank, toDay, toText } from '../sheets/coerce';
import { isDate } from '../sheets/dates';
import { channelName } from '../sheets/labels';
import type { Mapping } from '../sheets/mapping';
import { Problem } from '../sheets/problem';
import type { Scalar } from '../sheets/result';
import { type Period, periodLabel } from './period';
import { refuseTotalsRow } from './totals-row';

export const NO_CHANNEL = '(no channel)';
export const ALL_CHANNELS = 'All channels';
export const ALL_PERIODS = 'All';

/** One channel of a report: its name as shown and its tallies by period label. */
export interface Group {
  name: string;
  byPeriod: Map<string, number[]>;
  /** The tally last asked for: exports list a channel's rows period by period, so it is nearly always the next one asked. */
  last?: { label: string; tally: number[] };
}

/** Remembers `value` for `key` while the cache holds fewer than `cap`: what a huge table may cost. */
function remember<K, V>(cache: Map<K, V>, cap: number, key: K, value: V): V {
  if (cache.size < cap) cache.set(key, value);
  return value;
}

function addInto(into: number[], from: readonly number[]): void {
  for (let k = 0; k < from.length; k++) into[k]! += from[k]!;
}

export class Grouping {
  /** By channel key, in order of first appearance. */
  private readonly groups = new Map<string, Group>();
  /** Raw cells seen, to their group: exports repeat a handful of spellings thousands of times. */
  private readonly byRaw = new Map<unknown, Group>();
  /** Dates and serials seen, to their period label. */
  private readonly labels = new Map<unknown, string>();
  /** The last date labelled, and its label: exports list their rows day by day. NaN is never equal to an instant. */
  private lastDay: unknown = Number.NaN;
  private lastLabel = '';

  constructor(
    /** How many sums a tally holds. */
    readonly width: number,
    /** Undefined: one period, the whole report. */
    readonly period: Period | undefined,
    readonly mapping: Mapping,
  ) {}

  /**
   * The group of a channel cell: the channel its first matching mapping row
   * names, else its own spelling; channels match ignoring case and spacing,
   * and the first spelling met is shown.
   */
  channel(arg: string, raw: unknown): Group {
    // Each row's look-up is kept this small so the engine inlines it into the row loop.
    return this.byRaw.get(raw) ?? this.firstMet(arg, raw);
  }

  /** A channel cell met for the first time (or after the cache filled). */
  private firstMet(arg: string, raw: unknown): Group {
    // Checked once per spelling: a cell met before is known not to be a totals row.
    refuseTotalsRow(arg, raw);
    const own = toText(arg, raw);
    return remember(
      this.byRaw,
      10_000,
      raw,
      this.named(channelName(this.mapping.channel.lookup(own) ?? own)),
    );
  }

  /** The group of a name the report gives itself, such as (no channel): no mapping row renames it. */
  named(name: string): Group {
    const key = name.toLowerCase();
    let group = this.groups.get(key);
    if (!group) {
      group = { name, byPeriod: new Map(), last: undefined };
      this.groups.set(key, group);
    }
    return group;
  }

  /** The period label of a date cell (rule 12; ISO text is its day); every row is dated when a period is asked. */
  label(arg: string, raw: unknown): string {
    const period = this.period;
    if (period === undefined) return ALL_PERIODS;
    // Sheets passes each date cell as its own Date: the instant is what repeats. instanceof is
    // the fast test for this realm's Dates; isDate also knows another realm's.
    const id = raw instanceof Date || isDate(raw) ? (raw as Date).getTime() : raw;
    if (id === this.lastDay) return this.lastLabel;
    const label = this.labels.get(id) ?? this.newLabel(arg, raw, id, period);
    this.lastDay = id;
    this.lastLabel = label;
    return label;
  }

  /** The label of a date not met before (or after the cache filled). */
  private newLabel(arg: string, raw: unknown, id: unknown, period: Period): string {
    if (isBlank(raw)) {
      throw new Problem(
        '#VALUE!',
        `${arg} is blank`,
        `a ${period} report needs the date of every row`,
      );
    }
    return remember(this.labels, 100_000, id, periodLabel(period, toDay(arg, raw)));
  }

  /** The tally of a channel in a period, created at zero on first use. */
  tally(group: Group, label: string): number[] {
    const last = group.last;
    if (last !== undefined && last.label === label) return last.tally;
    const t = group.byPeriod.get(label) ?? this.newTally(group, label);
    group.last = { label, tally: t };
    return t;
  }

  private newTally(group: Group, label: string): number[] {
    const t = new Array<number>(this.width).fill(0);
    group.byPeriod.set(label, t);
    return t;
  }

  get isEmpty(): boolean {
    return this.groups.size === 0;
  }

  /** The channels in order of first appearance. */
  channels(): Group[] {
    return [...this.groups.values()];
  }

  /** Every period label used, ascending, with its total over all channels; and the overall total. */
  totals(): { byPeriod: Map<string, number[]>; overall: number[] } {
    const byPeriod = new Map<string, number[]>();
    const overall = new Array<number>(this.width).fill(0);
    for (const group of this.groups.values()) {
      for (const [label, t] of group.byPeriod) {
        let p = byPeriod.get(label);
        if (!p) {
          p = new Array<number>(this.width).fill(0);
          byPeriod.set(label, p);
        }
        addInto(p, t);
        addInto(overall, t);
      }
    }
    const sorted = new Map([...byPeriod].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return { byPeriod: sorted, overall };
  }

  /**
   * The report laid out: the header, one row per channel (per channel and
   * period, periods ascending), then with a period one All channels row per
   * period, and last the All channels row over everything.
   */
  table(header: readonly string[], cells: (t: number[]) => Scalar[]): Scalar[][] {
    const dated = this.period !== undefined;
    const out: Scalar[][] = [[...header]];
    for (const group of this.groups.values()) {
      for (const label of [...group.byPeriod.keys()].sort()) {
        const t = group.byPeriod.get(label)!;
        out.push(dated ? [group.name, label, ...cells(t)] : [group.name, ...cells(t)]);
      }
    }
    const { byPeriod, overall } = this.totals();
    if (dated) {
      for (const [label, t] of byPeriod) out.push([ALL_CHANNELS, label, ...cells(t)]);
      out.push([ALL_CHANNELS, ALL_PERIODS, ...cells(overall)]);
    } else out.push([ALL_CHANNELS, ...cells(overall)]);
    return out;
  }
}

/** part ÷ whole, or that cell's #DIV/0! text naming the count that is 0 (rule 8: one cell, not the report). */
export function ratioCell(part: number, whole: number, wholeName: string): Scalar {
  return whole === 0 ? new Problem('#DIV/0!', `${wholeName} is 0`).cellText : part / whole;
}
