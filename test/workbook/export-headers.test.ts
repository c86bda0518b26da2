/**
 * The tables the user maps, recognised by the headers real exports use:
 * CRM contacts and deals (HubSpot, Salesforce, Pipedrive), the platform that
 * exported an ad sheet, and which kind a sheet reads as.
 */
import { describe, expect, it } from 'vitest';
import {
  CONTACTS_TABLE,
  DEALS_TABLE,
  exportPlatform,
  readsAs,
  SPEND_TABLE,
  suggestTable,
} from '../../src/workbook/export-headers';

describe('contacts exports', () => {
  it('HubSpot, columns in the export’s order', () => {
    const headers = [
      'Record ID',
      'First Name',
      'Lifecycle Stage',
      'Create Date',
      'Became a Customer Date',
      'Became a Lead Date',
      'Became a Marketing Qualified Lead Date',
      'Became a Sales Qualified Lead Date',
      'Became an Opportunity Date',
      'Original Source',
      'Original Source Drill-Down 1',
    ];
    expect(suggestTable(headers, CONTACTS_TABLE).columns).toEqual({
      channel: 'Original Source',
      created: 'Create Date',
      lead: 'Became a Lead Date',
      mql: 'Became a Marketing Qualified Lead Date',
      sql: 'Became a Sales Qualified Lead Date',
      opportunity: 'Became an Opportunity Date',
      customer: 'Became a Customer Date',
    });
  });

  it('newer HubSpot portals and Salesforce leads', () => {
    const portal = [
      'Create Date',
      'Date entered "Marketing Qualified Lead (Lifecycle Stage Pipeline)"',
      'Original Source',
    ];
    expect(suggestTable(portal, CONTACTS_TABLE).columns.mql).toBe(portal[1]);
    const salesforce = ['Lead ID', 'Lead Source', 'Created Date', 'Converted Date', 'Status'];
    expect(suggestTable(salesforce, CONTACTS_TABLE).columns).toMatchObject({
      channel: 'Lead Source',
      created: 'Created Date',
      opportunity: 'Converted Date',
    });
  });
});

describe('deals exports', () => {
  it.each([
    [
      'HubSpot',
      [
        'Record ID',
        'Deal Name',
        'Deal Stage',
        'Amount',
        'Create Date',
        'Close Date',
        'Original Traffic Source',
        'Currency',
      ],
      {
        channel: 'Original Traffic Source',
        amount: 'Amount',
        created: 'Create Date',
        closed: 'Close Date',
        status: 'Deal Stage',
        currency: 'Currency',
      },
    ],
    [
      'Salesforce',
      [
        'Opportunity Name',
        'Lead Source',
        'Stage',
        'Amount',
        'Created Date',
        'Close Date',
        'Won',
        'Opportunity Currency',
      ],
      {
        channel: 'Lead Source',
        amount: 'Amount',
        created: 'Created Date',
        closed: 'Close Date',
        status: 'Stage',
        currency: 'Opportunity Currency',
      },
    ],
    [
      'Pipedrive',
      [
        'Deal - Title',
        'Deal - Source',
        'Deal - Status',
        'Deal - Value',
        'Deal - Deal created',
        'Deal - Won time',
      ],
      {
        channel: 'Deal - Source',
        amount: 'Deal - Value',
        created: 'Deal - Deal created',
        closed: 'Deal - Won time',
        status: 'Deal - Status',
        currency: '',
      },
    ],
  ])('%s', (_, headers, want) => {
    expect(suggestTable(headers, DEALS_TABLE).columns).toEqual(want);
  });

  it('a deals export reads as deals, not as an ad export, though it has an amount and dates', () => {
    const hubspot = [
      'Deal Stage',
      'Amount',
      'Create Date',
      'Close Date',
      'Original Traffic Source',
    ];
    expect(suggestTable(hubspot, SPEND_TABLE).score).toBeGreaterThan(0);
    expect(readsAs(hubspot, SPEND_TABLE)).toBe(false);
    expect(readsAs(hubspot, DEALS_TABLE)).toBe(true);
    expect(readsAs(['Day', 'Campaign', 'Impr.', 'Clicks', 'Cost'], SPEND_TABLE)).toBe(true);
    expect(readsAs(['Owner', 'Notes'], SPEND_TABLE)).toBe(false);
  });
});

describe('the platform that exported an ad sheet', () => {
  it.each([
    ['Sheet1', ['Day', 'Campaign', 'Impr.', 'Clicks', 'Cost'], 'Google Ads'],
    ['Sheet2', ['Reporting starts', 'Campaign name', 'Amount spent (USD)'], 'Meta'],
    ['Sheet3', ['Start Date (in UTC)', 'Campaign Name', 'Total Spent'], 'LinkedIn'],
    ['Sheet4', ['TimePeriod', 'CampaignName', 'Spend'], 'Microsoft Advertising'],
    // The sheet's name first: the user named it.
    ['LinkedIn Ads', ['Day', 'Campaign', 'Cost'], 'LinkedIn'],
    ['Facebook export', ['Day', 'Campaign', 'Cost'], 'Meta'],
  ])('%s %j is %s', (name, headers, platform) => {
    expect(exportPlatform(name, headers)).toBe(platform);
  });

  it('is unknown when neither name nor headers tell', () => {
    expect(exportPlatform('Spend', ['Date', 'Campaign', 'Cost'])).toBeUndefined();
  });
});
