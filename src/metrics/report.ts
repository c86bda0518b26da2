/**
 * CPQM_REPORT: the channel comparison from the raw tables users really have —
 * ad spend as one row per day × campaign, and one CRM row per meeting —
 * joined by channel (and period), every total Σ ÷ Σ over the rows it covers.
 *
 * The defects that matter most here are silent: a totals row counted twice,
 * a meeting dropped, an average of rates where Σ ÷ Σ belongs. So an export's
 * totals row is refused by row number, a meeting without a channel counts
 * under "(no channel)", and every ratio is computed from the summed counts.
 */
import { COERCE, isBlank, toDay, toText } from '../sheets/coerce';
import { isDate } from '../sheets/dates';
import { show } from '../sheets/format';
import { channelKey, channelName, isTotalsRow } from '../sheets/labels';
import { type Mapping, noMapping } from '../sheets/mapping';
import { CallError, Problem } from '../sheets/problem';
import { position, withPosition } from '../sheets/ranges';
import type { Scalar, SheetResult } from '../sheets/result';
import { type Grid, isRange, type Shape, tableShape } from '../sheets/shapes';
import { MAPPING_PARAM, OUTCOMES, readOutcome, unrecognisedOutcome } from './outcomes';
import { PERIODS, periodLabel, readPeriod } from './period';
import type { WholeRangeRuntime } from './spec';

export const NO_CHANNEL = '(no channel)';
export const ALL_CHANNELS = 'All channels';
export const ALL_PERIODS = 'All';

/** The report's columns after Channel (and Period, with a period). */
export const REPORT_COLUMNS = [
  'Spend',
  'Booked',
  'Held',
  'No-shows',
  'Qualified',
  'Show rate',
  'Qual rate',
  'Cost per meeting',
  'CPQM',
] as const;

export function reportHeader(withPeriod: boolean): string[] {
  return withPeriod ? ['Channel', 'Period', ...REPORT_COLUMNS] : ['Channel', ...REPORT_COLUMNS];
}

interface Tally {
  spend: number;
  held: number;
  noShows: number;
  qualified: number;
}

const emptyTally = (): Tally => ({ spend: 0, held: 0, noShows: 0, qualified: 0 });

interface Channel {
  name: string;
  /** Spelled like an export's totals row: refused where it meets spend. */
  totals: boolean;
  /** By period label; "" without a period. */
  periods: Map<string, Tally>;
}

/** The columns of one raw table (spend lines or meetings), checked to be the same shape. */
interface Table {
  shape: Shape;
  /** In the order of the names given; an omitted argument has no grid. */
  grids: (Grid | undefined)[];
  /** Lines in reading order. */
  size: number;
}

function table(names: string[], args: unknown[]): Table {
  const grids = args.map((a) => (a === undefined ? undefined : isRange(a) ? a : [[a]]));
  const given = grids.flatMap((g, k) => (g ? [[names[k]!, g] as const] : []));
  const shape = tableShape(
    given.map(([n]) => n),
    given.map(([, g]) => g),
  );
  return { shape, grids, size: shape.rows * shape.cols };
}

/** Line `k` of a column, in reading order; tables are nearly always one column wide. */
function lineOf(grid: Grid | undefined, cols: number, k: number): unknown {
  if (!grid) return undefined;
  return cols === 1 ? (grid[k] as unknown[])[0] : (grid[(k / cols) | 0] as unknown[])[k % cols];
}

function rowOf(shape: Shape, k: number): string {
  return position(shape, Math.floor(k / shape.cols), k % shape.cols);
}

/**
 * The ratio cells of a tally, Σ ÷ Σ; a zero denominator is that cell's #DIV/0! text,
 * which names the count that is 0 (the column says which rate has no answer).
 */
function ratios(t: Tally): Scalar[] {
  const booked = t.held + t.noShows;
  const ratio = (part: number, whole: number, name: string): Scalar =>
    whole === 0 ? new Problem('#DIV/0!', `${name} is 0`).cellText : part / whole;
  return [
    t.spend,
    booked,
    t.held,
    t.noShows,
    t.qualified,
    ratio(t.held, booked, 'booked'),
    ratio(t.qualified, t.held, 'held'),
    ratio(t.spend, booked, 'booked'),
    ratio(t.spend, t.qualified, 'qualified'),
  ];
}

