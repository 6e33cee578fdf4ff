/**
 * Declared cookie names: a plain name, or a wildcard form where `*` stands for any run of
 * characters (`"_pk_id.*"`). Visitors read them in the settings as written, and matching
 * needs no regular expression: nothing in a config can make a page view slow.
 *
 * The v1 `pattern` (a regular expression) keeps working when it says no more than a
 * wildcard can: anchors, literal characters, escaped punctuation and `.*` / `.+`. It is
 * rewritten to the wildcard form once, when the config is read; anything else is a
 * config error, so no pattern ever runs as a regular expression.
 */

/** `^_pk_id\.` -> `_pk_id.*`, `_ga$` -> `*_ga`; null when the pattern says more than a wildcard can. */
export function patternToWildcard(pattern: string): string | null {
  const anchoredStart = pattern.startsWith('^');
  const rest = anchoredStart ? pattern.slice(1) : pattern;
  const anchoredEnd = /(^|[^\\])\$$/.test(rest);
  const body = anchoredEnd ? rest.slice(0, -1) : rest;
  // Escaped punctuation (but not "\*": a literal star cannot be told from the wildcard),
  // ".*" or ".+", and characters without a special meaning. No nesting, so no backtracking.
  if (!/^(?:\\[^A-Za-z0-9*]|\.[*+]|[^\\^$.|?*+()[\]{}])*$/.test(body)) return null;
  const wildcard = (anchoredStart ? '' : '*') + body.replace(/\\(.)|\.[*+]/g, (_, escaped?: string) => escaped ?? '*') + (anchoredEnd ? '' : '*');
  return wildcard.replace(/\*+/g, '*');
}

/** Whether a cookie name matches a declared name (with `*` wildcards), in time linear in the name. */
export function matchesCookieName(name: string, declared: string): boolean {
  const [first, ...rest] = declared.split('*');
  if (!rest.length) return name === declared;
  if (!name.startsWith(first)) return false;
  const last = rest.pop()!;
  let at = first.length;
  for (const part of rest) {
    const found = name.indexOf(part, at);
    if (found < 0) return false;
    at = found + part.length;
  }
  return name.length - last.length >= at && name.endsWith(last);
}

/**
 * The name a declared cookie is matched and shown by: its `name`, or its v1 `pattern` as a
 * wildcard; "" for neither (a config the check refuses, which the whole-config checks still see).
 */
export const declaredName = (cookie: { name?: string; pattern?: string }): string => cookie.name ?? (cookie.pattern && patternToWildcard(cookie.pattern)) ?? '';
