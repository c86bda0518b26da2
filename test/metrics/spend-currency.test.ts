/**
 * Spend that names its currency (docs/ARGUMENT-RULES.md, rule 4): every
 * function that adds spend refuses two different currencies, naming a row of
 * each, and DEALS_REPORT refuses deal amounts in one currency against spend
 * in another. Plain numbers go with any one currency. The functions run in
 * HyperFormula as a sheet runs them; the property calls them directly.
 */
import fc from 'fast-check';
import { DetailedCellError } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../src/metrics/catalogue';
import { currencyOf } from '../../src/sheets/number-text';
import { expectedSpend, spendColumn, spendTotal, WHY } from './currency-spend';
import { useEngineSheet } from './engine-sheet';

const engine = useEngineSheet();

/**
 * Columns A, B, … filled with the given values from row 1, the formula in the cell after them.
 * Text stays text, as a connector or an import writes it: "$100" typed in would be a number.
 */
function evaluate(columns: unknown[][], formula: string): unknown[][] {
  const rows = Math.max(1, ...columns.map((c) => c.length));
  const cell = (v: unknown) => (typeof v === 'string' && v !== '' ? `'${v}` : (v ?? null));
  const content = Array.from({ length: rows }, (_, i) => columns.map((c) => cell(c[i])));
  content[0]!.push(formula);
  engine.hf.setSheetContent(engine.sheet, content as never);
  const at = columns.length;
  const out = engine.hf.getSheetValues(engine.sheet).map((r) => r.slice(at));
  return out.filter((r) => r.some((v) => v !== null && v !== undefined));
}

function refusal(columns: unknown[][], formula: string): string {
  const value = evaluate(columns, formula)[0]![0];
  expect(value).toBeInstanceOf(DetailedCellError);
  return (value as DetailedCellError).message;
}

