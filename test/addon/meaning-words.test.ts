/**
 * The meanings suggested for values the product cannot read by itself:
 * outcome labels by their words, campaigns by platform and words, spelled as
 * the data already spells its channels.
 */
import { describe, expect, it } from 'vitest';
import { channelSuggestion, outcomeSuggestion } from '../../src/addon/meaning-words';

describe('outcome labels a CRM uses', () => {
  it.each([
    ['Canceled', 'Ignore'],
    ['Cancelled by prospect', 'Ignore'],
    ['Rescheduled', 'Rescheduled – pending'],
    ['Moved', 'Rescheduled – pending'],
    ['No-show', 'No show'],
    ["Didn't attend", 'No show'],
    ['Showed – good fit', 'Qualified'],
    ['SQL accepted', 'Qualified'],
    ['Not a fit - budget', 'Not qualified – budget'],
    ['Disqualified (role)', 'Not qualified – role'],
    ['Too small', 'Not qualified – company size'],
    ['Scheduled', 'Ignore'],
  ])('%s → %s', (label, means) => {
    expect(outcomeSuggestion(label).means).toBe(means);
  });

  it('suggests nothing where the label does not say whether a held meeting qualified', () => {
    for (const label of ['Completed', 'Held', 'Attended', 'Meeting done']) {
      const s = outcomeSuggestion(label);
      expect(s.means, label).toBe('');
      expect(s.why, label).toMatch(/Qualified or a Not qualified reason/);
    }
    expect(outcomeSuggestion('Disqualified').means).toBe('');
    expect(outcomeSuggestion('Disqualified').why).toMatch(/choose the reason/);
    expect(outcomeSuggestion('Blue').means).toBe('');
  });
});

describe('campaigns', () => {
  const MEETING_SOURCES = ['Paid Search', 'Paid Social', 'Referrals', 'Organic Search'];

  it('a Google Ads search campaign counts under the meetings’ paid search spelling, never organic', () => {
    expect(channelSuggestion('Brand – Search UK', 'Google Ads', MEETING_SOURCES).means).toBe(
      'Paid Search',
    );
    expect(channelSuggestion('Brand – Search UK', 'Google Ads', ['Organic Search']).means).toBe(
      'Paid search',
    );
    expect(channelSuggestion('Competitor – Search', undefined, []).means).toBe('Paid search');
  });

  it('a Google Ads campaign named for video or display counts there; unnamed ones are search', () => {
    expect(channelSuggestion('YouTube – Launch', 'Google Ads', MEETING_SOURCES).means).toBe(
      'Video',
    );
    expect(channelSuggestion('GDN remarketing', 'Google Ads', []).means).toBe('Display');
    expect(channelSuggestion('Spring push', 'Google Ads', []).means).toBe('Paid search');
  });

  it('every LinkedIn or Meta campaign is that platform’s, whatever its words', () => {
    expect(channelSuggestion('Brand awareness', 'LinkedIn', []).means).toBe(
      'Paid social (LinkedIn)',
    );
    expect(channelSuggestion('ABM – Target accounts', 'LinkedIn', MEETING_SOURCES).means).toBe(
      'Paid Social',
    );
    expect(
      channelSuggestion('ABM – Target accounts', 'LinkedIn', ['Paid Social', 'LinkedIn']).means,
    ).toBe('LinkedIn');
    expect(channelSuggestion('Search retargeting', 'Meta', []).means).toBe('Paid social (Meta)');
    expect(channelSuggestion('Facebook – Leads', undefined, []).means).toBe('Paid social (Meta)');
  });

  it('asks the user to type the channel when neither the platform nor the words tell', () => {
    const s = channelSuggestion('Q3 push', undefined, MEETING_SOURCES);
    expect(s.means).toBe('');
    expect(s.why).toMatch(/Type the channel/);
  });
});
