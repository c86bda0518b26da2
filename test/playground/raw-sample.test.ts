/**
 * The playground's raw sample is what the reports from raw data are tried
 * on, and what browser walks check numbers against: it must be the same on
 * every run, look like the real exports, and tell one consistent story
 * across sheets (the same channels, campaigns and months).
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OUTCOME_LABELS } from '../../src/metrics/outcomes';
import {
  CONTACTS_HEADERS,
  CONTACTS_SHEET,
  CRM_HEADERS,
  CRM_SHEET,
  contactsExport,
  crmMeetings,
  DEALS_HEADERS,
  DEALS_SHEET,
  dealsExport,
  GOOGLE_ADS_HEADERS,
  GOOGLE_ADS_SHEET,
  googleAdsExport,
  LINKEDIN_HEADERS,
  LINKEDIN_SHEET,
  linkedinExport,
  rawSheets,
} from '../../src/playground/raw-sample';

type Row = unknown[];

const body = (rows: Row[]) => rows.slice(1);
const col = (rows: Row[], header: string) => {
  const at = (rows[0] as string[]).indexOf(header);
  expect(at, header).toBeGreaterThanOrEqual(0);
  return body(rows).map((r) => r[at]);
};

/** A serial day's month, by the calendar of 1899-12-30 + serial days. */
const serialMonth = (serial: unknown) =>
  new Date(Date.UTC(1899, 11, 30) + Math.floor(serial as number) * 86_400_000)
    .toISOString()
    .slice(0, 7);
const CRM_TIME = /^(\d{4}-\d\d)-\d\d \d\d:\d\d$/;
const textMonth = (text: unknown) => CRM_TIME.exec(text as string)![1];
/** "$1,204.50" or "1,204.50" or 1204.5 as a number, read independently of the product's reader. */
const amount = (cell: unknown) =>
  typeof cell === 'number' ? cell : Number((cell as string).replace(/[$,]/g, ''));

const MONTHS = ['2026-01', '2026-02', '2026-03'];
const monthsOf = (values: unknown[]) => [...new Set(values)].sort();

