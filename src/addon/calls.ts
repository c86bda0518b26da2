/**
 * The sidebar's calls bound to a host: Apps Script binds them to the active
 * spreadsheet (index.ts), the playground to its memory workbook. The host is
 * made per call, so nothing touches a Google service until a call arrives.
 */
import type { ReadRequest, ServerApi, WriteRequest } from './api';
import type { Host } from './host';
import * as server from './server';

export function bindCalls(host: () => Host) {
  return {
    readWorkbook: (request: ReadRequest) => server.readWorkbook(host(), request),
    writeTemplates: (request: WriteRequest) => server.writeTemplates(host(), request),
  } satisfies ServerApi;
}
