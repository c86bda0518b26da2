/**
 * The add-on style's table: one CPQM_REPORT call over open columns, so new
 * rows, channels and periods flow in by themselves, and one call or array
 * formula for each column beside it, not one per row.
 */
import { cellA1, columnLetter } from '../../workbook/a1';
import { formula } from '../../workbook/plan';
import type { RawData } from '../settings';
import type { Columns, Inputs } from './channel-report-layout';
import { reportArguments, type Sources } from './channel-report-sources';
import type { TemplatePlan } from './common';
import { verdictFormula } from './verdict';

/** Writes the table from its header row; returns how many rows it may fill. */
export function addonTable(
  plan: TemplatePlan,
  src: Sources,
  raw: RawData,
  col: Columns,
  firstRow: number,
  inputs: Inputs,
): number {
  const down = (c: number) => `${cellA1(firstRow, c)}:${columnLetter(c)}`;
  const name = down(0);
  plan.blocks.push({
    row: firstRow - 1,
    col: 0,
    cells: [
      [
        formula(`=CPQM_REPORT(${reportArguments(src, raw.period).join(',')})`),
        ...Array.from({ length: col.maxCpqm - 1 }, () => null),
        'Max CPQM',
        'Headroom',
        'Verdict',
      ],
      [
        ...Array.from({ length: col.maxCpqm }, () => null),
        // One MAX_CPQM call for the whole column: the deal size on every row of the report, blank below it.
        formula(
          `=MAX_CPQM(ARRAYFORMULA(IF(${name}="","",${inputs.deal})),${inputs.close},${inputs.roas})`,
        ),
        formula(
          `=HEADROOM(ARRAYFORMULA(IF(ISNUMBER(${down(col.cpqm)}),${down(col.cpqm)},"")),${down(col.maxCpqm)})`,
        ),
        formula(
          `=ARRAYFORMULA(${verdictFormula({
            present: `${name}<>""`,
            spend: down(col.spend),
            headroom: down(col.headroom),
            noneQualified: `${down(col.qualified)}=0`,
            unchecked: `${down(col.unrecognised)}>0`,
          })})`,
        ),
      ],
    ],
  });
  return plan.rows - firstRow - 1;
}
