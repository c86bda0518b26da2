/**
 * The one public surface of the Apps Script bundle: every name Apps Script
 * may call is exported here, and the build forwards top-level functions to it.
 */
import { FUNCTIONS } from '../metrics/catalogue';

export { onInstall, onOpen, showReference, showSidebar } from './menu';

/** The custom functions, by name. */
export const functions = FUNCTIONS;
