/**
 * The numbers and decisions of the funnel plan and the channel comparison
 * under settings other than the defaults: every meeting stage in turn, other
 * rates and economics, more channels, channels typed and mapped from a sheet
 * laid out differently, in both formula styles. Each expected value comes
 * from the settings (or the user's sheet) through the pure functions, never
 * from the tab's own input cells, so a formula reading the wrong cell fails.
 */
import { describe, expect, it } from 'vitest';
import type { FormulaStyle, Settings, TypedChannel } from '../../src/addon/settings';
import { CHANNEL_LAYOUT, COMPUTED } from '../../src/addon/templates/channel-comparison';
import { economicsRow, FUNNEL_LAYOUT } from '../../src/addon/templates/funnel-plan';
import { FUNCTIONS } from '../../src/metrics/catalogue';
import { VERDICTS } from '../../src/metrics/verdict';
import { type Input, MemoryWorkbook, type SheetSnapshot } from '../../src/workbook/memory';
import {
  at,
  createOk,
  expectedVerdict,
  expectSame,
  qualifiedOf,
  settingsWith,
  tab,
} from './helpers';

const STYLES = ['addon', 'native'] as const;

/** A function's result on single values, or '#ERROR' where it refuses them. */
function pure(name: string, ...args: unknown[]): unknown {
  try {
    return FUNCTIONS[name]!(...args);
  } catch {
    return '#ERROR';
  }
}

const isError = (v: unknown) => typeof v === 'string' && v.startsWith('#');

/** The cell holds `want`: the same number, the same text, or an error where the function gives one. */
function expectCell(snap: SheetSnapshot, row: number, col: number, want: unknown, what: string) {
  const got = at(snap, row, col);
  const where = `${snap.name} row ${row + 1} col ${col + 1} (${what})`;
  if (isError(want)) expect(isError(got), `${where}: ${got} should be an error`).toBe(true);
  else expectSame(got, want, where);
}

const ECONOMICS: Settings['economics'] = {
  revenueTarget: 2_450_000,
  dealSize: 35_000,
  closeRate: 0.22,
  targetRoas: 4.5,
  budget: 310_000,
  currency: '$',
};

const STAGES: Settings['stages'] = [
  { name: 'Impression', rate: 0.015 },
  { name: 'Click', rate: 0.12 },
  { name: 'Lead', rate: 0.28 },
  { name: 'Meeting booked', rate: 0.55 },
  { name: 'Meeting held', rate: 0.62 },
  { name: 'Proposal', rate: 0.45 },
  { name: 'Won', rate: null },
];

function build(settings: Settings, sheets: Record<string, Input[][]> = {}): MemoryWorkbook {
  const wb = MemoryWorkbook.fromSheets({ Notes: [['Quarter plan']], ...sheets });
  createOk(wb, settings);
  return wb;
}

describe('funnel plan under other stages, rates and economics', () => {
  const target = Math.ceil(ECONOMICS.revenueTarget / ECONOMICS.dealSize);
  const rates = STAGES.slice(0, -1).map((s) => [s.rate]);
  const volumes = (FUNCTIONS.REVERSE_FUNNEL!(target, rates) as number[][]).map(([v]) => v!);
  const max = pure('MAX_CPQM', ECONOMICS.dealSize, ECONOMICS.closeRate, ECONOMICS.targetRoas);

  it('the stages need different volumes, so a meeting stage read from the wrong row shows', () => {
    expect(new Set(volumes).size).toBe(STAGES.length);
  });

  for (const style of STYLES) {
    for (const [index, stage] of STAGES.entries()) {
      it(`${style}: meeting stage "${stage.name}"`, () => {
        const wb = build(
          settingsWith({
            templates: ['funnelPlan', 'definitions'],
            stages: STAGES,
            meetingStage: stage.name,
            economics: ECONOMICS,
            formulaStyle: style,
          }),
        );
        const snap = tab(wb, 'Funnel plan');
        const { inputsRow, firstStageRow } = FUNNEL_LAYOUT;
        const e = ECONOMICS;
        [e.revenueTarget, e.dealSize, e.closeRate, e.targetRoas, e.budget].forEach((v, k) => {
          expectCell(snap, inputsRow + k, 1, v, 'input');
        });
        expectCell(snap, inputsRow + 5, 1, target, 'last stage needed');
        volumes.forEach((volume, k) => {
          expectCell(snap, firstStageRow + k, 2, volume, `${STAGES[k]!.name} volume`);
          expectCell(snap, firstStageRow + k, 3, pure('CPL', e.budget, volume), 'cost per unit');
        });
        const economics = economicsRow(STAGES.length);
        const meetings = volumes[index]!;
        const planned = pure('CPQM', e.budget, meetings, 1);
        expectCell(snap, economics + 1, 1, meetings, 'qualified meetings needed');
        expectCell(snap, economics + 2, 1, planned, 'planned CPQM');
        expectCell(snap, economics + 3, 1, max, 'max CPQM');
        expectCell(snap, economics + 4, 1, pure('HEADROOM', planned, max), 'headroom');

        // The definitions mark the chosen stage, and only it, as the qualified meeting.
        const definitions = tab(wb, 'Definitions').values;
        const marked = definitions
          .filter((row) => STAGES.some((s) => s.name === row[0]) && row[2])
          .map((row) => row[0]);
        expect(marked).toEqual([stage.name]);
      });
    }
  }
});

