/**
 * The Full funnel's settings and tab: what the validator refuses (and that a
 * refusal changes nothing), the Definitions rows it adds, the formulas the tab
 * holds (stage columns composed in funnel order from the header row with HSTACK, several
 * ad exports stacked, the view in words), and its custom-function cells,
 * which do not grow with the channels.
 */
import { describe, expect, it } from 'vitest';
import type { SheetInfo } from '../../src/addon/api';
import type { Settings } from '../../src/addon/settings';
import { buildPlans } from '../../src/addon/templates';
import { FUNNEL_LAYOUT } from '../../src/addon/templates/full-funnel-layout';
import { validateSettings } from '../../src/addon/validate';
import { funnelDraft, funnelSettings, suggestContacts } from '../../src/sidebar/full-funnel-draft';
import { type Input, MemoryWorkbook } from '../../src/workbook/memory';
import {
  CONTACT_HEADERS,
  type Crm,
  crmSettings,
  crmSheets,
  FUNNEL_STAGES,
  JAN_1,
} from './full-funnel-crm';
import { create, createOk, customFunctionCells, tab } from './helpers';

const CRM: Crm = {
  spend: [
    [JAN_1 + 1, 'Paid search', 1000],
    [JAN_1 + 40, 'LinkedIn', 500],
  ],
  meetings: [[JAN_1 + 3, 'Paid search', 'Qualified']],
  contacts: [
    { source: 'Paid search', days: [JAN_1 + 1, null, JAN_1 + 5, null, null, null], asText: true },
  ],
  deals: [
    {
      source: 'Paid search',
      amount: 1200,
      amountAsText: false,
      created: JAN_1 + 6,
      closed: JAN_1 + 20,
      status: 'won',
    },
  ],
};

function sheetInfos(sheets: Record<string, Input[][]>): SheetInfo[] {
  return Object.entries(sheets).map(([name, rows]) => ({
    name,
    headers: (rows[0] ?? []).map((h) => String(h ?? '')),
    dataRows: rows.length - 1,
  }));
}

const INFOS = sheetInfos(crmSheets(CRM));

function errors(patch: (s: Settings) => void, base = crmSettings('month', 'activity')) {
  const s = structuredClone(base);
  patch(s);
  return validateSettings(s, INFOS);
}

describe('Full funnel settings', () => {
  it('accepts the mapped exports', () => {
    expect(errors(() => {})).toEqual([]);
  });

  it.each<[string, (s: Settings) => void, string, RegExp]>([
    [
      'no CRM exports mapped',
      (s) => {
        s.funnel = null;
      },
      'funnel',
      /contacts sheet/,
    ],
    [
      'no deals sheet mapped',
      (s) => {
        delete s.raw!.deals;
      },
      'raw.deals',
      /deals sheet for the Full funnel/,
    ],
    [
      'a stage column that is not there',
      (s) => {
        s.funnel!.contacts.stages[1] = 'Became a Lead';
      },
      'funnel.contacts.stages.1',
      /No column headed "Became a Lead" on sheet "Contacts"/,
    ],
    [
      'a stage column picked twice',
      (s) => {
        s.funnel!.contacts.stages[3] = 'Create Date';
      },
      'funnel.contacts.stages.3',
      /"Create Date" is already the stage 1 date column; pick a different column/,
    ],
    [
      'the source column as a stage',
      (s) => {
        s.funnel!.contacts.stages[2] = 'Original Source';
      },
      'funnel.contacts.stages.2',
      /"Original Source" is already the source column/,
    ],
    [
      'no stage column',
      (s) => {
        s.funnel!.contacts.stages = [];
      },
      'funnel.contacts.stages',
      /at least one stage-date column/,
    ],
    [
      'a contacts sheet that is not there',
      (s) => {
        s.funnel!.contacts.sheet = 'Leads';
      },
      'funnel.contacts.sheet',
      /no sheet named "Leads"/,
    ],
    [
      'a deals column that is not there',
      (s) => {
        s.raw!.deals!.columns.amount = 'Value';
      },
      'raw.deals.columns.amount',
      /No column headed "Value" on sheet "Deals"/,
    ],
    [
      'an unknown view',
      (s) => {
        (s.funnel as { view: string }).view = 'weekly';
      },
      'funnel.view',
      /by the date each stage was reached, or leads grouped by when they arrived/,
    ],
    [
      'the native style',
      (s) => {
        s.formulaStyle = 'native';
      },
      'formulaStyle',
      /cannot be made with portable native formulas: built-in functions cannot count a record that skipped a stage/,
    ],
  ])('refuses %s, beside its field', (_what, patch, field, message) => {
    const found = errors(patch);
    expect(found.map((e) => e.field)).toContain(field);
    expect(found.find((e) => e.field === field)!.message).toMatch(message);
  });

  it('needs the ad-spend sheets too', () => {
    expect(errors((s) => (s.raw = null)).map((e) => e.field)).toContain('raw');
  });

  it('a refused setting changes nothing in the workbook', () => {
    const wb = MemoryWorkbook.fromSheets(crmSheets(CRM));
    const before = wb.snapshot();
    const s = crmSettings('month', 'activity', { formulaStyle: 'native' });
    const result = create(wb, s);
    expect(result.ok).toBe(false);
    expect(wb.snapshot()).toEqual(before);
  });
});

