/**
 * The mapping table on the Definitions tab: the user's own spellings of
 * channels, campaigns and outcomes, one `Field, Value, Means` row each. The
 * report formulas read it where it is written, so changing a row there
 * changes the numbers. It sits beside the tab's other sections, at a fixed
 * place, and the formulas read it to the sheet's end: rows added below it
 * count too.
 */
import { columnLetter, sheetRef } from '../../workbook/a1';
import type { PlanCell } from '../../workbook/plan';
import { uniqueName } from '../../workbook/workbook';
import { type Settings, TEMPLATE_TITLES, type TemplateId } from '../settings';
import type { BuildContext } from './common';

/** The table's header row: the words the functions skip as a header. */
export const MAPPING_HEADER = ['Field', 'Value', 'Means'] as const;

/** Where the table's title sits on the Definitions tab (0-based); its header row is the next. */
export const MAPPING_AT = { row: 2, col: 4 } as const;

/** The templates whose formulas read the mapping table. */
const READERS: readonly TemplateId[] = ['channelReport', 'fullFunnel', 'meetingOutcomes'];

/** Whether this build writes a mapping table that a chosen template's formulas read. */
export function readsMapping(settings: Settings): boolean {
  return settings.mapping.length > 0 && settings.templates.some((t) => READERS.includes(t));
}

/**
 * The templates to build, in writing order. Where a template's formulas read
 * the mapping table, the Definitions tab that holds it is made too, and
 * first, so the tab they refer to exists when their formulas are written.
 */
export function buildOrder(settings: Settings): TemplateId[] {
  if (!readsMapping(settings)) return settings.templates;
  return ['definitions', ...settings.templates.filter((t) => t !== 'definitions')];
}

/**
 * The name the Definitions tab has in this build: the tab it is rebuilt on,
 * or, as it is written first, the title made unlike every tab there is
 * ("Definitions (2)").
 */
function definitionsTab(ctx: BuildContext): string {
  return (
    ctx.updates?.definitions ??
    uniqueName(TEMPLATE_TITLES.definitions, ctx.tabNames?.() ?? ctx.sheets.map((s) => s.name))
  );
}

/**
 * The mapping table as a range argument, header row to the sheet's end:
 * `'Definitions'!E4:G`. Undefined where no template reads one.
 */
export function mappingRange(ctx: BuildContext): string | undefined {
  if (!readsMapping(ctx.settings)) return undefined;
  const { row, col } = MAPPING_AT;
  return `${sheetRef(definitionsTab(ctx))}!${columnLetter(col)}${row + 2}:${columnLetter(col + 2)}`;
}

/** The table's cells from its title down: a title, the header row, one row per mapping row. */
export function mappingCells(settings: Settings): PlanCell[][] {
  return [
    ['Mapping table: your data’s own spellings', null, null],
    [...MAPPING_HEADER],
    ...settings.mapping.map((m) => [m.field, m.value, m.means]),
  ];
}
