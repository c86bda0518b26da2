/**
 * The Full funnel's view in words, the same on the tab, in Definitions and in
 * the wizard: how the numbers are counted, and what that means for them.
 */
import type { Period } from '../../metrics/period';
import type { FunnelView } from '../settings';

/** How the chosen view counts, in the words the tab and the wizard show. */
export function viewInWords(view: FunnelView, period: Period | null): string {
  if (view === 'activity') return 'Counted by the date each stage was reached';
  return period === null
    ? 'Leads grouped by when they arrived'
    : `Leads grouped by the ${period} they arrived`;
}

/** What the view means for the numbers, said once under its name. */
export function viewExplained(view: FunnelView, period: Period | null): string {
  if (period === null) return 'Without a period both views count every record once, so they agree.';
  return view === 'activity'
    ? `Each record counts in the ${period} it reached each stage, each deal in the ${period} it was created and the ${period} it was won or lost, against that ${period}’s spend. Stage-to-stage figures compare different records, so they are ratios and may pass 100%.`
    : `Each record counts in the ${period} it entered the funnel, whenever it reached a later stage, and each deal in the ${period} it was created, against that ${period}’s spend: true rates, at most 100%. Recent ${period}s are still maturing: see their open deals.`;
}
