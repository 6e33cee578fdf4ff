/**
 * The cookie declaration's built-in texts, one file per language (table/): the
 * `<consent-cookie-table>` element loads the one its page reads, and
 * `consent-banner-check --table` the one asked for.
 */
import type { TableTexts } from './keys.js';

export const TABLE_TEXT_FILES: Record<string, () => Promise<{ default: TableTexts }>> = {
  bg: () => import('./table/bg.js'),
  cs: () => import('./table/cs.js'),
  da: () => import('./table/da.js'),
  de: () => import('./table/de.js'),
  el: () => import('./table/el.js'),
  en: () => import('./table/en.js'),
  es: () => import('./table/es.js'),
  et: () => import('./table/et.js'),
  fi: () => import('./table/fi.js'),
  fr: () => import('./table/fr.js'),
  ga: () => import('./table/ga.js'),
  hr: () => import('./table/hr.js'),
  hu: () => import('./table/hu.js'),
  it: () => import('./table/it.js'),
  lt: () => import('./table/lt.js'),
  lv: () => import('./table/lv.js'),
  mt: () => import('./table/mt.js'),
  nl: () => import('./table/nl.js'),
  pl: () => import('./table/pl.js'),
  pt: () => import('./table/pt.js'),
  ro: () => import('./table/ro.js'),
  sk: () => import('./table/sk.js'),
  sl: () => import('./table/sl.js'),
  sv: () => import('./table/sv.js'),
};

/** The loader of `language`'s table texts; English for a language without them. */
export const tableTextFile = (language: string): (() => Promise<{ default: TableTexts }>) => TABLE_TEXT_FILES[Object.hasOwn(TABLE_TEXT_FILES, language) ? language : 'en'];
