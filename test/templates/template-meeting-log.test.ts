/**
 * Meeting outcomes over a meeting log the user already has: the summary
 * reads that log where it is, so meetings added later count, in both styles.
 */
import { describe, expect, it } from 'vitest';
import { defaultSettings, type FormulaStyle, type Settings } from '../../src/addon/settings';
import { OUTCOMES_LAYOUT } from '../../src/addon/templates/meeting-outcomes';
import { FUNCTIONS } from '../../src/metrics/catalogue';
import { crmMeetings } from '../../src/playground/raw-sample';
import { type Input, MemoryWorkbook } from '../../src/workbook/memory';
import { createOk, tab } from './helpers';

function settings(style: FormulaStyle): Settings {
  return {
    ...defaultSettings(),
    templates: ['meetingOutcomes'],
    formulaStyle: style,
    meetingLog: {
      sheet: 'CRM meetings',
      columns: { channel: 'Source', outcome: 'Meeting outcome', date: '' },
    },
  };
}

/** The summary block: header row, then a row per channel. */
function summary(values: Input[][]): Input[][] {
  const { logHeaderRow, summaryCol } = OUTCOMES_LAYOUT;
  const out: Input[][] = [];
  for (let r = logHeaderRow; r < values.length; r++) {
    const row = values[r]!.slice(summaryCol, summaryCol + 7);
    if (row[0] === null || row[0] === '') break;
    out.push(row);
  }
  return out;
}

/** Equal cell by cell; numbers to the engine's 12 significant digits. */
function expectSame(got: Input[][], want: unknown[][]): void {
  expect(got).toHaveLength(want.length);
  got.forEach((row, i) => {
    row.forEach((cell, j) => {
      if (typeof cell === 'number') expect(cell).toBeCloseTo(want[i]![j] as number, 9);
      else expect(cell).toBe(want[i]![j]);
    });
  });
}

describe('Meeting outcomes over an existing log', () => {
  const log = crmMeetings();
  const expected = FUNCTIONS.OUTCOME_SUMMARY!(
    log.slice(1).map((r) => [r[3]]),
    log.slice(1).map((r) => [r[1]]),
  ) as unknown[][];

  it('add-on style: OUTCOME_SUMMARY over the log, and meetings added later count', () => {
    const wb = MemoryWorkbook.fromSheets({ 'CRM meetings': log });
    createOk(wb, settings('addon'));
    const values = tab(wb, 'Meeting outcomes').values;
    expectSame(summary(values), expected);
    // The tab holds no empty log of its own.
    expect(values[OUTCOMES_LAYOUT.logHeaderRow]!.slice(0, 3)).toEqual([
      'From sheet "CRM meetings"',
      'Channel: column B',
      'Outcome: column D',
    ]);
    wb.setCell('CRM meetings', log.length, 1, 'Meta');
    wb.setCell('CRM meetings', log.length, 3, 'Qualified');
    const meta = summary(tab(wb, 'Meeting outcomes').values).find((r) => r[0] === 'Meta')!;
    const before = expected.find((r) => r[0] === 'Meta')!;
    expect(meta[4]).toBe((before[4] as number) + 1);
  });

  it('native style: a row per channel of the log, meetings without one too, equal to the add-on rows', () => {
    const wb = MemoryWorkbook.fromSheets({ 'CRM meetings': log });
    createOk(wb, settings('native'));
    const rows = summary(tab(wb, 'Meeting outcomes').values);
    expect(expected.some((r) => r[0] === '(blank)')).toBe(true);
    expectSame(rows, expected);
  });
});