/** Seventeen channels unlike the defaults, the first with no meetings at all. */
const MANY: TypedChannel[] = Array.from({ length: 17 }, (_, k) => ({
  name: `Source ${String.fromCharCode(65 + k)}`,
  spend: 1234.5 + 311 * k,
  meetings: (k * 5) % 13,
  showRate: 0.55 + ((k * 3) % 10) * 0.045,
  qualRate: 0.35 + ((k * 7) % 9) * 0.07,
}));

interface ChannelRow {
  name: unknown;
  spend: unknown;
  meetings: unknown;
  showRate: unknown;
  qualRate: unknown;
}

/** Every number of the comparison from the channels and the economics alone. */
function checkComparison(snap: SheetSnapshot, rows: ChannelRow[], e: Settings['economics']) {
  const { inputsRow, blendedRow, firstChannelRow } = CHANNEL_LAYOUT;
  [e.dealSize, e.closeRate, e.targetRoas].forEach((v, k) => {
    expectCell(snap, inputsRow + k, 1, v, 'input');
  });
  const max = pure('MAX_CPQM', e.dealSize, e.closeRate, e.targetRoas);
  expectCell(snap, inputsRow + 3, 1, max, 'max CPQM');
  rows.forEach((ch, k) => {
    const row = firstChannelRow + k;
    const cpqm = pure('CPQM', ch.spend, ch.meetings, ch.qualRate, ch.showRate);
    // Headroom only of a CPQM that is a number: no error reaches HEADROOM.
    const headroom = isError(cpqm) ? '' : pure('HEADROOM', cpqm, max);
    const what = String(ch.name);
    expectCell(snap, row, 0, ch.name, what);
    expectCell(
      snap,
      row,
      COMPUTED.costPerMeeting,
      pure('COST_PER_MEETING', ch.spend, ch.meetings),
      `${what} cost per meeting`,
    );
    expectCell(snap, row, COMPUTED.cpqm, cpqm, `${what} CPQM`);
    expectCell(snap, row, COMPUTED.maxCpqm, max, `${what} max CPQM`);
    expectCell(snap, row, COMPUTED.headroom, headroom, `${what} headroom`);
    const qualified = qualifiedOf(ch.meetings, ch.showRate, ch.qualRate);
    expectCell(
      snap,
      row,
      COMPUTED.verdict,
      expectedVerdict(ch.spend, qualified, headroom),
      `${what} verdict`,
    );
  });
  const complete = rows.filter((ch) =>
    [ch.spend, ch.meetings, ch.qualRate].every((v) => v !== '' && v !== null),
  );
  const spend = complete.reduce((t, ch) => t + (ch.spend as number), 0);
  const meetings = complete.reduce((t, ch) => t + (ch.meetings as number), 0);
  const column = (field: keyof ChannelRow) => rows.map((ch) => [ch[field] ?? '']);
  const blended = pure(
    'BLENDED_CPQM',
    column('spend'),
    column('meetings'),
    column('qualRate'),
    column('showRate'),
  );
  const headroom = isError(blended) ? '' : pure('HEADROOM', blended, max);
  const qualified = complete.reduce(
    (t: number, ch) => t + (qualifiedOf(ch.meetings, ch.showRate, ch.qualRate) as number),
    0,
  );
  expectCell(snap, blendedRow, 1, spend, 'total spend');
  expectCell(snap, blendedRow, 2, meetings, 'total meetings');
  expectCell(
    snap,
    blendedRow,
    COMPUTED.costPerMeeting,
    pure('COST_PER_MEETING', spend, meetings),
    'blended cost per meeting',
  );
  expectCell(snap, blendedRow, COMPUTED.cpqm, blended, 'blended CPQM');
  expectCell(snap, blendedRow, COMPUTED.maxCpqm, max, 'blended max CPQM');
  expectCell(snap, blendedRow, COMPUTED.headroom, headroom, 'blended headroom');
  expectCell(
    snap,
    blendedRow,
    COMPUTED.verdict,
    expectedVerdict(spend, qualified, headroom),
    'blended verdict',
  );
  return { blended, max };
}