describe('the raw sample', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is the same on every run, and uses neither Math.random nor the clock', () => {
    const first = rawSheets();
    const randomly = vi.spyOn(Math, 'random');
    const clock = vi.spyOn(Date, 'now');
    expect(rawSheets()).toEqual(first);
    expect(randomly).not.toHaveBeenCalled();
    expect(clock).not.toHaveBeenCalled();
  });

  it('has a Google Ads export with campaign names only, costs partly as text, and a closing totals row', () => {
    const ads = googleAdsExport();
    expect(ads[0]).toEqual(['Day', 'Campaign', 'Impr.', 'Clicks', 'Cost']);
    expect(ads[0]).toEqual([...GOOGLE_ADS_HEADERS]);
    const total = ads.at(-1)!;
    const days = ads.slice(1, -1);
    expect(total.slice(0, 2)).toEqual(['Total: All campaigns', '']);
    expect(new Set(days.map((r) => r[1]))).toEqual(
      new Set(['Brand – Search UK', 'Generic – Search DE', 'Competitor – Search']),
    );
    const costs = days.map((r) => r[4]);
    expect(costs.some((c) => typeof c === 'string' && /^\$[\d,]+\.\d\d$/.test(c))).toBe(true);
    expect(costs.some((c) => typeof c === 'string' && /^\d{1,3}(,\d{3})+\.\d\d$/.test(c))).toBe(
      true,
    );
    expect(costs.some((c) => typeof c === 'number')).toBe(true);
    const sum = (k: number) => days.reduce((s, r) => s + amount(r[k]), 0);
    expect(total[2]).toBe(sum(2));
    expect(total[3]).toBe(sum(3));
    expect(total[4]).toBeCloseTo(sum(4), 6);
    expect(monthsOf(days.map((r) => serialMonth(r[0])))).toEqual(MONTHS);
  });

  it('has a LinkedIn export with every cost as text', () => {
    const linkedin = linkedinExport();
    expect(linkedin[0]).toEqual([
      'Start Date (in UTC)',
      'Campaign Name',
      'Total Spent',
      'Impressions',
      'Clicks',
    ]);
    expect(linkedin[0]).toEqual([...LINKEDIN_HEADERS]);
    expect(body(linkedin).length).toBeGreaterThanOrEqual(100);
    for (const spent of col(linkedin, 'Total Spent')) expect(spent).toMatch(/^\$[\d,]+\.\d\d$/);
    expect(monthsOf(col(linkedin, 'Start Date (in UTC)').map(serialMonth))).toEqual(MONTHS);
  });

  it('has a meeting log with the six labels, a CRM’s own "Completed" and "Canceled", and blank sources', () => {
    const crm = crmMeetings();
    expect(crm[0]).toEqual(['Meeting date', 'Source', 'Owner', 'Meeting outcome']);
    expect(crm[0]).toEqual([...CRM_HEADERS]);
    expect(body(crm).length).toBeGreaterThanOrEqual(200);
    expect(new Set(col(crm, 'Meeting outcome'))).toEqual(
      new Set([...OUTCOME_LABELS, 'Completed', 'Canceled']),
    );
    expect(col(crm, 'Source')).toContain('');
    expect(monthsOf(col(crm, 'Meeting date').map(serialMonth))).toEqual(MONTHS);
  });

  it('has a HubSpot contacts export in the export’s column order, dates as text, some stages skipped', () => {
    const contacts = contactsExport();
    const headers = contacts[0] as string[];
    expect(headers).toEqual([...CONTACTS_HEADERS]);
    expect(headers.slice(0, 2)).toEqual(['Record ID', 'First Name']);
    const stageHeaders = [
      'Create Date',
      'Became a Customer Date',
      'Became a Lead Date',
      'Became a Marketing Qualified Lead Date',
      'Became a Sales Qualified Lead Date',
      'Became an Opportunity Date',
    ];
    const first = headers.indexOf('Create Date');
    expect(headers.slice(first, first + 6)).toEqual(stageHeaders);
    expect(headers.indexOf('Original Source')).toBeGreaterThan(first + 5);
    // The funnel's order, which is not the export's.
    const funnel = [0, 2, 3, 4, 5, 1].map((k) => col(contacts, stageHeaders[k]!));
    let skipped = 0;
    let customers = 0;
    body(contacts).forEach((_, r) => {
      const dates = funnel.map((c) => c[r] as string);
      for (const d of dates) if (d !== '') expect(d).toMatch(CRM_TIME);
      const reached = dates.filter((d) => d !== '');
      // ISO text sorts as time does.
      expect(reached).toEqual([...reached].sort());
      const firstBlank = dates.indexOf('');
      if (firstBlank >= 0 && dates.slice(firstBlank).some((d) => d !== '')) skipped++;
      if (dates[5] !== '') customers++;
    });
    expect(skipped).toBeGreaterThanOrEqual(10);
    expect(customers).toBeGreaterThanOrEqual(10);
    expect(monthsOf(col(contacts, 'Create Date').map(textMonth))).toEqual(MONTHS);
    const ids = col(contacts, 'Record ID');
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has a HubSpot deals export with won, lost and open deals, some in a second currency', () => {
    const deals = dealsExport();
    expect(deals[0]).toEqual([...DEALS_HEADERS]);
    for (const h of [
      'Deal Name',
      'Deal Stage',
      'Amount',
      'Create Date',
      'Close Date',
      'Original Traffic Source',
      'Currency',
    ]) {
      expect(deals[0]).toContain(h);
    }
    const stages = col(deals, 'Deal Stage');
    expect(stages).toContain('closedwon');
    expect(stages).toContain('closedlost');
    expect(stages.some((s) => s !== 'closedwon' && s !== 'closedlost')).toBe(true);
    expect(new Set(col(deals, 'Currency'))).toEqual(new Set(['USD', 'EUR']));
    for (const a of col(deals, 'Amount')) expect(a).toBeGreaterThan(0);
    const created = col(deals, 'Create Date');
    const closed = col(deals, 'Close Date');
    created.forEach((c, k) => {
      expect(c).toMatch(CRM_TIME);
      expect(closed[k]).toMatch(CRM_TIME);
      expect((closed[k] as string) >= (c as string)).toBe(true);
    });
    expect(monthsOf(created.map(textMonth))).toEqual(MONTHS);
  });

  it('tells one story: the CRM’s sources are the channels the ad campaigns map to', () => {
    const sources = new Set(col(crmMeetings(), 'Source'));
    const contactSources = new Set(col(contactsExport(), 'Original Source'));
    for (const paid of ['Paid Search', 'Paid Social']) {
      expect(sources).toContain(paid);
      expect(contactSources).toContain(paid);
    }
    // A source with meetings but no ad spend, as events and referrals are.
    expect(sources).toContain('Offline Sources');
    for (const s of col(dealsExport(), 'Original Traffic Source'))
      expect(contactSources).toContain(s);
    // Each deal is a contact's opportunity: as many deals as contacts that reached one (or became customers).
    const contacts = contactsExport();
    const opportunity = col(contacts, 'Became an Opportunity Date');
    const customer = col(contacts, 'Became a Customer Date');
    const opened = opportunity.filter((d, r) => d !== '' || customer[r] !== '');
    expect(body(dealsExport()).length).toBe(opened.length);
    const won = col(dealsExport(), 'Deal Stage').filter((s) => s === 'closedwon').length;
    expect(won).toBe(customer.filter((d) => d !== '').length);
  });
});

describe('the README', () => {
  it('gives each raw sheet’s row count as the sample has it', () => {
    const readme = readFileSync('README.md', 'utf8');
    const said = (sheet: string) => {
      const m = new RegExp(`\\*\\*${sheet}\\*\\* \\((\\d[\\d,]*) `).exec(readme);
      expect(m, `README names ${sheet} with its row count`).not.toBeNull();
      return Number(m![1]!.replace(/,/g, ''));
    };
    const rows = (sheet: string) => rawSheets()[sheet]!.length - 1;
    // Google Ads: the day × campaign rows, then its totals row.
    expect(said(GOOGLE_ADS_SHEET)).toBe(rows(GOOGLE_ADS_SHEET) - 1);
    for (const sheet of [LINKEDIN_SHEET, CRM_SHEET, CONTACTS_SHEET, DEALS_SHEET]) {
      expect(said(sheet), sheet).toBe(rows(sheet));
    }
  });
});