describe('spend in two currencies, in the engine', () => {
  it('CPQM_REPORT refuses dollars and euros instead of adding them', () => {
    expect(
      refusal(
        [],
        '=CPQM_REPORT({"Google";"Google"},{"$100";"€100"},{"Google";"Google"},{"Qualified";"Qualified"})',
      ),
    ).toBe(
      `CPQM_REPORT: spend is in two currencies: row 1 of the spend range is in USD and row 2 of the spend range in EUR; ${WHY}`,
    );
  });

  it('CPQM_REPORT adds a symbol, its code and plain numbers as one currency', () => {
    const out = evaluate(
      [
        ['Google', 'Meta', 'Google'],
        ['$100', 50, 'USD 1,000.50'],
        ['Google', 'Meta', ''],
        ['Qualified', 'Qualified', ''],
      ],
      '=CPQM_REPORT(A1:A3,B1:B3,C1:C3,D1:D3)',
    );
    expect(out.map((r) => r.slice(0, 2))).toEqual([
      ['Channel', 'Spend'],
      ['Google', 1100.5],
      ['Meta', 50],
      ['All channels', 1150.5],
    ]);
  });

  it('CPQM_TREND names the rows by their place in the spend range', () => {
    expect(
      refusal(
        [
          ['Ads', 'Ads', 'Ads'],
          ['GBP 10', 20, '10 EUR'],
          ['Ads', '', ''],
          ['Qualified', '', ''],
          ['2026-01-05', '2026-01-06', '2026-01-07'],
          ['2026-01-05', '', ''],
        ],
        '=CPQM_TREND(A1:A3,B1:B3,C1:C1,D1:D1,E1:E3,F1:F1,"month")',
      ),
    ).toBe(
      `CPQM_TREND: spend is in two currencies: row 1 of the spend range is in GBP and row 3 of the spend range in EUR; ${WHY}`,
    );
  });

  it('FUNNEL_REPORT refuses its spend in two currencies', () => {
    expect(
      refusal(
        [
          ['Ads', 'Ads'],
          ['£5', '¥500'],
          ['Ads', ''],
          ['2026-01-05', ''],
        ],
        '=FUNNEL_REPORT(A1:A2,B1:B2,C1:C1,D1:D1)',
      ),
    ).toBe(
      `FUNNEL_REPORT: spend is in two currencies: row 1 of the spend range is in GBP and row 2 of the spend range in ¥; ${WHY}`,
    );
  });

  it('DEALS_REPORT refuses spend in two currencies, and deal amounts in another one than spend', () => {
    const deals = [['Ads'], ['EUR 900'], ['2026-01-05'], ['2026-01-20'], ['Won']];
    expect(
      refusal(
        [['Ads', 'Ads'], ['CHF 10', 'EUR 10'], ...deals],
        '=DEALS_REPORT(A1:A2,B1:B2,C1:C1,D1:D1,E1:E1,F1:F1,G1:G1)',
      ),
    ).toBe(
      `DEALS_REPORT: spend is in two currencies: row 1 of the spend range is in CHF and row 2 of the spend range in EUR; ${WHY}`,
    );
    expect(
      refusal(
        [['Ads', 'Ads'], [40, '$60'], ...deals],
        '=DEALS_REPORT(A1:A2,B1:B2,C1:C1,D1:D1,E1:E1,F1:F1,G1:G1)',
      ),
    ).toBe(
      'DEALS_REPORT: spend and amounts are in two currencies: row 2 of the spend range is in USD and row 1 of the deals range in EUR; ROAS, CAC and pipeline per spend set deal amounts against spend, so pass both in one currency',
    );
    // Spend in euros, named or not, and the deals in euros: a report.
    const out = evaluate(
      [['Ads', 'Ads'], [40, '60 €'], ...deals],
      '=DEALS_REPORT(A1:A2,B1:B2,C1:C1,D1:D1,E1:E1,F1:F1,G1:G1)',
    );
    expect(out[1]!.slice(0, 2)).toEqual(['Ads', 100]);
    expect(out[1]![out[0]!.indexOf('ROAS')]).toBe(9);
  });

  it('BLENDED_CPQM refuses spend in two currencies, naming the row of each', () => {
    expect(
      refusal(
        [
          ['$100', 50, 'EUR 100'],
          [10, 10, 10],
          [0.5, 0.5, 0.5],
        ],
        '=BLENDED_CPQM(A1:A3,B1:B3,C1:C3)',
      ),
    ).toBe(`BLENDED_CPQM: spend is in two currencies: row 1 is in USD and row 3 in EUR; ${WHY}`);
  });

  it('CPQM, element by element, adds nothing across rows and prices each row in its own currency', () => {
    const out = evaluate(
      [
        ['$100', '€100'],
        [10, 10],
        [0.5, 0.5],
      ],
      '=CPQM(A1:A2,B1:B2,C1:C2)',
    );
    expect(out).toEqual([[20], [20]]);
  });
});

describe('the currency an amount names', () => {
  it('is its code, its symbol’s code, or a symbol without one; nothing for a bare amount', () => {
    const cases: [unknown, string | undefined][] = [
      [1204.5, undefined],
      ['1204.50', undefined],
      [' 1,204.50 ', undefined],
      ['$5', 'USD'],
      [' $5', 'USD'],
      ['-$12', 'USD'],
      ['$-12', 'USD'],
      ['USD1204', 'USD'],
      ['12 CHF', 'CHF'],
      ['1 204,50 €', 'EUR'],
      ['1.204,50€ ', 'EUR'],
      ['-£3', 'GBP'],
      ['₹950', 'INR'],
      ['¥500', '¥'],
      ['500 ¥', '¥'],
    ];
    for (const [text, code] of cases) expect([text, currencyOf(text)]).toEqual([text, code]);
  });
});

describe('spend text with no, one or two currencies', () => {
  it('is refused exactly when two rows name different currencies, naming the first of each', () => {
    fc.assert(
      fc.property(spendColumn, (rows) => {
        let outcome: string;
        try {
          const out = FUNCTIONS.CPQM_REPORT!(
            rows.map(() => ['Ads']),
            rows.map((r) => [r.cell]),
            [['Ads']],
            [['Qualified']],
          ) as unknown[][];
          outcome = spendTotal(out[out.length - 1]![1] as number);
        } catch (e) {
          outcome = (e as Error).message;
        }
        expect(outcome).toBe(
          expectedSpend(rows, 'CPQM_REPORT', (k) => `row ${k + 1} of the spend range`),
        );
      }),
      { numRuns: 300 },
    );
  });
});
