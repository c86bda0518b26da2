/**
 * The one public surface of the Apps Script bundle: every name Apps Script
 * may call is exported here, and the build forwards top-level functions to it.
 */
import { FUNCTIONS } from '../metrics/catalogue';

import type { Created, PreviewItem, Result, SetupState } from './api';
import { appsScriptHost } from './apps-script-host';
import * as server from './server';
import type { Settings } from './settings';

export { onInstall, onOpen, showReference, showSidebar } from './menu';

/** The sidebar's calls (google.script.run), on the active spreadsheet. */
export function getSetupState(): SetupState {
  return server.getSetupState(appsScriptHost());
}

export function previewTemplates(settings: Settings): Result<PreviewItem[]> {
  return server.previewTemplates(appsScriptHost(), settings);
}

export function createTemplates(settings: Settings): Result<Created> {
  return server.createTemplates(appsScriptHost(), settings);
}

/** The custom functions, by name. */
export const functions = FUNCTIONS;
