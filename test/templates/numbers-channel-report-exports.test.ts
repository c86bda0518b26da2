/**
 * The Channel report over several ad exports, as users export them, one per
 * platform: a sheet with a channel column, and a sheet that is one channel
 * throughout ("this sheet is LinkedIn"), stacked into one report. Channel
 * names that a SUMIFS criterion would misread (`Brand*` as a wildcard,
 * `=Events` and `<none>` as comparisons, `2026` as a number) are matched
 * exactly. Every figure is tallied here from the raw rows, in both formula
 * styles, with and without a period; a bad row is named by its sheet and
 * sheet row; a native tab whose costs later turn to text says `check data`
 * on the rows affected.
 */
import { describe, expect, it } from 'vitest';
import type { FormulaStyle, Settings } from '../../src/addon/settings';
import { REPORT_LAYOUT } from '../../src/addon/templates/channel-report';
import type { Period } from '../../src/metrics/period';
import { type Input, MemoryWorkbook } from '../../src/workbook/memory';
import { create, createOk, settingsWith, tab } from './helpers';
import { handTally, type Line, type MeetingLine, monthOf, type SpendLine } from './report-tally';

const TAB = 'Channel report';
const FIRST = REPORT_LAYOUT.tableRow + 1;

/** 2026-01-01 and 2026-02-01 as spreadsheet day numbers. */
const JAN = 46_023;
const FEB = 46_054;

/** Max CPQM = 24,000 × 20% ÷ 3 = 1,600. */
const ECONOMICS: Settings['economics'] = {
  revenueTarget: 500_000,
  dealSize: 24_000,
  closeRate: 0.2,
  targetRoas: 3,
  budget: 40_000,
  currency: '$',
};
const MAX = 1600;

type Row = [day: number, channel: Input, cost: number];

/** The search export: a channel column, with names a criterion would misread. */
const SEARCH: Row[] = [
  [JAN + 1, 'Brand*', 900],
  [JAN + 2, 'Brandx', 400],
  [JAN + 3, "'=Events", 2500],
  [JAN + 4, '<none>', 300],
  [JAN + 5, 2026, 700],
  [FEB + 1, 'brand*', 1100],
  [FEB + 2, "'=Events", 500],
];

/** The LinkedIn export: no channel column; the whole sheet is LinkedIn. */
const LINKEDIN: [day: number, campaign: string, cost: number][] = [
  [JAN + 6, 'Awareness', 1200],
  [JAN + 7, 'Retargeting', 800],
  [FEB + 3, 'Awareness', 1500],
];

const MEETINGS: [day: number, channel: Input, outcome: string][] = [
  [JAN + 2, 'Brand*', 'Qualified'],
  [JAN + 3, 'Brandx', 'Qualified'],
  [JAN + 4, "'=Events", 'Qualified'],
  [JAN + 5, "'=Events", 'No show'],
  [JAN + 6, '<none>', 'Not qualified – role'],
  [JAN + 7, 2026, 'Qualified'],
  [JAN + 8, 'LinkedIn', 'Qualified'],
  [JAN + 9, 'linkedin', 'Rescheduled – pending'],
  [FEB + 2, 'Brand*', 'Qualified'],
  [FEB + 3, 'LinkedIn', 'No show'],
  [FEB + 4, "'=Events", 'Not qualified – budget'],
];

