/**
 * The metrics the Definitions tab lists: each one's name, its formula and
 * what it means in plain words.
 */

export const METRIC_DEFINITIONS: readonly (readonly [string, string, string])[] = [
  [
    'Cost per meeting',
    'spend ÷ booked meetings (COST_PER_MEETING)',
    'What one booked meeting costs, before no-shows and unqualified meetings are taken out.',
  ],
  [
    'Cost per qualified meeting (CPQM)',
    'spend ÷ (booked meetings × show rate × qualification rate) (CPQM)',
    'What one held meeting with a buyer who meets the qualification criteria costs: the truest efficiency figure for a channel.',
  ],
  [
    'Max CPQM',
    'deal size × close rate ÷ target ROAS (MAX_CPQM)',
    'The most one qualified meeting may cost and still earn the target return on ad spend.',
  ],
  [
    'Headroom',
    '1 − CPQM ÷ Max CPQM (HEADROOM)',
    'Above 0: room to spend more on the channel; below 0: the channel is uneconomical.',
  ],
  [
    'Blended CPQM',
    'Σ spend ÷ Σ (meetings × show rate × qualification rate) (BLENDED_CPQM)',
    'CPQM over all channels together. Never the average of the channels’ CPQMs, which overweights small channels.',
  ],
  [
    'Show rate',
    'held ÷ (held + no-shows) (SHOW_RATE)',
    'Share of booked meetings that took place; rescheduled meetings count in neither.',
  ],
  [
    'Qualification rate',
    'qualified ÷ held (QUAL_RATE)',
    'Share of held meetings whose buyer met the qualification criteria.',
  ],
  [
    'Stage volume needed',
    'next stage’s need ÷ rate, rounded up (REVERSE_FUNNEL)',
    'How many a stage needs so that, at the stage-to-stage rates, enough reach the last stage.',
  ],
  [
    'Cost per unit',
    'budget ÷ stage volume (CPL)',
    'The budget spread over one stage’s volume: what each lead, meeting or deal costs at plan.',
  ],
];

/** The Channel report's own metrics, listed when the raw tables are mapped. */
export const REPORT_DEFINITIONS: readonly (readonly [string, string, string])[] = [
  [
    'Booked meetings',
    'held + no-shows',
    'Meetings that took place or were missed; a meeting rescheduled and still pending counts in neither.',
  ],
  [
    'CPQM by channel and period',
    'Σ spend ÷ Σ qualified meetings over the rows each line covers (CPQM_REPORT)',
    'From the raw ad export and the CRM meeting log joined by channel; every total, blended ones included, is Σ ÷ Σ, never an average of rates.',
  ],
];
