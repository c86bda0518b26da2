/**
 * The calls the sidebar makes to the server, typed once for both sides:
 * the sidebar's promise wrapper over google.script.run and the playground's
 * HTTP bridge are both typed from `ServerApi`.
 *
 * Everything crossing this boundary is plain JSON (google.script.run cannot
 * carry Date objects or class instances).
 */
import type { SheetInfo } from '../workbook/workbook';
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
  /** The unique tab name it will get, e.g. "Funnel plan (2)". */
  tabName: string;
  /** A few lines describing the tab's contents and headline numbers. */
  lines: string[];
}

export interface Created {
  /** The new tabs, in the order they were made. */
  tabs: string[];
  /** Things the user should know that did not stop the tabs being made. */
  warnings?: string[];
}

export interface ServerApi {
  getSetupState(): SetupState;
  previewTemplates(settings: Settings): Result<PreviewItem[]>;
  createTemplates(settings: Settings): Result<Created>;
}

export type ServerCall = keyof ServerApi;
