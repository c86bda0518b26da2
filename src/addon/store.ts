/** The wizard's last settings, saved per document and parsed again when read back. */
import type { SettingsStore } from './host';
import { settingsToday } from './saved-settings';
import type { Settings } from './settings';
import { parseSettings } from './validate';

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

/**
 * The saved settings if they are there and still valid in shape, else null.
 * Settings an earlier version saved are brought to today's shape first
 * (saved-settings.ts), keeping every value set. They go through the same
 * parser as the sidebar's, so what comes back is typed and trimmed, and
 * fields the parser does not know stay behind.
 */
export function loadSettings(store: SettingsStore): Settings | null {
  let text: string | null;
  try {
    text = store.read();
  } catch {
    return null;
  }
  if (!text) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  // Mapped sheets may have been renamed since; the wizard shows that when it validates.
  const result = parseSettings(settingsToday(parsed));
  return result.ok ? result.value : null;
}

/** Saves the settings; false when they are too large for one document property. */
export function saveSettings(store: SettingsStore, settings: Settings): boolean {
  const text = JSON.stringify(settings);
  if (utf8Length(text) > PROPERTY_VALUE_LIMIT) return false;
  store.write(text);
  return true;
}
