/** The memory workbook refuses what the engine cannot hold and leaves the sheet as it was. */
import { describe, expect, it } from 'vitest';
import { MemoryWorkbook } from '../../src/workbook/memory';

function budget(): MemoryWorkbook {
  return MemoryWorkbook.fromSheets({
    Budget: [
      ['Channel', 'Spend'],
      ['Outbound', 950],
      ['Events', 4000],
    ],
  });
}

describe('the memory workbook', () => {
  it('refuses a cell past the size limit, and open ranges still evaluate afterwards', () => {
    const wb = budget();
    expect(() => wb.setCell('Budget', 2_000_000, 1, 5)).toThrow(/is past the end of the sheet/);
    expect(() => wb.setCell('Budget', 0, 100_000, 5)).toThrow(/is past the end of the sheet/);
    wb.setCell('Budget', 0, 3, '=SUM(B2:B)');
    expect(wb.value('Budget', 0, 3)).toBe(4950);
    wb.setCell('Budget', 1500, 1, 50);
    expect(wb.value('Budget', 0, 3)).toBe(5000);
  });

  it('refuses a block that would run past the size limit, changing nothing', () => {
    const wb = budget();
    wb.setCell('Budget', 0, 3, '=SUM(B2:B)');
    const before = JSON.stringify(wb.snapshot());
    const limit = wb.hf.getConfig().maxRows;
    expect(() => wb.writeBlock('Budget', { row: limit - 1, col: 1, cells: [[1], [2]] })).toThrow(
      /past the end of the sheet/,
    );
    expect(JSON.stringify(wb.snapshot())).toBe(before);
    expect(wb.value('Budget', 0, 3)).toBe(4950);
  });
});