function add(into: Tally, from: Tally): void {
  into.spend += from.spend;
  into.held += from.held;
  into.noShows += from.noShows;
  into.qualified += from.qualified;
}

const PARAMS = [
  { name: 'spendChannels', kind: 'text' },
  { name: 'spend', kind: 'money' },
  { name: 'meetingChannels', kind: 'text' },
  { name: 'outcomes', kind: 'text', options: OUTCOMES.accepted },
  { name: 'spendDates', kind: 'date', optional: true },
  { name: 'meetingDates', kind: 'date', optional: true },
  { name: 'period', kind: 'text', optional: true, options: PERIODS },
  MAPPING_PARAM,
] as const;

/** Remembers `value` for `key` while the cache holds fewer than `cap`: what a huge table may cost. */
function remember<K, V>(cache: Map<K, V>, cap: number, key: K, value: V): V {
  if (cache.size < cap) cache.set(key, value);
  return value;
}

function report(
  spendChannels: unknown,
  spend: unknown,
  meetingChannels: unknown,
  outcomes: unknown,
  spendDates?: unknown,
  meetingDates?: unknown,
  periodArg?: unknown,
  mappingArg?: unknown,
): SheetResult {
  const mapping = (mappingArg as Mapping | undefined) ?? noMapping();
  const period = readPeriod(periodArg);
  const dated = period !== undefined;
  // Omitted or a bare blank: no date column was given. A range of blank dates is read row by row.
  const noColumn = (dates: unknown) => !isRange(dates) && isBlank(dates);
  if (dated && (noColumn(spendDates) || noColumn(meetingDates))) {
    throw new CallError(
      `a ${period} report needs spendDates and meetingDates: give the date column of each table`,
    );
  }
  const spendTable = table(
    ['spendChannels', 'spend', 'spendDates'],
    [spendChannels, spend, dated ? spendDates : undefined],
  );
  const meetingTable = table(
    ['meetingChannels', 'outcomes', 'meetingDates'],
    [meetingChannels, outcomes, dated ? meetingDates : undefined],
  );

  const channels = new Map<string, Channel>();
  /** Raw spellings seen, to their key: exports repeat a handful of spellings thousands of times. */
  const keys = new Map<unknown, string>();
  /** Dates and serials seen, to their period label. */
  const labels = new Map<unknown, string>();

  const channelOf = (arg: string, raw: unknown): Channel => {
    let key = keys.get(raw);
    const text = () => {
      const own = toText(arg, raw);
      return mapping.channel.lookup(own) ?? own;
    };
    if (key === undefined) key = remember(keys, 10_000, raw, channelKey(text()));
    let channel = channels.get(key);
    if (!channel) {
      const name = channelName(text());
      channel = { name, totals: isTotalsRow(name), periods: new Map() };
      channels.set(key, channel);
    }
    return channel;
  };
  const periodOf = (arg: string, raw: unknown): string => {
    // Without a period every row is in the one period of the whole report.
    if (!dated) return ALL_PERIODS;
    // Sheets passes each date cell as its own Date: the instant is what repeats.
    const id = isDate(raw) ? raw.getTime() : raw;
    const known = labels.get(id);
    if (known !== undefined) return known;
    if (isBlank(raw)) {
      throw new Problem(
        '#VALUE!',
        `${arg} is blank`,
        `a ${period} report needs the date of every row`,
      );
    }
    return remember(labels, 100_000, id, periodLabel(period, toDay(arg, raw)));
  };
  const tallyOf = (channel: Channel, label: string): Tally => {
    let t = channel.periods.get(label);
    if (!t) {
      t = emptyTally();
      channel.periods.set(label, t);
    }
    return t;
  };

  {
    const [names, amounts, days] = spendTable.grids;
    const { cols } = spendTable.shape;
    const money = COERCE.money;
    for (let k = 0; k < spendTable.size; k++) {
      const raw = lineOf(names, cols, k);
      const amount = lineOf(amounts, cols, k);
      try {
        const noName = isBlank(raw);
        if (noName && isBlank(amount)) continue;
        if (noName) {
          throw new Problem(
            '#VALUE!',
            `spendChannels is blank beside spend ${show(amount)}`,
            'fill in its channel, or clear the row',
          );
        }
        if (isBlank(amount)) {
          throw new Problem(
            '#VALUE!',
            `spend is blank for channel ${show(raw)}`,
            'fill in its spend (0 if none), or clear the row',
          );
        }
        const channel = channelOf('spendChannels', raw);
        if (channel.totals) {
          throw new Problem(
            '#VALUE!',
            `spendChannels ${show(raw)} looks like an export's totals row`,
            'end the range above it, so its spend is not counted twice',
          );
        }
        const label = periodOf('spendDates', lineOf(days, cols, k));
        tallyOf(channel, label).spend += money('spend', amount) as number;
      } catch (e) {
        throw withPosition(`spend ${rowOf(spendTable.shape, k)}`, e);
      }
    }
  }
  {
    const [names, results, days] = meetingTable.grids;
    const { cols } = meetingTable.shape;
    for (let k = 0; k < meetingTable.size; k++) {
      const label = lineOf(results, cols, k);
      if (isBlank(label)) continue;
      try {
        const outcome = readOutcome(mapping, label);
        if (outcome === 'ignore') continue;
        if (outcome === 'unrecognised') throw unrecognisedOutcome(label);
        const raw = lineOf(names, cols, k);
        // A meeting without a channel counts under (no channel), never dropped.
        const channel = channelOf('meetingChannels', isBlank(raw) ? NO_CHANNEL : raw);
        const t = tallyOf(channel, periodOf('meetingDates', lineOf(days, cols, k)));
        if (outcome === 'noShow') t.noShows++;
        else if (outcome !== 'pending') {
          t.held++;
          if (outcome === 'qualified') t.qualified++;
        }
      } catch (e) {
        throw withPosition(`meetings ${rowOf(meetingTable.shape, k)}`, e);
      }
    }
  }

  // Blank tables give blank, as every function does for blank ranges: open columns of a new sheet.
  if (channels.size === 0) return '';
  const out: Scalar[][] = [reportHeader(dated)];
  const overall = emptyTally();
  const byPeriod = new Map<string, Tally>();
  for (const channel of channels.values()) {
    const labelsInOrder = [...channel.periods.keys()].sort();
    for (const label of labelsInOrder) {
      const t = channel.periods.get(label)!;
      out.push(dated ? [channel.name, label, ...ratios(t)] : [channel.name, ...ratios(t)]);
      add(overall, t);
      // Totals per period; without a period there is one, the whole report's, and it is not shown.
      let p = byPeriod.get(label);
      if (!p) {
        p = emptyTally();
        byPeriod.set(label, p);
      }
      add(p, t);
    }
  }
  if (dated) {
    for (const label of [...byPeriod.keys()].sort()) {
      out.push([ALL_CHANNELS, label, ...ratios(byPeriod.get(label)!)]);
    }
    out.push([ALL_CHANNELS, ALL_PERIODS, ...ratios(overall)]);
  } else out.push([ALL_CHANNELS, ...ratios(overall)]);
  return out;
}

function cellsOf(shape: Shape | undefined): number {
  return shape ? shape.rows * shape.cols : 1;
}

export const CPQM_REPORT: WholeRangeRuntime = {
  name: 'CPQM_REPORT',
  mode: 'whole',
  params: PARAMS,
  run: report,
  // A row per channel and period at most one per input row, as many period totals, and the total.
  resultSize: ([spendChannels, , meetingChannels, , , , period]) => {
    const lines = cellsOf(spendChannels) + cellsOf(meetingChannels);
    return {
      rows: 2 + (period ? 2 * lines : lines),
      cols: REPORT_COLUMNS.length + (period ? 2 : 1),
    };
  },
};
