/**
 * The Full funnel's part of the wizard's draft: the contacts sheet with its
 * source column and its stage-date columns in funnel order, and the view.
 * Columns are suggested from the headers CRMs export (export-headers.ts), the
 * stage columns in lifecycle order; the user may reorder, remove and add
 * them. Its deals sheet is the raw data's (model.ts).
 */
import type { FunnelData, FunnelView } from '../addon/settings';
import {
  bestSheet,
  CONTACT_FIELDS,
  CONTACTS_TABLE,
  suggestTable,
} from '../workbook/export-headers';
import type { SheetInfo } from '../workbook/workbook';

export interface FunnelDraft {
  contacts: { sheet: string; channel: string; stages: string[] };
  view: FunnelView;
}

/** The lifecycle fields of a contacts export, first stage first. */
const STAGE_FIELDS = CONTACT_FIELDS.filter((f) => f !== 'channel');

/** A contacts sheet's source column and stage columns as its headers suggest them. */
export function suggestContacts(
  sheet: string,
  headers: readonly string[],
): FunnelDraft['contacts'] {
  const { columns } = suggestTable(headers, CONTACTS_TABLE);
  return {
    sheet,
    channel: columns.channel,
    stages: STAGE_FIELDS.map((f) => columns[f]).filter((h) => h !== ''),
  };
}

/** The saved Full funnel, or the likeliest contacts sheet of this spreadsheet. */
export function funnelDraft(saved: FunnelData | null, sheets: readonly SheetInfo[]): FunnelDraft {
  if (saved) {
    return {
      contacts: { ...saved.contacts, stages: [...saved.contacts.stages] },
      view: saved.view,
    };
  }
  const contacts = bestSheet(sheets, CONTACTS_TABLE);
  return {
    contacts: contacts
      ? suggestContacts(contacts.sheet.name, contacts.sheet.headers)
      : { sheet: '', channel: '', stages: [] },
    view: 'activity',
  };
}

/** What the server gets: null while no contacts sheet is picked, so it asks for one. */
export function funnelSettings(draft: FunnelDraft): FunnelData | null {
  const { contacts, view } = draft;
  if (contacts.sheet === '') return null;
  return { contacts: { ...contacts, stages: [...contacts.stages] }, view };
}
