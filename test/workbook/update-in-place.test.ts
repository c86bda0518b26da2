/**
 * Rebuilding a tab the add-on made, in place, in the memory workbook (the
 * engine the playground runs): same name, same position, same sheet, so a
 * formula on another tab that points at it still computes; all or nothing.
 */
import { describe, expect, it } from 'vitest';
import { memoryHost } from '../../src/addon/memory-host';
import type { Settings } from '../../src/addon/settings';
import { MemoryWorkbook, type SheetSnapshot } from '../../src/workbook/memory';
import { wizardOn } from '../fakes/sidebar-calls';
import { createOk, settingsWith, tab, userWorkbook } from '../templates/helpers';

const economics = (revenueTarget: number): Settings['economics'] => ({
  ...settingsWith().economics,
  revenueTarget,
});

/** The cell right of the one showing `label`, as a 1-based A1 address. */
function beside(snap: SheetSnapshot, label: string): string {
  for (let r = 0; r < snap.values.length; r++) {
    const c = snap.values[r]!.indexOf(label);
    if (c >= 0) return `${String.fromCharCode(66 + c)}${r + 1}`;
  }
  throw new Error(`no ${label} on ${snap.name}`);
}

/** A workbook with the default templates made once, and a tab of the user's that reads the Funnel plan. */
function madeOnce(): { wb: MemoryWorkbook; cell: string } {
  const wb = userWorkbook();
  createOk(wb, settingsWith({ economics: economics(1_000_000) }));
  const cell = beside(tab(wb, 'Funnel plan'), 'Revenue target');
  wb.addSheet('Summary', 1000, 26);
  wb.setCell('Summary', 0, 0, `='Funnel plan'!${cell}*2`);
  wb.setCell('Summary', 1, 0, `=COUNTA('Funnel plan'!A1:A200)`);
  return { wb, cell };
}

