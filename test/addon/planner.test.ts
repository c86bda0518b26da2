/**
 * The wizard's calls in the sidebar over the server's two: Create builds from
 * what was read, and the server writes only if that is still what the
 * spreadsheet holds; nothing else it is sent can clear a tab of the user's.
 */
import { describe, expect, it } from 'vitest';
import { CHANGED_SINCE_READ, type ServerApi, type WriteRequest } from '../../src/addon/api';
import { bindCalls } from '../../src/addon/calls';
import { memoryHost } from '../../src/addon/memory-host';
import { buildPlans } from '../../src/addon/templates';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { type ServerCallLog, wizardOn } from '../fakes/sidebar-calls';
import { mappedSettings, settingsWith, userWorkbook } from '../templates/helpers';

/** The server's calls on `wb`, with `beforeWrite` run on the workbook just before each write arrives. */
function serverOn(wb: MemoryWorkbook, beforeWrite: (n: number) => void = () => {}): ServerApi {
  const calls = bindCalls(() => memoryHost(wb));
  let writes = 0;
  return {
    readWorkbook: calls.readWorkbook,
    writeTemplates: (request) => {
      beforeWrite(writes++);
      return calls.writeTemplates(request);
    },
  };
}

/** A write request as the sidebar would send it, from a fresh reading of `wb`. */
function requestFor(wb: MemoryWorkbook): WriteRequest {
  const calls = bindCalls(() => memoryHost(wb));
  const { view } = calls.readWorkbook({ columns: [] });
  const settings = settingsWith({ templates: ['funnelPlan'] });
  return {
    settings,
    plans: buildPlans({ settings, sheets: view.sheets }),
    updates: {},
    columns: [],
    fingerprint: view.fingerprint,
  };
}

describe('Create after the preview', () => {
  it('builds from the preview’s reading: one server call, the write', () => {
    const wb = userWorkbook();
    const log: ServerCallLog = { calls: [] };
    const wizard = wizardOn(serverOn(wb), log);
    expect(wizard.previewTemplates(mappedSettings()).ok).toBe(true);
    const previewed = log.calls.length;
    expect(log.calls).toEqual(Array(previewed).fill('readWorkbook'));
    const created = wizard.createTemplates(mappedSettings());
    expect(created.ok, JSON.stringify(created)).toBe(true);
    expect(log.calls.slice(previewed)).toEqual(['writeTemplates']);
  });

  it('reads and builds again when the data changed since the preview, and writes once', () => {
    const wb = userWorkbook();
    const log: ServerCallLog = { calls: [] };
    // The user renames a column of the mapped sheet between the preview and Create.
    const wizard = wizardOn(
      serverOn(wb, (n) => {
        if (n === 0) wb.setCell('My data', 0, 1, 'Period');
      }),
      log,
    );
    expect(wizard.previewTemplates(mappedSettings()).ok).toBe(true);
    const previewed = log.calls.length;
    const tabs = wb.sheetNames().length;
    const created = wizard.createTemplates(mappedSettings());
    expect(created.ok, JSON.stringify(created)).toBe(true);
    expect(log.calls.slice(previewed)).toEqual([
      'writeTemplates',
      'readWorkbook',
      'writeTemplates',
    ]);
    expect(wb.sheetNames().length).toBe(tabs + mappedSettings().templates.length);
  });

  it('gives up, writing nothing, when the data changes before every write', () => {
    const wb = userWorkbook();
    const before = wb.snapshot();
    const wizard = wizardOn(serverOn(wb, (n) => wb.setCell('My data', 0, 1, `Month ${n}`)));
    const created = wizard.createTemplates(mappedSettings());
    expect(created).toMatchObject({
      ok: false,
      errors: [
        { field: 'templates', message: expect.stringMatching(/kept changing.*Press Create again/) },
      ],
    });
    expect(wb.sheetNames()).toEqual(before.map((s) => s.name));
  });
});

describe('the wizard after a tab it read is deleted', () => {
  it('names the missing sheet beside its field, where the reading used to fail as a whole', () => {
    const wb = MemoryWorkbook.fromSheets({
      Ads: [
        ['Day', 'Channel', 'Cost'],
        [46_027, 'Events', 400],
        [46_028, 'Webinars', 50],
      ],
      CRM: [
        ['Meeting date', 'Source', 'Meeting outcome'],
        [46_027, 'Events', 'Qualified'],
        [46_028, 'Webinars', 'No show'],
      ],
    });
    const settings = settingsWith({
      templates: ['channelReport'],
      raw: {
        spend: [
          {
            sheet: 'Ads',
            columns: { channel: 'Channel', spend: 'Cost', date: 'Day' },
            fixedChannel: '',
          },
        ],
        meetings: {
          sheet: 'CRM',
          columns: { channel: 'Source', outcome: 'Meeting outcome', date: 'Meeting date' },
        },
        period: 'month',
      },
    });
    const wizard = wizardOn(serverOn(wb));
    expect(wizard.previewTemplates(settings).ok).toBe(true);
    wb.removeSheet('CRM');
    const preview = wizard.previewTemplates(settings);
    expect(preview.ok).toBe(false);
    expect(!preview.ok && preview.errors.map((e) => e.field)).toContain('raw.meetings.sheet');
  });
});

describe('writeTemplates on the server', () => {
  it('writes nothing when the spreadsheet changed since the reading the plans came from', () => {
    const wb = userWorkbook();
    const request = requestFor(wb);
    wb.setCell('Notes', 3, 0, 'a new note');
    const before = wb.snapshot();
    const result = bindCalls(() => memoryHost(wb)).writeTemplates(request);
    expect(result).toMatchObject({ ok: false, errors: [{ field: CHANGED_SINCE_READ }] });
    expect(wb.snapshot()).toEqual(before);
  });

  it('writes the plans when nothing changed', () => {
    const wb = userWorkbook();
    const result = bindCalls(() => memoryHost(wb)).writeTemplates(requestFor(wb));
    expect(result).toEqual({ ok: true, value: { tabs: ['Funnel plan'] } });
  });

  it('never rebuilds a tab the add-on did not make, whatever it is sent', () => {
    const wb = userWorkbook();
    const before = wb.snapshot();
    const request = { ...requestFor(wb), updates: { funnelPlan: 'My data' } };
    const result = bindCalls(() => memoryHost(wb)).writeTemplates(request);
    expect(result).toMatchObject({
      ok: false,
      errors: [
        {
          field: 'updates.funnelPlan',
          message: expect.stringMatching(/"My data" is not one Funnel Math made/),
        },
      ],
    });
    expect(wb.snapshot()).toEqual(before);
  });

  it('refuses plans it cannot read before touching any tab', () => {
    const wb = userWorkbook();
    const before = wb.snapshot();
    const good = requestFor(wb);
    for (const plans of [
      [],
      [{ template: 'funnelPlan' }],
      [{ ...good.plans[0], blocks: 'x' }],
      'x',
    ]) {
      const result = bindCalls(() => memoryHost(wb)).writeTemplates({ ...good, plans } as never);
      expect(result, JSON.stringify(plans)).toMatchObject({
        ok: false,
        errors: [{ message: expect.stringMatching(/could not be read/) }],
      });
    }
    expect(wb.snapshot()).toEqual(before);
  });
});
