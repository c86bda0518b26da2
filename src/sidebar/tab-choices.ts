/**
 * The preview's choice, for each template the add-on made a tab for
 * already: rebuild that tab in place (the default) or add a new tab.
 */
import type { PreviewItem, TabUpdates } from '../addon/api';
import type { TemplateId } from '../addon/settings';

/** The tab to rebuild for each template, or null to add a new tab. */
export type TabChoices = Partial<Record<TemplateId, string | null>>;

/**
 * The choices for a new preview: an earlier choice still on offer stays;
 * otherwise the first of the template's tabs is updated.
 */
export function choicesFor(preview: readonly PreviewItem[], earlier: TabChoices): TabChoices {
  const out: TabChoices = {};
  for (const item of preview) {
    if (item.existing.length === 0) continue;
    const kept = earlier[item.template];
    out[item.template] =
      kept === null || (kept !== undefined && item.existing.includes(kept))
        ? kept
        : item.existing[0]!;
  }
  return out;
}

/** What Create sends: the tab to rebuild for each previewed template left on "Update". */
export function updatesFrom(preview: readonly PreviewItem[], choices: TabChoices): TabUpdates {
  const out: TabUpdates = {};
  for (const item of preview) {
    const tab = choices[item.template];
    if (tab != null && item.existing.includes(tab)) out[item.template] = tab;
  }
  return out;
}
