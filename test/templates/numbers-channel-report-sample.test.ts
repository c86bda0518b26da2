/**
 * The Channel report on the playground's sample, made as a new user makes it
 * through the server calls the wizard uses: the Google Ads export (campaign
 * names only, costs partly as text, a closing totals row), the LinkedIn
 * export (costs as text) and the CRM meetings ("Completed", "Canceled"
 * beside the six labels); the suggested meanings confirmed as they come; no
 * edit to the data. Its numbers are tallied here from the raw rows with the
 * sample's own campaign → channel table, and editing one mapping row on the
 * Definitions tab changes the report.
 */

import { describe, expect, it } from 'vitest';
import type { Settings } from '../../src/addon/settings';
import { REPORT_LAYOUT } from '../../src/addon/templates/channel-report';
import { sampleBackend } from '../../src/playground/backend';
import {
  CRM_SHEET,
  DEALS_SHEET,
  GOOGLE_ADS_CAMPAIGNS,
  GOOGLE_ADS_SHEET,
  googleAdsExport,
  LINKEDIN_CAMPAIGNS,
  LINKEDIN_SHEET,
} from '../../src/playground/raw-sample';
import { wizardOn } from '../fakes/sidebar-calls';
import { settingsWith } from './helpers';
import { money, type Tally, tally } from './sample-tally';

const TAB = 'Channel report';

function reportSettings(mapping: Settings['mapping']): Settings {
  return settingsWith({
    templates: ['channelReport'],
    formulaStyle: 'addon',
    mapping,
    raw: {
      spend: [
        {
          sheet: GOOGLE_ADS_SHEET,
          columns: { channel: 'Campaign', spend: 'Cost', date: 'Day' },
          fixedChannel: '',
        },
        {
          sheet: LINKEDIN_SHEET,
          columns: { channel: 'Campaign Name', spend: 'Total Spent', date: 'Start Date (in UTC)' },
          fixedChannel: '',
        },
      ],
      meetings: {
        sheet: CRM_SHEET,
        columns: { channel: 'Source', outcome: 'Meeting outcome', date: 'Meeting date' },
      },
      period: 'month',
    },
  });
}

describe('the Channel report on the playground sample, meanings confirmed as suggested', () => {
  it('is made with no edit to the data, its numbers are the raw rows’ tally, and a mapping row edited changes it', () => {
    const backend = sampleBackend();
    const suggested = wizardOn(backend.calls).suggestMeanings(reportSettings([]));
    if (!suggested.ok) throw new Error(JSON.stringify(suggested.errors));
    // Confirmed as suggested; where the product leaves the decision to the user ("Completed" says
    // the meeting took place, not whether it qualified), the user counts it nowhere for now.
    const mapping = suggested.value.rows.map(({ field, value, means }) => ({
      field,
      value,
      means: means === '' ? 'Ignore' : means,
    }));
    // The suggestions name each campaign's channel as the sample made it.
    for (const c of [...GOOGLE_ADS_CAMPAIGNS, ...LINKEDIN_CAMPAIGNS]) {
      const row = mapping.find((m) => m.field === 'channel' && m.value === c.name);
      expect(row?.means, c.name).toBe(c.channel);
    }
    const created = wizardOn(backend.calls).createTemplates(reportSettings(mapping));
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    expect(created.value.tabs).toEqual(['Definitions', TAB]);

    const meaningOf = (rows: Settings['mapping']) => (label: string) =>
      rows.find((m) => m.field === 'outcome' && m.value === label)?.means ?? label;
    const reportRows = () => {
      const values = backend.snapshot().find((s) => s.name === TAB)!.values;
      const rows = new Map<string, (string | number | boolean | null)[]>();
      for (let r = REPORT_LAYOUT.tableRow + 1; values[r]?.[0]; r++) {
        rows.set(`${values[r]![0]}|${values[r]![1]}`, values[r]!.slice(2, 13));
      }
      return rows;
    };
    const check = (want: Map<string, Tally>) => {
      const got = reportRows();
      expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
      for (const [key, t] of want) {
        const row = got.get(key)!;
        expect(row[0] as number, `${key} spend`).toBeCloseTo(t.spend, 6);
        expect(row.slice(1, 5), key).toEqual([t.held + t.noShows, t.held, t.noShows, t.qualified]);
        // Every outcome has a meaning: nothing unrecognised, so no row says check data.
        expect(row[10], `${key} unrecognised`).toBe(0);
      }
    };
    check(tally(meaningOf(mapping)));

    // One mapping row edited on the Definitions tab: a campaign moves to a channel of its own.
    const defs = backend.snapshot().find((s) => s.name === 'Definitions')!;
    const brand = GOOGLE_ADS_CAMPAIGNS[0]!.name;
    const row = defs.values.findIndex((r) => r[4] === 'channel' && r[5] === brand);
    expect(row).toBeGreaterThan(0);
    backend.setCell('Definitions', row, 6, 'Brand search');
    const moved = reportRows();
    const brandSpend = googleAdsExport()
      .slice(1)
      .filter((r) => r[1] === brand)
      .reduce((sum, r) => sum + money(r[4]), 0);
    const brandRows = [...moved].filter(([k]) => k.startsWith('Brand search|'));
    expect(brandRows.length, 'a row per month for the new channel').toBeGreaterThan(0);
    expect(brandRows.reduce((s, [, r]) => s + (r[0] as number), 0)).toBeCloseTo(brandSpend, 6);
    const overall = (rows: typeof moved) => rows.get('All channels|All')![0] as number;
    // Moved, not added: the overall spend is the same, and Paid Search lost the brand campaign's.
    const before = tally(meaningOf(mapping));
    expect(overall(moved)).toBeCloseTo(before.get('All channels|All')!.spend, 6);
    const searchSpend = [...moved]
      .filter(([k]) => k.startsWith('Paid Search|'))
      .reduce((s, [, r]) => s + (r[0] as number), 0);
    const searchBefore = [...before]
      .filter(([k]) => k.startsWith('Paid Search|'))
      .reduce((s, [, t]) => s + t.spend, 0);
    expect(searchSpend).toBeCloseTo(searchBefore - brandSpend, 6);
  }, 60_000);
});

describe('the Channel report on the playground sample, with its deals export', () => {
  it('is refused while the deals are in two currencies, naming a row of each, and made with one', () => {
    const deals = {
      sheet: DEALS_SHEET,
      columns: {
        channel: 'Original Traffic Source',
        amount: 'Amount',
        created: 'Create Date',
        closed: 'Close Date',
        status: 'Deal Stage',
        currency: 'Currency',
      },
    };
    const withDeals = (currency: string): Settings => {
      const s = reportSettings([]);
      return {
        ...s,
        raw: { ...s.raw!, deals: { ...deals, columns: { ...deals.columns, currency } } },
      };
    };
    const backend = sampleBackend();
    const refused = wizardOn(backend.calls).createTemplates(withDeals('Currency'));
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.errors[0]!.message).toMatch(/two currencies.*sheet "HubSpot deals"/);
    expect(backend.snapshot().some((t) => t.name === TAB)).toBe(false);
    // One currency column left out, the amounts are read as one currency and the tab is made.
    const made = wizardOn(backend.calls).createTemplates(withDeals(''));
    if (!made.ok) throw new Error(JSON.stringify(made.errors));
    const values = backend.snapshot().find((t) => t.name === TAB)!.values;
    expect(values[REPORT_LAYOUT.tableRow]).toContain('Max CPQM from results');
  }, 60_000);
});
