/**
 * Config texts in the visitor's language. Only what shows them (the dialog, the settings,
 * the placeholder, the cookie table) needs this, so it sits with their shared code, not in
 * what every page view runs.
 */
import type { LocalizedText } from '../../core/config-schema.js';

/** Picks the text for a language: that language, else English, else the first one given. */
export function localize(text: LocalizedText | undefined, language: string): string {
  if (text === undefined || typeof text === 'string') return text ?? '';
  return text[language] ?? text.en ?? Object.values(text)[0] ?? '';
}