describe('channel comparison under other economics and channels', () => {
  for (const style of STYLES) {
    it(`${style}: 17 typed channels, one without meetings, both verdicts`, () => {
      const snap = tab(
        build(
          settingsWith({
            templates: ['channelComparison'],
            economics: ECONOMICS,
            formulaStyle: style,
            channels: { mode: 'typed', rows: MANY },
          }),
        ),
        'Channel comparison',
      );
      checkComparison(snap, MANY, ECONOMICS);
      const verdicts = MANY.map((_, k) =>
        at(snap, CHANNEL_LAYOUT.firstChannelRow + k, COMPUTED.verdict),
      );
      // Both outcomes occur, so a verdict column that ignored the numbers would fail.
      expect(verdicts).toContain(VERDICTS.economical);
      expect(verdicts).toContain(VERDICTS.uneconomical);
      expect(isError(at(snap, CHANNEL_LAYOUT.firstChannelRow, COMPUTED.cpqm))).toBe(true);
    });

    it(`${style}: changing an input cell moves every number that depends on it`, () => {
      const wb = build(
        settingsWith({
          templates: ['channelComparison'],
          economics: ECONOMICS,
          formulaStyle: style,
          channels: { mode: 'typed', rows: MANY.slice(1, 6) },
        }),
      );
      const { inputsRow, firstChannelRow } = CHANNEL_LAYOUT;
      const economics = { ...ECONOMICS, closeRate: 0.4 };
      const rows = MANY.slice(1, 6).map((ch) => ({ ...ch }));
      rows[2]!.spend = 99_000;
      rows[4]!.showRate = 0.25;
      wb.setCell('Channel comparison', inputsRow + 1, 1, economics.closeRate);
      wb.setCell('Channel comparison', firstChannelRow + 2, 1, rows[2]!.spend);
      wb.setCell('Channel comparison', firstChannelRow + 4, 3, rows[4]!.showRate);
      checkComparison(tab(wb, 'Channel comparison'), rows, economics);
    });
  }
});

describe('channel comparison mapped from a sheet laid out differently', () => {
  // Columns in another order under other headers, a notes column, blank show rates.
  const header = ['Spend (USD)', 'Source', 'Notes', 'Qualified %', 'Meetings booked', 'Attended %'];
  const channels: ChannelRow[] = MANY.slice(0, 12).map((ch, k) => ({
    name: ch.name,
    spend: ch.spend,
    meetings: ch.meetings,
    showRate: k % 4 === 2 ? '' : ch.showRate,
    qualRate: ch.qualRate,
  }));
  const data: Input[][] = [
    header,
    ...channels.map((ch) => [
      ch.spend as number,
      ch.name as string,
      'note',
      ch.qualRate as number,
      ch.meetings as number,
      ch.showRate === '' ? null : (ch.showRate as number),
    ]),
  ];
  const settings = (style: FormulaStyle) =>
    settingsWith({
      templates: ['channelComparison'],
      economics: ECONOMICS,
      formulaStyle: style,
      channels: {
        mode: 'mapped',
        sheet: 'Ad export',
        columns: {
          name: 'Source',
          spend: 'Spend (USD)',
          meetings: 'Meetings booked',
          showRate: 'Attended %',
          qualRate: 'Qualified %',
        },
      },
    });

  for (const style of STYLES) {
    it(`${style}: every row from the user's cells, spare rows blank`, () => {
      const wb = build(settings(style), { 'Ad export': data });
      const snap = tab(wb, 'Channel comparison');
      checkComparison(snap, channels, ECONOMICS);
      const { firstChannelRow } = CHANNEL_LAYOUT;
      for (let k = channels.length; k < channels.length + 5; k++) {
        const row = snap.values[firstChannelRow + k] ?? [];
        expect(
          row.slice(0, COMPUTED.verdict + 1).every((v) => v === null || v === ''),
          `spare row ${k}`,
        ).toBe(true);
      }

      // A channel added below the others on the user's sheet joins every column and the blend.
      const added = { name: 'Podcasts', spend: 5200, meetings: 9, showRate: 0.8, qualRate: 0.5 };
      const r = data.length;
      wb.setCell('Ad export', r, 0, added.spend);
      wb.setCell('Ad export', r, 1, added.name);
      wb.setCell('Ad export', r, 3, added.qualRate);
      wb.setCell('Ad export', r, 4, added.meetings);
      wb.setCell('Ad export', r, 5, added.showRate);
      checkComparison(tab(wb, 'Channel comparison'), [...channels, added], ECONOMICS);
    });
  }
});
