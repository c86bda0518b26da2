/**
 * The one parser of settings, for what the sidebar sends and for what is read
 * back from the document: anything goes in; typed, trimmed Settings with no
 * unknown fields come out, or every fix needed at once, in one round. Written
 * by hand in valibot's terms (rules on values, issues at paths) rather than
 * with the library, to keep the Apps Script bundle small.
 *
 * Each error names its field by its path into Settings ("stages.2.rate") and
 * says what to fix. Text the user typed is echoed through quote(), so a value
 * of any length still gives a short message. The sidebar does not run these
 * checks: it places the messages the server sends back.
 *
 * The rules are in validate-rules.ts, the checker in validate-checker.ts, the
 * typed fields in validate-fields.ts, the tables in validate-sheets.ts, the
 * mapping rows in validate-mapping.ts and what the columns hold in
 * validate-contents.ts.
 */
import type { FieldError, Result, SheetInfo } from './api';
import type { MappedTables, ReadColumn } from './meanings';
import { type FormulaStyle, rawDataUsers, type Settings } from './settings';
import { Checker, isObj, LIMITS } from './validate-checker';
import { checkContents, checkNativeStyle } from './validate-contents';
import { checkEconomics, checkMeetingStage, checkStages, checkTemplates } from './validate-fields';
import { checkFunnel, checkFunnelStyle } from './validate-full-funnel';
import { checkMapping } from './validate-mapping';
import { checkChannels, checkMeetingLog, checkRaw } from './validate-sheets';

/** Every field present: what the checks give when none of them failed. */
function complete<T>(value: { [K in keyof T]: T[K] | undefined }): value is T {
  return Object.values(value).every((v) => v !== undefined);
}

/**
 * The tables a chosen template reads: the raw data of the Channel report and
 * the Full funnel, the Full funnel's CRM exports and Meeting outcomes'
 * existing log. A table for a template not chosen is left
 * out unchecked, so it never holds up the templates that are.
 */
function checkTables(
  c: Checker,
  input: Record<string, unknown>,
  templates: readonly string[] | undefined,
  sheets?: readonly SheetInfo[],
): {
  raw: Settings['raw'] | undefined;
  meetingLog: Settings['meetingLog'] | undefined;
  funnel: Settings['funnel'] | undefined;
} {
  const readers = rawDataUsers(templates ?? []);
  const raw = readers.length > 0 ? checkRaw(c.at('raw'), input.raw, sheets, readers) : null;
  const meetingLog =
    templates?.includes('meetingOutcomes') && input.meetingLog != null
      ? checkMeetingLog(c.at('meetingLog'), input.meetingLog, sheets)
      : null;
  const funnel = templates?.includes('fullFunnel')
    ? checkFunnel(c.at('funnel'), input.funnel, sheets)
    : null;
  return { raw, meetingLog, funnel };
}

/**
 * Reads settings from the sidebar or the document into Settings: trimmed,
 * in a fixed template order, with nothing it does not know. With `sheets`,
 * tables must name sheets and headers that exist there; with `read` too, the
 * columns must hold what their fields need, and the native style must be
 * able to compute honestly on them.
 */
export function parseSettings(
  input: unknown,
  sheets?: readonly SheetInfo[],
  read?: ReadColumn,
): Result<Settings> {
  const c = new Checker();
  if (!isObj(input)) {
    c.fail('The settings are missing; reopen the wizard.');
    return { ok: false, errors: c.errors };
  }
  const templates = checkTemplates(c.at('templates'), input.templates);
  const stages = checkStages(c.at('stages'), input.stages);
  const meetingStage = checkMeetingStage(c.at('meetingStage'), input.meetingStage, stages);
  const economics = checkEconomics(c.at('economics'), input.economics);
  const channels = checkChannels(c.at('channels'), input.channels, sheets);
  const { raw, meetingLog, funnel } = checkTables(c, input, templates, sheets);
  const mapping = checkMapping(c.at('mapping'), input.mapping);
  let formulaStyle: FormulaStyle | undefined;
  if (input.formulaStyle === 'addon' || input.formulaStyle === 'native')
    formulaStyle = input.formulaStyle;
  else c.at('formulaStyle').fail('Choose add-on functions or portable native formulas.');
  checkFunnelStyle(c.at('formulaStyle'), formulaStyle, templates);
  const attributionWindow = c
    .at('attributionWindow')
    .text(input.attributionWindow ?? '', 'the attribution window', LIMITS.attributionLength, false);
  if (sheets && read) {
    const tables = { raw: raw ?? null, meetingLog: meetingLog ?? null };
    checkContents(c, { ...tables, funnel: funnel ?? null }, sheets, read);
    // A mapping with problems of its own is refused beside them; its patterns wait for it.
    if (templates && formulaStyle) {
      const rows = mapping ?? [];
      checkNativeStyle(
        c.at('formulaStyle'),
        { ...tables, formulaStyle, templates, mapping: rows },
        sheets,
        read,
      );
    }
  }
  const value = {
    templates,
    stages,
    meetingStage,
    economics,
    channels,
    raw,
    meetingLog,
    funnel,
    mapping,
    formulaStyle,
    attributionWindow,
  };
  if (c.errors.length > 0 || !complete<Settings>(value)) return { ok: false, errors: c.errors };
  return { ok: true, value };
}

/** The fixes needed, one per field; empty when the settings are good. */
export function validateSettings(input: unknown, sheets?: readonly SheetInfo[]): FieldError[] {
  const result = parseSettings(input, sheets);
  return result.ok ? [] : result.errors;
}

/**
 * The tables of the chosen templates, checked against the sheets and read
 * for what they hold: what the meanings are listed from.
 */
export function parseMappedTables(
  input: unknown,
  sheets: readonly SheetInfo[],
): Result<MappedTables> {
  const c = new Checker();
  if (!isObj(input)) {
    c.fail('The settings are missing; reopen the wizard.');
    return { ok: false, errors: c.errors };
  }
  const templates = checkTemplates(c.at('templates'), input.templates);
  const { raw, meetingLog } = checkTables(c, input, templates, sheets);
  if (c.errors.length > 0 || raw === undefined || meetingLog === undefined)
    return { ok: false, errors: c.errors };
  return { ok: true, value: { raw, meetingLog } };
}
