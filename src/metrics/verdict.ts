/**
 * The one verdict rule beside a channel's numbers: its words, and the rule
 * itself on one row's numbers. The templates write it as a formula
 * (src/addon/templates/verdict.ts verdictFormula, from these words) and the
 * report command (docs/WAREHOUSE.md) applies it here; the two agree case by
 * case (test/metrics/verdict.test.ts).
 */

/** The verdicts, as the tab shows them and as conditional formatting matches them. */
export const VERDICTS = {
  noSpend: 'no spend recorded',
  uneconomical: 'uneconomical',
  economical: 'economical',
  checkData: 'check data',
} as const;

export type Verdict = (typeof VERDICTS)[keyof typeof VERDICTS];

/**
 * The verdict of a row that is there: `check data` where data went uncounted or the spend is
 * negative; `no spend recorded` where spend is blank or 0 (never "economical" for free);
 * `economical` where headroom ≥ 0; `uneconomical` where headroom < 0 or the spend brought no
 * qualified meeting; blank otherwise (nothing to judge yet).
 *
 * @param spend the row's spend, null where blank
 * @param headroom its headroom, null where there is none (no CPQM or no Max CPQM)
 * @param qualified its qualified meetings, null where not counted
 * @param unchecked whether the row has data the formulas could not count
 */
export function verdictOf(
  spend: number | null,
  headroom: number | null,
  qualified: number | null,
  unchecked: boolean,
): Verdict | '' {
  if (unchecked) return VERDICTS.checkData;
  if (spend === null || spend === 0) return VERDICTS.noSpend;
  if (spend < 0) return VERDICTS.checkData;
  if (headroom !== null) return headroom >= 0 ? VERDICTS.economical : VERDICTS.uneconomical;
  return qualified === 0 ? VERDICTS.uneconomical : '';
}
