/** What the server carries to the sidebar: dates as days, and a fingerprint of the reading. */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { dayOf, useCalendar } from '../../src/sheets/dates';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { readWorkbookView, uncarry } from '../../src/workbook/snapshot';
import type { Workbook } from '../../src/workbook/workbook';
import { wire } from '../fakes/sidebar-calls';
import { sheetsDate, ZONES, zoneCalendar } from '../fakes/time-zones';

afterEach(() => useCalendar(undefined));

/** A workbook whose one column holds the given cells, as Apps Script's getValues gives them. */
const dayColumn = MemoryWorkbook.fromSheets({ Data: [['Day']] });
function withColumn(cells: unknown[]): Workbook {
  return Object.assign(Object.create(dayColumn) as Workbook, {
    columnValues: () => cells,
  });
}

describe('dates carried to the sidebar', () => {
  it('arrive as Dates on the day the spreadsheet shows, whatever its zone and the browser’s', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.date({ min: new Date('1990-01-01'), max: new Date('2060-12-31'), noInvalidDate: true }),
        (zone, instant) => {
          const shown = zoneCalendar(zone)(instant);
          const date = sheetsDate(zone, shown.year, shown.month, shown.day);
          // The server reads days in the spreadsheet's zone …
          useCalendar(zoneCalendar(zone));
          const view = wire(
            readWorkbookView(withColumn([date, 'text', 12]), [{ sheet: 'Data', col: 0 }]),
          );
          // … the sidebar in the browser's own.
          useCalendar(undefined);
          const [carried, text, number] = uncarry(view.columns[0]!);
          expect(carried).toBeInstanceOf(Date);
          expect(dayOf(carried as Date)).toEqual(shown);
          expect([text, number]).toEqual(['text', 12]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('leaves text that looks like a carried date as text', () => {
    const view = wire(
      readWorkbookView(withColumn([[2026, 1, 5], '2026-01-05']), [{ sheet: 'Data', col: 0 }]),
    );
    expect(uncarry(view.columns[0]!)).toEqual([[2026, 1, 5], '2026-01-05']);
  });
});

describe('the fingerprint of a reading', () => {
  const read = (wb: MemoryWorkbook) =>
    readWorkbookView(wb, [{ sheet: 'Data', col: 1 }]).fingerprint;
  const data = () =>
    MemoryWorkbook.fromSheets({
      Data: [
        ['Channel', 'Cost', 'Note'],
        ['Events', 4000, 'x'],
        ['Webinars', 500, 'y'],
      ],
    });

  it('is the same for the same reading, and changes with anything read', () => {
    const wb = data();
    const first = read(wb);
    expect(read(wb)).toBe(first);
    const changes: [string, (w: MemoryWorkbook) => void][] = [
      ['a cell of a column read', (w) => w.setCell('Data', 2, 1, 501)],
      ['a header', (w) => w.setCell('Data', 0, 0, 'Source')],
      ['a row added', (w) => w.setCell('Data', 3, 0, 'Outbound')],
      ['a tab added', (w) => w.addSheet('Other', 10, 3)],
      ['a tab marked as the add-on’s', (w) => w.markTemplate('Data', 'funnelPlan')],
    ];
    for (const [what, change] of changes) {
      const wb2 = data();
      change(wb2);
      expect(read(wb2), what).not.toBe(first);
    }
  });

  it('does not change with a column that was not read', () => {
    const wb = data();
    const first = read(wb);
    wb.setCell('Data', 1, 2, 'changed');
    expect(read(wb)).toBe(first);
  });
});
