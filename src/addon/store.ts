/**
 * The wizard's last settings, saved per document as the text the sidebar
 * sends; the sidebar parses them again when it reads them back
 * (saved-settings.ts).
 */
import type { SettingsStore } from './host';

/** PropertiesService keeps at most 9 KB in one value. */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;

/** Bytes in UTF-8, without TextEncoder (Apps Script has none). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      k++;
    } else bytes += 3;
  }
  return bytes;
}

/** Saves the settings' text; false when it is too large for one document property. */
export function saveSettingsText(store: SettingsStore, text: string): boolean {
  if (utf8Length(text) > PROPERTY_VALUE_LIMIT) return false;
  store.write(text);
  return true;
}
