/**
 * What a deal's status means: the closing spellings CRMs export, read as labels are.
 */
import { describe, expect, it } from 'vitest';
import { DEAL_STATUS_MEANINGS, DEAL_STATUSES } from '../../src/metrics/deal-status';

describe('deal statuses', () => {
  it('read the won and lost spellings of HubSpot, Salesforce and Pipedrive', () => {
    const won = ['Closed Won', 'closedwon', 'won', 'WON', 'Closed-won', true, 'TRUE'];
    const lost = ['Closed Lost', 'closedlost', 'lost', ' Lost '];
    for (const value of won) expect(DEAL_STATUSES.find(value), String(value)).toBe('won');
    for (const value of lost) expect(DEAL_STATUSES.find(value), String(value)).toBe('lost');
    expect(DEAL_STATUSES.find('open')).toBe('open');
  });

  it('know no other stage: those are the mapping table’s to name', () => {
    for (const value of ['Signed', 'Contract sent', 'Appointment scheduled', false, 'FALSE', '']) {
      expect(DEAL_STATUSES.find(value), String(value)).toBeUndefined();
    }
  });

  it('table every spelling with its meaning, each spelling once', () => {
    for (const [spelling, meaning] of DEAL_STATUS_MEANINGS) {
      expect(DEAL_STATUSES.find(spelling), spelling).toBe(meaning);
    }
    expect(DEAL_STATUS_MEANINGS.slice(0, 3).map(([s]) => s)).toEqual(['Won', 'Lost', 'Open']);
  });
});
