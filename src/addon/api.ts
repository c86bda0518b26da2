/**
 * The calls the sidebar makes to the server, typed from the server module
 * (server.ts) for both sides: the sidebar's promise wrapper over
 * google.script.run and the playground's HTTP bridge are both typed from
 * `ServerApi`, so a renamed or re-typed server call breaks the build.
 *
 * Everything crossing this boundary is plain JSON (google.script.run cannot
 * carry Date objects or class instances).
 */
import type { SheetInfo } from '../workbook/workbook';
import type { Host } from './host';
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

/** A server call as the sidebar makes it: the host is the server's own business. */
type WithoutHost<F> = F extends (host: Host, ...args: infer A) => infer R
  ? (...args: A) => R
  : never;

/** The sidebar's calls, typed from server.ts itself: every function it exports is one. */
export type ServerApi = { [K in keyof typeof server]: WithoutHost<(typeof server)[K]> };

export type ServerCall = keyof ServerApi;
