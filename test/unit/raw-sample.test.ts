/**
 * The playground's raw sample is what the Channel report is tried on, and
 * what the browser walk checks numbers against: it must be the same on every
 * run and look like real exports.
 */
import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../src/metrics/catalogue';
import { OUTCOME_LABELS } from '../../src/metrics/outcomes';
import { ADS_HEADERS, adsExport, CRM_HEADERS, crmMeetings } from '../../src/playground/raw-sample';

const column = (rows: unknown[][], header: string, headers: readonly string[]) =>
  rows.slice(1).map((r) => [r[headers.indexOf(header)]]);

describe('the raw sample', () => {
  const ads = adsExport();
  const crm = crmMeetings();

  it('is the same on every run', () => {
    expect(adsExport()).toEqual(ads);
    expect(crmMeetings()).toEqual(crm);
  });

  it('looks like the exports: a few hundred day × campaign rows over three months, costs partly as text', () => {
    expect(ads[0]).toEqual([...ADS_HEADERS]);
    expect(ads.length - 1).toBeGreaterThanOrEqual(300);
    expect(ads.length - 1).toBeLessThanOrEqual(600);
    const days = ads.slice(1).map((r) => r[0] as number);
    expect(Math.max(...days) - Math.min(...days)).toBeGreaterThanOrEqual(80);
    const costs = ads.slice(1).map((r) => r[5]);
    expect(costs.some((c) => typeof c === 'string' && /^\$[\d,]+\.\d\d$/.test(c))).toBe(true);
    expect(costs.some((c) => typeof c === 'number')).toBe(true);
    expect(new Set(ads.slice(1).map((r) => r[1])).size).toBeGreaterThanOrEqual(4);
  });

  it('has a few hundred meetings with every outcome label, a blank source and a channel without spend', () => {
    expect(crm[0]).toEqual([...CRM_HEADERS]);
    expect(crm.length - 1).toBeGreaterThanOrEqual(200);
    const outcomes = new Set(crm.slice(1).map((r) => r[3]));
    for (const label of OUTCOME_LABELS) expect(outcomes).toContain(label);
    const sources = crm.slice(1).map((r) => r[1]);
    expect(sources).toContain('');
    expect(sources).toContain('Events');
  });

  it('makes a report with every channel, month and the blended total', () => {
    const out = FUNCTIONS.CPQM_REPORT!(
      column(ads, 'Channel', ADS_HEADERS),
      column(ads, 'Cost', ADS_HEADERS),
      column(crm, 'Source', CRM_HEADERS),
      column(crm, 'Meeting outcome', CRM_HEADERS),
      column(ads, 'Day', ADS_HEADERS),
      column(crm, 'Meeting date', CRM_HEADERS),
      'month',
    ) as unknown[][];
    const channels = [...new Set(out.slice(1).map((r) => r[0]))];
    expect(channels).toEqual([
      'Google Ads',
      'LinkedIn',
      'Meta',
      'Microsoft Ads',
      'Events',
      '(no channel)',
      'All channels',
    ]);
    expect(out.filter((r) => r[0] === 'All channels').map((r) => r[1])).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      'All',
    ]);
  });
});