describe('Definitions for the Full funnel', () => {
  const settings = crmSettings('month', 'cohort', { templates: ['definitions'] });
  const [plan] = buildPlans({ settings, sheets: [] });
  const rows = plan!.blocks[0]!.cells.map((r) => r.map((c) => (c === null ? '' : String(c))));
  const find = (first: string) => rows.find((r) => r[0] === first);

  it('lists every stage with the column it is read from, in funnel order', () => {
    FUNNEL_STAGES.forEach(([header], k) => {
      expect(find(`Contacts: stage ${k + 1} of 6`)?.[1]).toBe(
        `Sheet "Contacts", column headed "${header}"`,
      );
    });
    expect(find('Contacts: source')?.[1]).toBe('Sheet "Contacts", column headed "Original Source"');
  });

  it('names the view in words and every mapped deal column', () => {
    expect(find('Full funnel view')?.[1]).toBe('Leads grouped by the month they arrived');
    expect(find('Deals: amount')?.[1]).toBe('Sheet "Deals", column headed "Amount"');
    expect(find('Deals: status or stage')?.[1]).toBe('Sheet "Deals", column headed "Deal Stage"');
    // The currency column was left out, so it is not listed as a source.
    expect(find('Deals: currency')).toBeUndefined();
    expect(find('Max CPQM from results')?.[1]).toBe(
      'Σ won revenue ÷ Σ qualified meetings ÷ target ROAS',
    );
  });
});

/** The Full funnel's formulas, as the tab holds them. */
function formulasOf(crm: Crm, settings: Settings) {
  const wb = MemoryWorkbook.fromSheets(crmSheets(crm));
  const [name] = createOk(wb, settings);
  return { wb, snap: tab(wb, name!) };
}

