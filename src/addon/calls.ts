/**
 * The sidebar's calls bound to a host: Apps Script binds them to the active
 * spreadsheet (index.ts), the playground to its memory workbook. The host is
 * made per call, so nothing touches a Google service until a call arrives.
 */
import type { ServerApi, TabUpdates } from './api';
import type { Host } from './host';
import * as server from './server';
import type { Settings } from './settings';

export function bindCalls(host: () => Host) {
  return {
    getSetupState: () => server.getSetupState(host()),
    suggestMeanings: (settings: Settings) => server.suggestMeanings(host(), settings),
    previewTemplates: (settings: Settings) => server.previewTemplates(host(), settings),
    createTemplates: (settings: Settings, updates?: TabUpdates) =>
      server.createTemplates(host(), settings, updates),
  } satisfies ServerApi;
}
