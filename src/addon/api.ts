/**
 * The calls the sidebar makes to the server, typed from the server module
 * (server.ts) for both sides: the sidebar's promise wrapper over
 * google.script.run and the playground's HTTP bridge are both typed from
 * `ServerApi`, so a renamed or re-typed server call breaks the build.
 *
 * Everything crossing this boundary is plain JSON (google.script.run cannot
 * carry Date objects or class instances).
 */
import type { Plan } from '../workbook/plan';
import type { ColumnRef, WorkbookView } from '../workbook/snapshot';
import type { SheetInfo } from '../workbook/workbook';
import type { Host } from './host';
import type { Meanings } from './meanings';
import type * as server from './server';
import type { Settings, TemplateId } from './settings';

export type { SheetInfo };

/** A setting that needs fixing, placed next to its field in the sidebar. */
export interface FieldError {
  /** Dotted path into Settings: "stages.2.rate", "economics.dealSize", "channels.columns.spend". */
  field: string;
  /** Says what to fix: "Enter a rate between 0% and 100% (you entered 140)". */
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export interface SetupState {
  /** The settings saved for this document, or the defaults. */
  settings: Settings;
  /** True when `settings` were saved earlier for this document. */
  saved: boolean;
  sheets: SheetInfo[];
}

/** What Create will make, shown on the preview step. */
export interface PreviewItem {
  template: TemplateId;
  /** The unique tab name it will get as a new tab, e.g. "Funnel plan (2)". */
  tabName: string;
  /**
   * The tabs the add-on made for this template already (found by their
   * developer metadata, never by name), in tab order: Create may rebuild one
   * in place instead of adding a new tab.
   */
  existing: string[];
  /** A few lines describing the tab's contents and headline numbers. */
  lines: string[];
}

/** For each template to rebuild in place, the tab the add-on made for it (a PreviewItem's `existing`). */
export type TabUpdates = Partial<Record<TemplateId, string>>;

export interface Created {
  /** The tabs written, new or rebuilt in place, in the order they were written. */
  tabs: string[];
  /** Those of `tabs` that were rebuilt in place; absent when none was. */
  updated?: string[];
  /** Things the user should know that did not stop the tabs being made. */
  warnings?: string[];
}

/** What the sidebar reads: the tabs, the columns asked for and, when asked, the saved settings. */
export interface ReadRequest {
  columns: ColumnRef[];
  /** Also read the settings saved for this document. */
  saved?: boolean;
}

export interface ReadReply {
  view: WorkbookView;
  /** The saved settings as stored (the sidebar parses them), null when none; absent unless asked. */
  saved?: string | null;
}

/** What Create sends: the plans the sidebar built and what they were built from. */
export interface WriteRequest {
  /** The settings to remember for next time, as the sidebar checked them. */
  settings: Settings;
  plans: Plan[];
  /** For each template to rebuild in place, the tab the add-on made for it. */
  updates: TabUpdates;
  /** The columns the plans were built from, and the fingerprint of that reading. */
  columns: ColumnRef[];
  fingerprint: string;
}

/** The field of a write's failure that says the spreadsheet changed since it was read: read and build again. */
export const CHANGED_SINCE_READ = 'workbook';

/**
 * The wizard's calls: the settings checked, the meanings suggested, the
 * preview and Create. They run in the sidebar (planner.ts) over the server's
 * two calls.
 */
export interface WizardApi {
  getSetupState(): SetupState;
  suggestMeanings(settings: Settings): Result<Meanings>;
  previewTemplates(settings: Settings): Result<PreviewItem[]>;
  createTemplates(settings: Settings, updates?: TabUpdates): Result<Created>;
}

/** The same calls as the sidebar makes them, each a round trip (or a few) to the server. */
export type AsyncWizardApi = {
  [K in keyof WizardApi]: (...args: Parameters<WizardApi[K]>) => Promise<ReturnType<WizardApi[K]>>;
};

/** A server call as the sidebar makes it: the host is the server's own business. */
type WithoutHost<F> = F extends (host: Host, ...args: infer A) => infer R
  ? (...args: A) => R
  : never;

/** The sidebar's calls, typed from server.ts itself: every function it exports is one. */
export type ServerApi = { [K in keyof typeof server]: WithoutHost<(typeof server)[K]> };

export type ServerCall = keyof ServerApi;

/** The server's calls as the sidebar makes them, over google.script.run or the playground's bridge. */
export type AsyncServerApi = {
  [K in ServerCall]: (...args: Parameters<ServerApi[K]>) => Promise<ReturnType<ServerApi[K]>>;
};
