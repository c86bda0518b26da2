/** One way to find a column by its header, for the validator and the channel comparison alike. */
import { describe, expect, it } from 'vitest';
import { mappedSource } from '../../src/addon/templates/channel-comparison';
import { parseSettings } from '../../src/addon/validate';
import { columnsHeaded } from '../../src/workbook/headers';
import { mappedSettings } from '../templates/helpers';

describe('columnsHeaded', () => {
  it('finds every column whose trimmed header is the header', () => {
    const headers = ['Channel', ' Spend', 'Cost', 'Spend  ', 'spend'];
    expect(columnsHeaded(headers, 'Spend')).toEqual([1, 3]);
    expect(columnsHeaded(headers, ' Spend ')).toEqual([1, 3]);
    expect(columnsHeaded(headers, 'Channel')).toEqual([0]);
    // Case counts: "spend" is another header.
    expect(columnsHeaded(headers, 'spend')).toEqual([4]);
    expect(columnsHeaded(headers, 'Meetings')).toEqual([]);
  });

  it('never matches empty header cells', () => {
    expect(columnsHeaded(['', 'Spend', '  '], '')).toEqual([]);
    expect(columnsHeaded(['', 'Spend', '  '], ' ')).toEqual([]);
  });

  it('is the match the validator accepts and the channel comparison reads', () => {
    const sheets = [
      {
        name: 'My data',
        headers: ['Channel ', 'Month', ' Cost', 'Booked', 'Show %', 'Qual %'],
        dataRows: 4,
        rows: 1000,
        cols: 26,
      },
    ];
    const parsed = parseSettings(mappedSettings(), sheets);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(mappedSource({ settings: parsed.value, sheets })?.cols).toEqual({
      name: 0,
      spend: 2,
      meetings: 3,
      showRate: 4,
      qualRate: 5,
    });
  });
});
