/**
 * What a deal's status or stage means: won, lost or open. CRMs name their
 * stages differently everywhere, so only the closing spellings are known
 * here; anything else is open, and the mapping table's `deal status` rows
 * name a team's own won and lost stages. The SQL forms are generated from
 * DEAL_STATUS_MEANINGS.
 */
import { Labels } from '../sheets/labels';

/** The meanings a deal status can have, as the mapping table's Means column spells them. */
export const DEAL_STATUS_LABELS = ['Won', 'Lost', 'Open'] as const;

export type DealStatus = 'won' | 'lost' | 'open';

/**
 * Each known spelling and its meaning, matched as labels are (case,
 * punctuation and spacing forgiven: "Closed Won", "closedwon" and "closed-won"
 * are one key). TRUE is a Won column's or an "Is Closed Won" column's yes.
 */
export const DEAL_STATUS_MEANINGS: readonly (readonly [string, DealStatus])[] = [
  ['Won', 'won'],
  ['Lost', 'lost'],
  ['Open', 'open'],
  ['Closed won', 'won'],
  ['Closed lost', 'lost'],
  ['TRUE', 'won'],
];

export const DEAL_STATUSES = new Labels<DealStatus>(
  DEAL_STATUS_LABELS,
  DEAL_STATUS_MEANINGS.slice(0, DEAL_STATUS_LABELS.length).map(([, m]) => m),
  DEAL_STATUS_MEANINGS.slice(DEAL_STATUS_LABELS.length),
);
