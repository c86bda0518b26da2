/** The mapping table's rows as the wizard sends them: field, value, and a meaning the field allows. */
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/addon/settings';
import { parseSettings, validateSettings } from '../../src/addon/validate';
import { LIMITS } from '../../src/addon/validate-checker';

const withMapping = (mapping: unknown) => ({ ...defaultSettings(), mapping });

describe('mapping rows', () => {
  it('are kept trimmed, for every field, with the meanings each field allows', () => {
    const rows = [
      { field: 'outcome', value: ' Completed ', means: 'Qualified' },
      { field: 'outcome', value: 'Canceled', means: 'Ignore' },
      { field: 'channel', value: 'Brand*', means: 'Paid search' },
      { field: 'deal status', value: 'Signed', means: 'Won' },
    ];
    const parsed = parseSettings(withMapping(rows));
    expect(parsed.ok && parsed.value.mapping).toEqual([
      { field: 'outcome', value: 'Completed', means: 'Qualified' },
      { field: 'outcome', value: 'Canceled', means: 'Ignore' },
      { field: 'channel', value: 'Brand*', means: 'Paid search' },
      { field: 'deal status', value: 'Signed', means: 'Won' },
    ]);
  });

  it('are none when left out', () => {
    const { mapping: _, ...without } = defaultSettings();
    const parsed = parseSettings(without);
    expect(parsed.ok && parsed.value.mapping).toEqual([]);
  });

  it('name each problem at its row and part', () => {
    const got = validateSettings(
      withMapping([
        { field: 'campaign', value: 'Brand', means: 'Paid search' },
        { field: 'outcome', value: 'Completed', means: 'Held' },
        { field: 'deal status', value: 'Signed', means: 'Closed' },
        { field: 'channel', value: ' ', means: 'Paid search' },
        'Brand',
      ]),
    );
    expect(got).toEqual([
      {
        field: 'mapping.0.field',
        message: 'Choose what row 1 maps: channel, outcome, deal status.',
      },
      {
        field: 'mapping.1.means',
        message:
          'Choose what "Completed" means: Qualified, Not qualified – company size, Not qualified – role, Not qualified – budget, No show, Rescheduled – pending, Ignore.',
      },
      { field: 'mapping.2.means', message: 'Choose what "Signed" means: Won, Lost, Open.' },
      {
        field: 'mapping.3.value',
        message: 'Enter the value of mapping row 4; it cannot be empty.',
      },
      { field: 'mapping.4', message: 'Mapping row 5 is missing its value and meaning.' },
    ]);
  });

  it(`are at most ${LIMITS.maxMappingRows}`, () => {
    const row = { field: 'channel', value: 'Brand', means: 'Paid search' };
    expect(validateSettings(withMapping(Array(LIMITS.maxMappingRows).fill(row)))).toEqual([]);
    expect(validateSettings(withMapping(Array(LIMITS.maxMappingRows + 1).fill(row)))).toEqual([
      {
        field: 'mapping',
        message: `Use at most ${LIMITS.maxMappingRows} mapping rows (you have ${LIMITS.maxMappingRows + 1}).`,
      },
    ]);
    expect(validateSettings(withMapping('Brand')).map((e) => e.field)).toEqual(['mapping']);
  });
});
