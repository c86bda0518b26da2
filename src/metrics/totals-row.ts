/**
 * An export's totals row met in a report's table: counted, it would count
 * the rows above it twice, so it is refused wherever it appears (channel,
 * date or outcome cell), with what to do.
 */
import { show } from '../sheets/format';
import { isTotalsRow } from '../sheets/labels';
import { Problem } from '../sheets/problem';

export function refuseTotalsRow(arg: string, raw: unknown): void {
  if (isTotalsRow(raw)) {
    throw new Problem(
      '#VALUE!',
      `${arg} ${show(raw)} is an export's totals row`,
      'end the range above it or delete the row, so its figures are not counted twice',
    );
  }
}
