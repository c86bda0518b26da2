/**
 * A sheet is mapped by its name exactly as the spreadsheet has it: a name
 * ending in a space is listed in the sidebar, so it must be mappable too.
 */
import { describe, expect, it } from 'vitest';
import type { SheetInfo } from '../../src/addon/api';
import { memoryHost } from '../../src/addon/memory-host';
import { parseSettings, validateSettings } from '../../src/addon/validate';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { wizardOn } from '../fakes/sidebar-calls';
import { DATA_SHEET, mappedSettings } from '../templates/helpers';

const HEADERS = DATA_SHEET[0] as string[];

function onSheet(sheet: string) {
  const s = mappedSettings();
  if (s.channels.mode === 'mapped') s.channels.sheet = sheet;
  return s;
}

describe('mapped sheet names', () => {
  const sheets: SheetInfo[] = [
    { name: 'Data ', headers: HEADERS, dataRows: 4 },
    { name: 'Notes', headers: ['Quarter plan'], dataRows: 1 },
  ];

  it('maps a sheet whose name ends in a space, and keeps the space', () => {
    const parsed = parseSettings(onSheet('Data '), sheets);
    expect(parsed.ok).toBe(true);
    expect(
      parsed.ok && parsed.value.channels.mode === 'mapped' && parsed.value.channels.sheet,
    ).toBe('Data ');
  });

  it('does not take "Data" for "Data "', () => {
    expect(validateSettings(onSheet('Data'), sheets)).toEqual([
      {
        field: 'channels.sheet',
        message: 'There is no sheet named "Data"; pick one of: Data , Notes.',
      },
    ]);
    expect(validateSettings(onSheet(' Data '), sheets).map((e) => e.field)).toEqual([
      'channels.sheet',
    ]);
  });

  it('still refuses a blank sheet name', () => {
    for (const blank of ['', '   ']) {
      expect(validateSettings(onSheet(blank), sheets)).toEqual([
        {
          field: 'channels.sheet',
          message: 'Enter the sheet that holds the channels; it cannot be empty.',
        },
      ]);
    }
  });

  it('creates the channel comparison from the sheet "Data " as the sidebar lists it', () => {
    const workbook = MemoryWorkbook.fromSheets({ 'Data ': DATA_SHEET.map((r) => [...r]) });
    const host = memoryHost(workbook);
    const listed = wizardOn(host)
      .getSetupState()
      .sheets.map((s) => s.name);
    expect(listed).toContain('Data ');
    const result = wizardOn(host).createTemplates({
      ...onSheet('Data '),
      templates: ['channelComparison'],
    });
    expect(result).toEqual({ ok: true, value: { tabs: ['Channel comparison'] } });
    const tab = workbook.snapshot().find((s) => s.name === 'Channel comparison')!;
    expect(JSON.stringify(tab.formulas)).toContain("'Data '!");
    expect(tab.values.flat()).toContain('Paid social');
  });
});
