/**
 * The one public surface of the Apps Script bundle: every name Apps Script
 * may call is exported here, and the build forwards top-level functions to
 * it (entrypoints.ts documents each export; tsc refuses one without docs).
 */
import { FUNCTIONS } from '../metrics/catalogue';
import { useCalendar } from '../sheets/dates';
import { appsScriptHost } from './apps-script-host';
import { appsScriptCalendar } from './calendar';
import { bindCalls } from './calls';

export { onInstall, onOpen, showReference, showSidebar } from './menu';

/** The sidebar's calls (google.script.run), on the active spreadsheet. */
export const sidebarCalls = bindCalls(appsScriptHost);

// Reads nothing until a function meets a date: loading the bundle calls no service.
useCalendar(appsScriptCalendar());

/** The custom functions, by name. */
export const functions = FUNCTIONS;