describe('update in place, in the engine', () => {
  it('the preview lists the tabs the add-on made for each template, found by their mark', () => {
    const { wb } = madeOnce();
    // A tab of the user's with a template's name is no tab the add-on made.
    wb.addSheet('Channel comparison (2)', 10, 5);
    const preview = wizardOn(memoryHost(wb)).previewTemplates(settingsWith());
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.value.map((p) => [p.tabName, p.existing])).toEqual([
      ['Funnel plan (2)', ['Funnel plan']],
      ['Channel comparison (3)', ['Channel comparison']],
      ['Meeting outcomes (2)', ['Meeting outcomes']],
      ['Definitions (2)', ['Definitions']],
    ]);
    expect(wizardOn(memoryHost(userWorkbook())).previewTemplates(settingsWith())).toMatchObject({
      ok: true,
      value: [{ existing: [] }, { existing: [] }, { existing: [] }, { existing: [] }],
    });
  });

  it('rebuilds the tab at its name and position; a formula on another tab follows the new numbers', () => {
    const { wb, cell } = madeOnce();
    expect(wb.value('Summary', 0, 0)).toBe(2_000_000);
    const order = wb.sheetNames();
    const rows = wb.value('Summary', 1, 0);
    const result = wizardOn(memoryHost(wb)).createTemplates(
      settingsWith({ templates: ['funnelPlan'], economics: economics(1_500_000) }),
      { funnelPlan: 'Funnel plan' },
    );
    expect(result).toEqual({
      ok: true,
      value: { tabs: ['Funnel plan'], updated: ['Funnel plan'] },
    });
    expect(wb.sheetNames()).toEqual(order);
    expect(tab(wb, 'Funnel plan').values.flat()).toContain(1_500_000);
    // Still pointing at the same sheet and cell: no #REF!.
    expect(tab(wb, 'Summary').formulas[0]![0]).toBe(`='Funnel plan'!${cell}*2`);
    expect(wb.value('Summary', 0, 0)).toBe(3_000_000);
    expect(wb.value('Summary', 1, 0)).toBe(rows);
    expect(wb.templateTabs().filter((t) => t.template === 'funnelPlan')).toEqual([
      { name: 'Funnel plan', template: 'funnelPlan' },
    ]);
  });

  it('a failure while rebuilding puts the tab back exactly as it was, and names what failed', () => {
    const { wb } = madeOnce();
    const before = JSON.stringify(wb.snapshot());
    const meta = JSON.stringify(wb.meta('Meeting outcomes'));
    const original = wb.setValidationList.bind(wb);
    wb.setValidationList = (...args) => {
      if (args[0] === 'Meeting outcomes') throw new Error('Service Spreadsheets failed');
      original(...args);
    };
    const result = wizardOn(memoryHost(wb)).createTemplates(
      settingsWith({ economics: economics(1_500_000) }),
      { funnelPlan: 'Funnel plan', meetingOutcomes: 'Meeting outcomes' },
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          field: 'templates',
          message:
            'Could not update "Meeting outcomes": Service Spreadsheets failed. Nothing was changed.',
        },
      ],
    });
    // The Funnel plan, rebuilt before the failure, is back too; the new tabs are gone.
    expect(JSON.stringify(wb.snapshot())).toBe(before);
    expect(JSON.stringify(wb.meta('Meeting outcomes'))).toBe(meta);
    expect(wb.value('Summary', 0, 0)).toBe(2_000_000);
  });

  it('says which tabs could not be put back when undoing fails too, instead of "nothing was changed"', () => {
    const { wb } = madeOnce();
    wb.flush = () => {
      throw new Error('Service Spreadsheets failed');
    };
    wb.undoUpdate = () => {
      throw new Error('still busy');
    };
    const result = wizardOn(memoryHost(wb)).createTemplates(
      settingsWith({ templates: ['funnelPlan'] }),
      {
        funnelPlan: 'Funnel plan',
      },
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          field: 'templates',
          message:
            'Could not write the tabs: Service Spreadsheets failed These tabs could not be put back as they were: "Funnel plan"; their old contents are on hidden tabs named "Copy of …".',
        },
      ],
    });
  });

  it('refuses a tab the add-on did not make for that template, changing nothing', () => {
    const { wb } = madeOnce();
    const before = JSON.stringify(wb.snapshot());
    for (const [updates, field] of [
      [{ funnelPlan: 'Summary' }, 'updates.funnelPlan'],
      [{ funnelPlan: 'Channel comparison' }, 'updates.funnelPlan'],
      [{ channelReport: 'Funnel plan' }, 'updates.channelReport'],
    ] as const) {
      const result = wizardOn(memoryHost(wb)).createTemplates(settingsWith(), updates);
      expect(result.ok, JSON.stringify(updates)).toBe(false);
      if (!result.ok) expect(result.errors.map((e) => e.field)).toEqual([field]);
    }
    const result = wizardOn(memoryHost(wb)).createTemplates(settingsWith(), {
      funnelPlan: 'Summary',
    });
    expect(!result.ok && result.errors[0]!.message).toBe(
      'There is no tab "Summary" made for Funnel plan any more: refresh the preview and choose again.',
    );
    expect(JSON.stringify(wb.snapshot())).toBe(before);
  });

  it('the Definitions tab a report needs is updated too, keeping the name its formulas read the mapping table by', () => {
    const wb = MemoryWorkbook.fromSheets({
      'Ads export': [
        ['Day', 'Channel', 'Cost'],
        [46_023, 'Outbound', 900],
      ],
      'CRM meetings': [
        ['Meeting date', 'Source', 'Meeting outcome'],
        [46_024, 'Outbound', 'Completed'],
      ],
    });
    const settings = settingsWith({
      // Not chosen: made because the report reads its mapping table.
      templates: ['channelReport'],
      mapping: [{ field: 'outcome', value: 'Completed', means: 'Qualified' }],
      raw: {
        spend: [
          {
            sheet: 'Ads export',
            columns: { channel: 'Channel', spend: 'Cost', date: 'Day' },
            fixedChannel: '',
          },
        ],
        meetings: {
          sheet: 'CRM meetings',
          columns: { channel: 'Source', outcome: 'Meeting outcome', date: 'Meeting date' },
        },
        period: null,
      },
    });
    expect(createOk(wb, settings)).toEqual(['Definitions', 'Channel report']);
    const result = wizardOn(memoryHost(wb)).createTemplates(settings, {
      definitions: 'Definitions',
      channelReport: 'Channel report',
    });
    expect(result.ok && result.value.tabs).toEqual(['Definitions', 'Channel report']);
    const formulas = JSON.stringify(tab(wb, 'Channel report').formulas);
    expect(formulas).toContain("'Definitions'!E4:G");
    expect(formulas).not.toContain('Definitions (2)');
    expect(wb.sheetNames()).toEqual([
      'Ads export',
      'CRM meetings',
      'Definitions',
      'Channel report',
    ]);
  });
});
