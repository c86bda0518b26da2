/**
 * The Full funnel's part of the wizard's draft: the contacts sheet with its
 * source column and its stage-date columns in funnel order, the deals sheet,
 * and the view. Columns are suggested from the headers CRMs export
 * (export-headers.ts), the stage columns in lifecycle order; the user may
 * reorder, remove and add them.
 */
import type { FunnelData, FunnelView, SheetColumns } from '../addon/settings';
import {
  bestSheet,
  CONTACT_FIELDS,
  CONTACTS_TABLE,
  DEAL_FIELDS,
  DEALS_TABLE,
  type DealField,
  suggestTable,
} from '../workbook/export-headers';
import type { SheetInfo } from '../workbook/workbook';

export interface FunnelDraft {
  contacts: { sheet: string; channel: string; stages: string[] };
  deals: SheetColumns<DealField>;
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

const noDeals = (): SheetColumns<DealField> => ({
  sheet: '',
  columns: Object.fromEntries(DEAL_FIELDS.map((f) => [f, ''])) as Record<DealField, string>,
});

/** The saved Full funnel, or the likeliest contacts and deals sheets of this spreadsheet. */
export function funnelDraft(saved: FunnelData | null, sheets: readonly SheetInfo[]): FunnelDraft {
  if (saved) {
    return {
      contacts: { ...saved.contacts, stages: [...saved.contacts.stages] },
      deals: {
        sheet: saved.deals.sheet,
        columns: { ...noDeals().columns, ...saved.deals.columns },
      },
      view: saved.view,
    };
  }
  const contacts = bestSheet(sheets, CONTACTS_TABLE);
  const deals = bestSheet(sheets, DEALS_TABLE);
  return {
    contacts: contacts
      ? suggestContacts(contacts.sheet.name, contacts.sheet.headers)
      : { sheet: '', channel: '', stages: [] },
    deals: deals ? { sheet: deals.sheet.name, columns: deals.columns } : noDeals(),
    view: 'activity',
  };
}

/** What the server gets: null while neither sheet is picked, so it asks for them as a whole. */
export function funnelSettings(draft: FunnelDraft): FunnelData | null {
  const { contacts, deals, view } = draft;
  if (contacts.sheet === '' && deals.sheet === '') return null;
  return {
    contacts: { ...contacts, stages: [...contacts.stages] },
    deals: { sheet: deals.sheet, columns: { ...deals.columns } },
    view,
  };
}