/** A cell as typed: a leading apostrophe keeps text such as "=Events" from being a formula. */
const typed = (v: Input) => v;
/** The same cell as the report reads it. */
const shown = (v: Input) => (typeof v === 'string' ? v.replace(/^'/, '') : String(v));

function sheets(search = SEARCH, linkedin = LINKEDIN): Record<string, Input[][]> {
  return {
    'Search export': [['Day', 'Channel', 'Cost'], ...search.map(([d, c, v]) => [d, typed(c), v])],
    LinkedIn: [
      ['Start Date (in UTC)', 'Campaign Name', 'Total Spent'],
      ...linkedin.map(([d, c, v]) => [d, c, v]),
    ],
    CRM: [
      ['Meeting date', 'Source', 'Meeting outcome'],
      ...MEETINGS.map(([d, c, o]) => [d, typed(c), o]),
    ],
  };
}

function settings(style: FormulaStyle, period: Period | null): Settings {
  const date = (header: string) => (period === null ? '' : header);
  return settingsWith({
    templates: ['channelReport'],
    economics: { ...ECONOMICS },
    formulaStyle: style,
    raw: {
      spend: [
        {
          sheet: 'Search export',
          columns: { channel: 'Channel', spend: 'Cost', date: date('Day') },
          fixedChannel: '',
        },
        {
          sheet: 'LinkedIn',
          columns: { channel: '', spend: 'Total Spent', date: date('Start Date (in UTC)') },
          fixedChannel: 'LinkedIn',
        },
      ],
      meetings: {
        sheet: 'CRM',
        columns: { channel: 'Source', outcome: 'Meeting outcome', date: date('Meeting date') },
      },
      period,
    },
  });
}

/** The report by hand: the search export's rows, then LinkedIn's, then the meetings. */
function expected(period: Period | null): Line[] {
  const spend: SpendLine[] = [
    ...SEARCH.map(([day, channel, cost]): SpendLine => [day, shown(channel), cost]),
    ...LINKEDIN.map(([day, , cost]): SpendLine => [day, 'LinkedIn', cost]),
  ];
  const meetings = MEETINGS.map(
    ([day, channel, outcome]): MeetingLine => [day, shown(channel), outcome],
  );
  return handTally(spend, meetings, period === null ? null : monthOf);
}

function near(got: Input, want: number, where: string) {
  expect(typeof got, `${where}: ${String(got)}`).toBe('number');
  expect(Math.abs((got as number) - want), `${where}: ${got} vs ${want}`).toBeLessThan(
    1e-9 * Math.max(1, Math.abs(want)),
  );
}

const row = (wb: MemoryWorkbook, r: number, n = 16) =>
  Array.from({ length: n }, (_, c) => wb.value(TAB, r, c));

describe('Channel report over several ad exports', () => {
  for (const style of ['addon', 'native'] as const) {
    for (const period of [null, 'month'] as const) {
      it(`${style}, ${period ?? 'no period'}: every figure equals the tally of the raw rows`, () => {
        const wb = MemoryWorkbook.fromSheets(sheets());
        createOk(wb, settings(style, period));
        const want = expected(period);
        const c = period === null ? 1 : 2;
        want.forEach((line, k) => {
          const got = row(wb, FIRST + k);
          const where = `${line.channel} ${line.period}`;
          expect(String(got[0]), where).toBe(line.channel);
          if (period !== null) expect(got[1], where).toBe(line.period);
          const { spend, held, noShows, qualified } = line.t;
          near(got[c]!, spend, `${where} spend`);
          near(got[c + 1]!, held + noShows, `${where} booked`);
          near(got[c + 2]!, held, `${where} held`);
          near(got[c + 3]!, noShows, `${where} no-shows`);
          near(got[c + 4]!, qualified, `${where} qualified`);
          if (qualified > 0) near(got[c + 8]!, spend / qualified, `${where} CPQM`);
          else expect(String(got[c + 8]), where).toMatch(/^#DIV\/0!/);
          const verdict =
            spend === 0
              ? 'no spend recorded'
              : qualified === 0 || spend / qualified > MAX
                ? 'uneconomical'
                : 'economical';
          expect(got[c + 13], `${where} verdict`).toBe(verdict);
        });
        const below = wb.value(TAB, FIRST + want.length, 0);
        expect(below === null || below === '', 'nothing below the total').toBe(true);
      });
    }
  }

  it('the add-on style stacks the exports in one call; a fixed channel follows its sheet’s spend', () => {
    const wb = MemoryWorkbook.fromSheets(sheets());
    createOk(wb, settings('addon', null));
    const call = String(tab(wb, TAB).formulas[REPORT_LAYOUT.tableRow]![0]);
    expect(call).toContain(
      `VSTACK('Search export'!B2:B,ARRAYFORMULA(IF(LEN('LinkedIn'!C2:C),"LinkedIn","")))`,
    );
    expect(call).toContain(`VSTACK('Search export'!C2:C,'LinkedIn'!C2:C)`);
    // A LinkedIn row added later counts under LinkedIn.
    wb.setCell('LinkedIn', LINKEDIN.length + 1, 2, 1000);
    const total = row(wb, FIRST + expected(null).length - 1);
    near(total[1]!, expected(null).at(-1)!.t.spend + 1000, 'total spend after');
  });

  it('a totals row in the second export is named by its sheet and sheet row, and no tab is made', () => {
    for (const style of ['addon', 'native'] as const) {
      const data = sheets();
      // A later export pasted below an earlier one's totals row.
      data.LinkedIn!.push(['Total: All campaigns', '', 3500], [FEB + 9, 'Awareness', 100]);
      const wb = MemoryWorkbook.fromSheets(data);
      const result = create(wb, settings(style, 'month'));
      expect(result.ok, style).toBe(false);
      if (result.ok) continue;
      expect(result.errors[0]!.message).toContain(
        `row ${data.LinkedIn!.length - 1} of sheet "LinkedIn"`,
      );
      expect(wb.sheetNames()).toEqual(['Search export', 'LinkedIn', 'CRM']);
    }
  });

  it('a one-channel export with a closing totals row and no period: the total is not counted again', () => {
    for (const style of ['addon', 'native'] as const) {
      const data = sheets();
      // The LinkedIn sheet maps only its spend column: the totals label is in its first column.
      const total = LINKEDIN.reduce((sum, [, , cost]) => sum + cost, 0);
      data.LinkedIn!.push(['Total: All campaigns', '', total]);
      const wb = MemoryWorkbook.fromSheets(data);
      createOk(wb, settings(style, null));
      const want = expected(null);
      const k = want.findIndex((l) => l.channel === 'LinkedIn');
      near(row(wb, FIRST + k)[1]!, total, `${style} LinkedIn spend`);
      near(row(wb, FIRST + want.length - 1)[1]!, want.at(-1)!.t.spend, `${style} total spend`);
      expect(String(wb.value(TAB, 2, 0))).toContain('above its totals row');
    }
  });

  it('native: costs that later turn to text say check data on their rows, never a verdict', () => {
    const wb = MemoryWorkbook.fromSheets(sheets());
    createOk(wb, settings('native', 'month'));
    const want = expected('month');
    const verdictOf = (channel: string, period: string) => {
      const k = want.findIndex((l) => l.channel === channel && l.period === period);
      return wb.value(TAB, FIRST + k, 15);
    };
    expect(verdictOf('Brandx', '2026-01')).not.toBe('check data');
    // The export is refreshed by a connector that writes every value as text.
    wb.setCell('Search export', 2, 2, "'$400.00");
    expect(verdictOf('Brandx', '2026-01')).toBe('check data');
    expect(verdictOf('All channels', '2026-01')).toBe('check data');
    expect(verdictOf('All channels', 'All')).toBe('check data');
    expect(verdictOf('Brand*', '2026-01')).not.toBe('check data');
    expect(verdictOf('All channels', '2026-02')).not.toBe('check data');
  });
});

describe('Channel report with the mapping table on the Definitions tab', () => {
  /** A Google Ads export: campaign names only, no channel column. */
  const CAMPAIGNS: [day: number, campaign: string, cost: number][] = [
    [JAN + 1, 'Brand – Search UK', 300],
    [JAN + 2, 'Generic – Search DE', 1200],
    [JAN + 3, 'Brand – Search UK', 200],
    [FEB + 1, 'Competitor – Display', 650],
  ];
  const LOG: [day: number, source: string, outcome: string][] = [
    [JAN + 2, 'Paid Search', 'Qualified'],
    [JAN + 3, 'Paid Search', 'Completed'],
    [JAN + 4, 'Paid Search', 'Canceled'],
    [JAN + 5, 'Paid Social', 'Qualified'],
    [FEB + 2, 'Display', 'No show'],
  ];
  const MAPPING: Settings['mapping'] = [
    { field: 'channel', value: '*Search*', means: 'Paid Search' },
    { field: 'channel', value: 'Competitor*', means: 'Display' },
    { field: 'outcome', value: 'Completed', means: 'Not qualified – role' },
    { field: 'outcome', value: 'Canceled', means: 'Ignore' },
  ];

  function mapped(tabs: Settings['templates']): Settings {
    return settingsWith({
      templates: tabs,
      economics: { ...ECONOMICS },
      formulaStyle: 'addon',
      mapping: MAPPING.map((m) => ({ ...m })),
      raw: {
        spend: [
          {
            sheet: 'Google Ads',
            columns: { channel: 'Campaign', spend: 'Cost', date: '' },
            fixedChannel: '',
          },
          {
            sheet: 'LinkedIn',
            columns: { channel: '', spend: 'Total Spent', date: '' },
            fixedChannel: 'Paid Social',
          },
        ],
        meetings: {
          sheet: 'CRM',
          columns: { channel: 'Source', outcome: 'Meeting outcome', date: '' },
        },
        period: null,
      },
    });
  }

  function workbook(): MemoryWorkbook {
    return MemoryWorkbook.fromSheets({
      'Google Ads': [['Day', 'Campaign', 'Cost'], ...CAMPAIGNS.map(([d, c, v]) => [d, c, v])],
      LinkedIn: [
        ['Start Date (in UTC)', 'Campaign Name', 'Total Spent'],
        [JAN + 6, 'ABM', 900],
      ],
      CRM: [['Meeting date', 'Source', 'Meeting outcome'], ...LOG.map(([d, c, o]) => [d, c, o])],
      // A tab already named Definitions: the new one is "Definitions (2)", and the report reads that one.
      Definitions: [['Our own notes']],
    });
  }

  /** The report's rows by channel: spend, booked, held, no-shows, qualified. */
  function rowsByChannel(wb: MemoryWorkbook): Map<string, number[]> {
    const out = new Map<string, number[]>();
    for (let r = FIRST; ; r++) {
      const name = wb.value(TAB, r, 0);
      if (name === null || name === '') break;
      out.set(
        String(name),
        [1, 2, 3, 4, 5].map((c) => wb.value(TAB, r, c) as number),
      );
    }
    return out;
  }

  it('the Definitions tab is made too, first, and the report reads its rows where they are', () => {
    const wb = workbook();
    const tabs = createOk(wb, mapped(['channelReport']));
    expect(tabs).toEqual(['Definitions (2)', TAB]);
    const call = String(tab(wb, TAB).formulas[REPORT_LAYOUT.tableRow]![0]);
    expect(call).toMatch(/,'Definitions \(2\)'!E4:G\)$/);
    // Tallied by hand: Brand and Generic are Search, Competitor is Display; LinkedIn is Paid Social;
    // Completed is held but not qualified, Canceled counts nowhere.
    expect([...rowsByChannel(wb)]).toEqual([
      ['Paid Search', [1700, 2, 2, 0, 1]],
      ['Display', [650, 1, 0, 1, 0]],
      ['Paid Social', [900, 1, 1, 0, 1]],
      ['All channels', [3250, 4, 3, 1, 2]],
    ]);
  });

  it('changing a mapping row on the Definitions tab changes the report', () => {
    const wb = workbook();
    createOk(wb, mapped(['channelReport', 'definitions']));
    const defs = tab(wb, 'Definitions (2)');
    const row = defs.values.findIndex((r) => r[5] === 'Competitor*');
    expect(row).toBeGreaterThan(0);
    expect(defs.values[row]!.slice(4, 7)).toEqual(['channel', 'Competitor*', 'Display']);
    // The competitor campaign is search too, after all.
    wb.setCell('Definitions (2)', row, 6, 'Paid Search');
    // Display now appears in the meetings only: after the channels met in the spend rows.
    expect([...rowsByChannel(wb)]).toEqual([
      ['Paid Search', [2350, 2, 2, 0, 1]],
      ['Paid Social', [900, 1, 1, 0, 1]],
      ['Display', [0, 1, 0, 1, 0]],
      ['All channels', [3250, 4, 3, 1, 2]],
    ]);
    // And Completed meetings were qualified.
    const completed = defs.values.findIndex((r) => r[5] === 'Completed');
    wb.setCell('Definitions (2)', completed, 6, 'Qualified');
    expect(rowsByChannel(wb).get('Paid Search')).toEqual([2350, 2, 2, 0, 2]);
  });

  it('the native style refuses channel and outcome mapping rows, and makes no tab', () => {
    const wb = workbook();
    const result = create(wb, { ...mapped(['channelReport']), formulaStyle: 'native' });
    expect(result.ok).toBe(false);
    expect(wb.sheetNames()).toEqual(['Google Ads', 'LinkedIn', 'CRM', 'Definitions']);
  });
});
