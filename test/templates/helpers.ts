/** Shared by the template tests: the default settings, building into memory, reading tabs. */
import { expect } from 'vitest';
import type { Created, Result } from '../../src/addon/api';
import { memoryHost } from '../../src/addon/memory-host';
import {
  defaultSettings,
  type MappedChannels,
  type Settings,
  type TypedChannel,
} from '../../src/addon/settings';
import { CATALOGUE } from '../../src/metrics/catalogue';
import { VERDICTS } from '../../src/metrics/verdict';
import { type Input, MemoryWorkbook, type SheetSnapshot } from '../../src/workbook/memory';
import { wizardOn } from '../fakes/sidebar-calls';

/** The default settings (the £95 outbound meeting with 30% outside the ICP, …), some replaced. */
export function settingsWith(patch: Partial<Settings> = {}): Settings {
  return { ...defaultSettings(), ...patch };
}

export function channels(n: number): TypedChannel[] {
  return Array.from({ length: n }, (_, k) => ({
    name: `Channel ${k + 1}`,
    spend: 500 + 137 * k,
    meetings: k % 7 === 3 ? 0 : 4 + (k % 9),
    showRate: 0.6 + (k % 5) * 0.1,
    qualRate: 0.5 + (k % 4) * 0.1,
  }));
}

export function stages(n: number): Settings['stages'] {
  return Array.from({ length: n }, (_, k) => ({
    name: `Stage ${k + 1}`,
    rate: k === n - 1 ? null : [0.35, 0.4, 0.7, 0.45, 0.3, 0.6][k % 6]!,
  }));
}

/** The user's own data: the default channels as a sheet, for mapped channels. */
export const DATA_SHEET: Input[][] = [
  ['Channel', 'Month', 'Cost', 'Booked', 'Show %', 'Qual %'],
  ['Outbound', 'Jan', 950, 10, 1, 0.7],
  ['Paid social', 'Jan', 1000, 10, 0.8, 0.6],
  ['Events', 'Jan', 4000, 12, 0.9, 0.75],
  ['Webinars', 'Jan', 500, 0, 1, 0.5],
];

export function mappedSettings(patch: Partial<Settings> = {}): Settings {
  return settingsWith({
    channels: {
      mode: 'mapped',
      sheet: 'My data',
      columns: {
        name: 'Channel',
        spend: 'Cost',
        meetings: 'Booked',
        showRate: 'Show %',
        qualRate: 'Qual %',
      },
    },
    ...patch,
  });
}

/** Channels mapped from the user's sheet "Ad costs", headed Source, Cost, Booked, Show, Qual. */
export function adCostsChannels(): MappedChannels {
  return {
    mode: 'mapped',
    sheet: 'Ad costs',
    columns: {
      name: 'Source',
      spend: 'Cost',
      meetings: 'Booked',
      showRate: 'Show',
      qualRate: 'Qual',
    },
  };
}

export function userWorkbook(data: Input[][] = DATA_SHEET): MemoryWorkbook {
  return MemoryWorkbook.fromSheets({
    'My data': data.map((r) => [...r]),
    Notes: [['Quarter plan'], ['=SUM(2,3)']],
  });
}

export function create(wb: MemoryWorkbook, settings: Settings): Result<Created> {
  return wizardOn(memoryHost(wb)).createTemplates(settings);
}

export function createOk(wb: MemoryWorkbook, settings: Settings): string[] {
  const result = create(wb, settings);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value.tabs;
}

export function tab(wb: MemoryWorkbook, name: string): SheetSnapshot {
  const found = wb.snapshot().find((s) => s.name === name);
  if (!found) throw new Error(`no tab ${name}`);
  return found;
}

export function at(snap: SheetSnapshot, row: number, col: number): Input {
  return snap.values[row]?.[col] ?? null;
}

/** Equal as Sheets shows them: numbers to 9 significant digits, the rest exactly. */
export function expectSame(actual: unknown, expected: unknown, where: string): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    const scale = Math.max(1, Math.abs(expected));
    expect(Math.abs(actual - expected) / scale, `${where}: ${actual} vs ${expected}`).toBeLessThan(
      1e-9,
    );
  } else {
    expect(actual === '' ? null : actual, where).toEqual(expected === '' ? null : expected);
  }
}

/** The cells that hold a formula. */
export function formulaCells(snap: SheetSnapshot): string[] {
  const out: string[] = [];
  snap.formulas.forEach((row, r) => {
    row.forEach((f, c) => {
      if (typeof f === 'string' && f.startsWith('=')) out.push(`${r},${c}`);
    });
  });
  return out;
}

/** A call of any catalogue function: `CPQM(`, `=BLENDED_CPQM(`, not `XCPQM(`. */
const CATALOGUE_CALL = new RegExp(
  `(?<![A-Za-z0-9_.])(${CATALOGUE.map((s) => s.name).join('|')})\\(`,
);

/** The cells whose formula calls a Funnel Math function: in Sheets, one server call each. */
export function customFunctionCells(snap: SheetSnapshot): string[] {
  const out: string[] = [];
  snap.formulas.forEach((row, r) => {
    row.forEach((f, c) => {
      if (typeof f === 'string' && f.startsWith('=') && CATALOGUE_CALL.test(f))
        out.push(`${r},${c}`);
    });
  });
  return out;
}

const isNumber = (v: unknown): v is number => typeof v === 'number';
const isErrorText = (v: unknown) => typeof v === 'string' && v.startsWith('#');

/**
 * A channel row's qualified meetings worked out from its cells: 0 where a
 * filled-in count or rate is 0, meetings × show rate × qual rate where they
 * are numbers (a blank show rate is 100%), else unknown.
 */
export function qualifiedOf(meetings: unknown, showRate: unknown, qualRate: unknown): unknown {
  if ([meetings, showRate, qualRate].some((v) => v === 0)) return 0;
  const show = showRate === null || showRate === '' ? 1 : showRate;
  return isNumber(meetings) && isNumber(qualRate) && isNumber(show)
    ? meetings * show * qualRate
    : undefined;
}

/** The one verdict rule, spelled here from the product's wording rather than from its formula. */
export function expectedVerdict(
  spend: unknown,
  qualified: unknown,
  headroom: unknown,
  uncounted = false,
): string {
  if (uncounted || isErrorText(spend)) return VERDICTS.checkData;
  if (spend === null || spend === '' || spend === 0) return VERDICTS.noSpend;
  if (isNumber(spend) && spend < 0) return VERDICTS.checkData;
  if (isNumber(headroom)) return headroom >= 0 ? VERDICTS.economical : VERDICTS.uneconomical;
  return qualified === 0 ? VERDICTS.uneconomical : '';
}
