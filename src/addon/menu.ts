/** The add-on's menu and sidebars (Google's editor add-on lifecycle). */

export const ADDON_TITLE = 'Funnel Math';
export const MENU_SETUP = 'Set up a funnel…';
export const MENU_REFERENCE = 'Function reference';
export const SIDEBAR_FILE = 'sidebar';
export const REFERENCE_FILE = 'reference';

/**
 * Builds the add-on menu. In AuthMode.NONE (before the user has authorised the
 * add-on in this document) only the menu may be touched: no properties, no cells.
 */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(MENU_SETUP, 'showSidebar')
    .addItem(MENU_REFERENCE, 'showReference')
    .addToUi();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

function showPage(file: string, title: string): void {
  const html = HtmlService.createHtmlOutputFromFile(file).setTitle(title);
  SpreadsheetApp.getUi().showSidebar(html);
}

export function showSidebar(): void {
  showPage(SIDEBAR_FILE, ADDON_TITLE);
}

export function showReference(): void {
  showPage(REFERENCE_FILE, `${ADDON_TITLE}: ${MENU_REFERENCE}`);
}
