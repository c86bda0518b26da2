/**
 * Every top-level name Apps Script may call besides the custom functions:
 * the build generates one forwarding function with JSDoc for each. The docs
 * are keyed by what index.ts exports, with one parameter name per parameter,
 * so a new export without its docs, or a changed parameter list, fails tsc.
 */
import type { ServerApi } from './api';
import type * as surface from './index';

/** What the build needs to write one forwarding function. */
export interface EntryPoint {
  /** The top-level name Apps Script calls. */
  name: string;
  /** Where it lives in the bundle's global: `onOpen`, `sidebarCalls.writeTemplates`. */
  target: string;
  params: string[];
  doc: string;
}

/** One name per parameter of `F`, optional ones included. */
type ParamNames<F> = F extends (...args: infer A) => unknown ? { [K in keyof A]-?: string } : never;

interface EntryDoc<F> {
  params: ParamNames<F>;
  doc: string;
}

type Menu = Omit<typeof surface, 'functions' | 'sidebarCalls'>;

const MENU: { [K in keyof Menu]: EntryDoc<Menu[K]> } = {
  onOpen: { params: ['e'], doc: 'Adds the Funnel Math menu when the spreadsheet opens.' },
  onInstall: { params: ['e'], doc: 'Adds the menu right after the add-on is installed.' },
  showSidebar: { params: [], doc: 'Opens the set-up wizard in the sidebar.' },
  showReference: { params: [], doc: 'Opens the function reference in the sidebar.' },
};

const SIDEBAR: { [K in keyof ServerApi]: EntryDoc<ServerApi[K]> } = {
  readWorkbook: {
    params: ['request'],
    doc: 'Sidebar call: the tabs with their header rows, the columns asked for and, when asked, the saved settings, with a fingerprint of what was read.',
  },
  writeTemplates: {
    params: ['request'],
    doc: 'Sidebar call: writes the templates the sidebar built, on new tabs or rebuilt in place on tabs the add-on made, if what they were built from has not changed.',
  },
};

function entries(docs: Record<string, EntryDoc<never>>, prefix: string): EntryPoint[] {
  return Object.entries(docs).map(([name, { params, doc }]) => ({
    name,
    target: `${prefix}${name}`,
    params: [...(params as readonly string[])],
    doc,
  }));
}

export const ENTRY_POINTS: readonly EntryPoint[] = [
  ...entries(MENU, ''),
  ...entries(SIDEBAR, 'sidebarCalls.'),
];
