/**
 * A CRM export's stage-date header as the stage it names: HubSpot's
 * "Became a Marketing Qualified Lead Date" and its newer
 * `Date entered "Marketing Qualified Lead (Lifecycle Stage Pipeline)"` both
 * name Marketing Qualified Lead; "Create Date" and Salesforce's "Created
 * Date" name Created. Any other header is its own stage name, so an export
 * nobody foresaw still works.
 */
import { channelName } from '../sheets/labels';

const BECAME = /^became an? (.+?) date$/i;
const DATE_ENTERED = /^date entered "?(.+?)(?: \([^)]*\))?"?$/i;
const CREATED = /^creat(?:e|ed|ion) date$/i;

export function stageName(header: string): string {
  const text = channelName(header);
  if (CREATED.test(text)) return 'Created';
  const m = BECAME.exec(text) ?? DATE_ENTERED.exec(text);
  return m ? m[1]! : text;
}
