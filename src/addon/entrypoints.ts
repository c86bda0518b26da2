/**
 * Every top-level name Apps Script may call besides the custom functions:
 * the build generates one forwarding function with JSDoc for each.
 */
export interface EntryPoint {
  name: string;
  params: string[];
  doc: string;
}

export const ENTRY_POINTS: readonly EntryPoint[] = [
  { name: 'onOpen', params: ['e'], doc: 'Adds the Funnel Math menu when the spreadsheet opens.' },
  { name: 'onInstall', params: ['e'], doc: 'Adds the menu right after the add-on is installed.' },
  { name: 'showSidebar', params: [], doc: 'Opens the set-up wizard in the sidebar.' },
  { name: 'showReference', params: [], doc: 'Opens the function reference in the sidebar.' },
  {
    name: 'getSetupState',
    params: [],
    doc: 'Sidebar call: the saved settings (or the defaults) and the sheets with their headers.',
  },
  {
    name: 'previewTemplates',
    params: ['settings'],
    doc: 'Sidebar call: checks the settings and describes the tabs Create would make.',
  },
  {
    name: 'createTemplates',
    params: ['settings'],
    doc: 'Sidebar call: checks the settings and writes the chosen templates on new tabs.',
  },
];
