/**
 * Which built-in texts the dialog, its settings layer and the embed placeholder speak, and
 * loading them: each language is a file of its own (ui/), and a page downloads only the
 * one its visitor reads, and of that only the parts it shows (TEXT_PARTS). The drop-in
 * keeps this file in the Lit chunk (rollup.config.mjs): the banner loads it beside the
 * dialog's code, and `<consent-embed>` beside the placeholder's, so a returning visitor's
 * page downloads none of it, and Lit is on its way before the code that needs it arrives.
 */
import type { ConsentConfig } from '../core/config-schema.js';
import type { PartTexts, TextPart, UiTexts } from './keys.js';

/** Each language's file. In the drop-in, a part's file for the part asked for (see above). */
export const UI_TEXT_FILES: Record<string, (part: TextPart) => Promise<{ default: Partial<UiTexts> }>> = {
  bg: () => import('./ui/bg.js'),
  cs: () => import('./ui/cs.js'),
  da: () => import('./ui/da.js'),
  de: () => import('./ui/de.js'),
  el: () => import('./ui/el.js'),
  en: () => import('./ui/en.js'),
  es: () => import('./ui/es.js'),
  et: () => import('./ui/et.js'),
  fi: () => import('./ui/fi.js'),
  fr: () => import('./ui/fr.js'),
  ga: () => import('./ui/ga.js'),
  hr: () => import('./ui/hr.js'),
  hu: () => import('./ui/hu.js'),
  it: () => import('./ui/it.js'),
  lt: () => import('./ui/lt.js'),
  lv: () => import('./ui/lv.js'),
  mt: () => import('./ui/mt.js'),
  nl: () => import('./ui/nl.js'),
  pl: () => import('./ui/pl.js'),
  pt: () => import('./ui/pt.js'),
  ro: () => import('./ui/ro.js'),
  sk: () => import('./ui/sk.js'),
  sl: () => import('./ui/sl.js'),
  sv: () => import('./ui/sv.js'),
};

/**
 * The language the texts are in, for a page or element in `requested` (a primary code such
 * as "fr"): that language when there are texts for it (built in, or in the config's
 * `texts`) and the config's `languages` (if given) lists it; English otherwise, so that no
 * English is ever marked as another language.
 */
export const textLanguage = (config: ConsentConfig, requested: string): string =>
  (Object.hasOwn(UI_TEXT_FILES, requested) || config.texts?.[requested]) && (config.languages?.includes(requested) ?? true) ? requested : 'en';

/**
 * What loadChunk needs to load `language`'s built-in texts of `part` (English for a
 * language without them): the importer, and the file's name for a report (its hash aside).
 * (A browser keeps a module it loaded: asking again costs nothing. This file imports
 * nothing at run time, so that the build can keep it with Lit without pulling the entry's
 * code after it.)
 */
export function uiTextFile(language: string, part: TextPart): [() => Promise<{ default: Partial<UiTexts> }>, string] {
  const known = Object.hasOwn(UI_TEXT_FILES, language) ? language : 'en';
  return [() => UI_TEXT_FILES[known](part), `texts-${part}-${known}.js`];
}

/**
 * The texts of `part` in `language`: its built-in ones under the config's overrides. (The
 * type says which keys a part has; the drop-in's files hold just those, the source files
 * every key.)
 */
export const partTexts = <P extends TextPart>(config: ConsentConfig, language: string, _part: P, builtIn: { default: Partial<UiTexts> }): PartTexts<P> =>
  ({ ...builtIn.default, ...config.texts?.[language] }) as PartTexts<P>;
