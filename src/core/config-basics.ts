/**
 * What the page needs of the config's rules at run time, apart from the schema itself
 * (config-schema.ts), which the drop-in loads only to validate an unstamped config.
 */

/**
 * URLs come from config, so only web pages may pass: http, https, or relative to the page.
 * The scheme is read from the parsed URL, never from the string: the parser drops leading
 * controls and spaces and every tab and line break, so "\tjava\nscript:" is `javascript:`.
 */
export const isWebUrl = (url: string): boolean => /^https?:$/.test(URL.canParse(url, 'http://h') ? new URL(url, 'http://h').protocol : '');

/** At most 13 months (395 days): the longest any authority accepts for keeping a choice. */
export const MAX_EXPIRES_DAYS = 395;
export const DEFAULT_EXPIRES_DAYS = 182;

/** `['categories', 1, 'id']` -> `$.categories[1].id`: the form every config error names. */
export function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : `${out}.${key}`), '$');
}