describe('the Full funnel tab', () => {
  const cohort = () => formulasOf(CRM, crmSettings('month', 'cohort')).snap;
  const header = FUNNEL_LAYOUT.titleRow + 1;

  it('says the view in words', () => {
    const snap = cohort();
    expect(snap.values[2]![0]).toBe('View: Leads grouped by the month they arrived.');
    const activity = formulasOf(CRM, crmSettings(null, 'activity')).snap;
    expect(activity.values[2]![0]).toBe('View: Counted by the date each stage was reached.');
  });

  it('composes the stage columns in funnel order from the header row', () => {
    const snap = cohort();
    const letter = (h: string) =>
      String.fromCharCode(65 + (CONTACT_HEADERS as readonly string[]).indexOf(h));
    const stages = FUNNEL_STAGES.map(([h]) => `'Contacts'!${letter(h)}1:${letter(h)}`);
    expect(snap.formulas[header]![0]).toBe(
      `=FUNNEL_REPORT('Ads'!B2:B,'Ads'!C2:C,'Contacts'!${letter('Original Source')}1:${letter('Original Source')},HSTACK(${stages.join(',')}),'Ads'!A2:A,"month","cohort")`,
    );
  });

  it('stacks several ad exports, a one-channel sheet giving its channel on every row with spend', () => {
    const sheets = crmSheets(CRM);
    sheets['LinkedIn export'] = [
      ['Start Date (in UTC)', 'Total Spent'],
      [JAN_1 + 2, '$300.00'],
    ];
    const settings = crmSettings('month', 'activity');
    settings.raw!.spend.push({
      sheet: 'LinkedIn export',
      columns: { channel: '', spend: 'Total Spent', date: 'Start Date (in UTC)' },
      fixedChannel: 'LinkedIn',
    });
    const wb = MemoryWorkbook.fromSheets(sheets);
    const [name] = createOk(wb, settings);
    const f = String(tab(wb, name!).formulas[header]![0]);
    expect(f).toContain(
      `=FUNNEL_REPORT(VSTACK('Ads'!B2:B,ARRAYFORMULA(IF(LEN('LinkedIn export'!B2:B),"LinkedIn",""))),VSTACK('Ads'!C2:C,'LinkedIn export'!B2:B),`,
    );
    expect(f).toContain(`VSTACK('Ads'!A2:A,'LinkedIn export'!A2:A),"month","activity")`);
  });

  it('calls a Funnel Math function in as many cells at 30 channels as at 3', () => {
    const withChannels = (n: number): Crm => ({
      ...CRM,
      spend: Array.from({ length: n }, (_, k) => [JAN_1 + k, `Channel ${k + 1}`, 100 + k]),
      contacts: Array.from({ length: n }, (_, k) => ({
        source: `Channel ${k + 1}`,
        days: [JAN_1 + k, JAN_1 + k + 3, null, null, null, null],
        asText: false,
      })),
    });
    const count = (n: number) =>
      customFunctionCells(formulasOf(withChannels(n), crmSettings('month', 'activity')).snap)
        .length;
    expect(count(3)).toBe(3);
    expect(count(30)).toBe(3);
  });
});

describe('step 4’s suggestions for the CRM exports', () => {
  const sheets = (entries: [string, string[]][]): SheetInfo[] =>
    entries.map(([name, headers]) => ({ name, headers, dataRows: 10 }));

  it('HubSpot contacts in the export’s order give the stages in lifecycle order', () => {
    const draft = funnelDraft(
      null,
      sheets([
        ['Notes', ['Text']],
        ['Contacts', [...CONTACT_HEADERS]],
      ]),
    );
    expect(draft.contacts).toEqual({
      sheet: 'Contacts',
      channel: 'Original Source',
      stages: FUNNEL_STAGES.map(([h]) => h),
    });
    expect(draft.view).toBe('activity');
  });

  it('newer HubSpot portals and Salesforce head their stages their own way', () => {
    const newer = suggestContacts('Contacts', [
      'Date entered "Customer (Lifecycle Stage Pipeline)"',
      'Original Source',
      'Create Date',
      'Date entered "Marketing Qualified Lead (Lifecycle Stage Pipeline)"',
    ]);
    expect(newer.stages).toEqual([
      'Create Date',
      'Date entered "Marketing Qualified Lead (Lifecycle Stage Pipeline)"',
      'Date entered "Customer (Lifecycle Stage Pipeline)"',
    ]);
    const salesforce = suggestContacts('Leads', ['Converted Date', 'Lead Source', 'Created Date']);
    expect(salesforce).toEqual({
      sheet: 'Leads',
      channel: 'Lead Source',
      stages: ['Created Date', 'Converted Date'],
    });
  });

  it('sends nothing until a sheet is picked, so the server asks for the exports as a whole', () => {
    const draft = funnelDraft(null, sheets([['Notes', ['Text']]]));
    expect(funnelSettings(draft)).toBeNull();
    expect(
      validateSettings(
        crmSettings('month', 'activity', { funnel: funnelSettings(draft) }),
        INFOS,
      ).map((e) => e.field),
    ).toContain('funnel');
  });
});
