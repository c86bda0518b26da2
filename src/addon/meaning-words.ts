/**
 * A suggested meaning for a value the product cannot read by itself: an
 * outcome label a CRM uses ("Completed", "Canceled") or a campaign name
 * ("Brand – Search UK"), read from its words. A suggestion is only offered:
 * the user confirms or changes it in the wizard. Where the words do not say
 * enough (a completed meeting: was it qualified?), no meaning is suggested
 * and `why` says what to decide.
 */
import { IGNORE, OUTCOME_LABELS } from '../metrics/outcomes';
import type { Platform } from '../workbook/export-headers';

export interface Suggestion {
  /** "" when the user must choose. */
  means: string;
  why: string;
}

const [QUALIFIED, NOT_SIZE, NOT_ROLE, NOT_BUDGET, NO_SHOW, PENDING] = OUTCOME_LABELS;

/** Lower case, words separated by single spaces: "No-Show " → "no show". */
function words(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
}

/** First match wins: the more telling rules come first ("not qualified" before "qualified"). */
const OUTCOME_RULES: [RegExp, Suggestion][] = [
  [/ cancel/, { means: IGNORE, why: 'Canceled: never held, counted nowhere.' }],
  [
    / re ?schedul| moved | postponed /,
    { means: PENDING, why: 'Moved to another day: pending, counted in neither held nor no-show.' },
  ],
  [
    / no ?show| did ?n t (show|attend)| missed | absent /,
    { means: NO_SHOW, why: 'The prospect did not come.' },
  ],
  [/ budget /, { means: NOT_BUDGET, why: 'Held, and turned down for budget.' }],
  [
    / (role|authority|title|seniority) /,
    { means: NOT_ROLE, why: 'Held, and turned down for role.' },
  ],
  [
    / (size|too small|company|employees) /,
    { means: NOT_SIZE, why: 'Held, and turned down for company size.' },
  ],
  [
    / (not|dis|un) ?qualified| bad fit | not a fit | no fit | poor fit /,
    {
      means: '',
      why: 'Held and not qualified: choose the reason (company size, role or budget).',
    },
  ],
  [
    / (qualified|good fit|great fit|sql|sqm|accepted|opportunity) /,
    { means: QUALIFIED, why: 'Held and qualified.' },
  ],
  [
    / (completed|complete|held|attended|showed|show|done|happened|met) /,
    {
      means: '',
      why: 'Held, but the label does not say whether it qualified: choose Qualified or a Not qualified reason.',
    },
  ],
  [
    / (scheduled|booked|upcoming|planned|confirmed|pending|open) /,
    { means: IGNORE, why: 'Not held yet: counted nowhere until its outcome is known.' },
  ],
];

/** A meaning for an outcome label that is not one of the six. */
export function outcomeSuggestion(label: string): Suggestion {
  const w = words(label);
  const rule = OUTCOME_RULES.find(([pattern]) => pattern.test(w));
  return rule
    ? rule[1]
    : { means: '', why: 'Choose one of the six outcomes, or Ignore to count it nowhere.' };
}

const PAID_SEARCH = 'Paid search';

/** What a campaign's words say about its channel, before the platform's default. */
const CAMPAIGN_WORDS: [RegExp, string, string][] = [
  [/ linkedin /, 'Paid social (LinkedIn)', 'LinkedIn'],
  [/ (facebook|meta|instagram|fb|ig) /, 'Paid social (Meta)', 'Meta'],
  [/ (youtube|video|yt) /, 'Video', 'video'],
  [/ (display|gdn|banner|programmatic) /, 'Display', 'display'],
  [
    / (brand|search|generic|keyword|keywords|sem|ppc|competitor|competitors) /,
    PAID_SEARCH,
    'search',
  ],
];

/** What each platform's campaigns are when their words say nothing more. */
const PLATFORM_CHANNEL: Record<Platform, string> = {
  'Google Ads': PAID_SEARCH,
  'Microsoft Advertising': PAID_SEARCH,
  Meta: 'Paid social (Meta)',
  LinkedIn: 'Paid social (LinkedIn)',
};

/** The platforms where every campaign is the platform's own channel, whatever its words. */
const SOCIAL: readonly Platform[] = ['Meta', 'LinkedIn'];

/**
 * How a channel the data already uses may be spelled, closest first: the
 * meeting log's "LinkedIn", else its "Paid Social" (never "Organic Search").
 */
const SPELLINGS: Record<string, RegExp[]> = {
  [PAID_SEARCH]: [/ paid search /, / (ppc|sem|adwords|google ads|bing ads) /],
  'Paid social (LinkedIn)': [/ linkedin /, / paid social /],
  'Paid social (Meta)': [/ (meta|facebook|instagram) /, / paid social /],
  Video: [/ (video|youtube) /],
  Display: [/ display /],
};

/**
 * The channel a campaign counts under: by the platform that exported it and
 * the campaign's words, spelled as a channel the data already uses (the
 * meeting log's "LinkedIn") when one names the same thing.
 */
export function channelSuggestion(
  campaign: string,
  platform: Platform | undefined,
  known: readonly string[],
): Suggestion {
  const w = words(campaign);
  const word = CAMPAIGN_WORDS.find(([pattern]) => pattern.test(w));
  let channel: string;
  let why: string;
  if (platform && (SOCIAL.includes(platform) || !word)) {
    channel = PLATFORM_CHANNEL[platform];
    why = `A ${platform} campaign.`;
  } else if (word) {
    channel = word[1];
    why = `${platform ? `A ${platform} campaign` : 'A campaign'} named for ${word[2]}.`;
  } else {
    return { means: '', why: 'Type the channel this campaign counts under.' };
  }
  let same: string | undefined;
  for (const spelling of SPELLINGS[channel] ?? []) {
    same ??= known.find((k) => spelling.test(words(k)));
  }
  return same
    ? { means: same, why: `${why} Your data calls it “${same}”.` }
    : { means: channel, why };
}
