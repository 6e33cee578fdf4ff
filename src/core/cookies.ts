/**
 * The few cookie operations the module needs, on `document.cookie` directly. Names are
 * compared as strings, never looked up on an object (a cookie called "constructor" is just
 * a cookie), and every value of a name is returned: a neighbouring subdomain or another
 * path may have set a second cookie of the same name, and the browser then shows both.
 * Values are written as given; the decision record uses only characters a cookie may hold.
 */

export interface CookieAttributes {
  expires?: Date;
  path?: string;
  domain?: string;
  samesite?: 'Lax' | 'Strict';
  secure?: boolean;
}

/** Every cookie the page can see as [name, value], in the browser's order (longer paths first). */
function cookiePairs(): [string, string][] {
  return document.cookie
    .split(';')
    .filter((pair) => pair.trim())
    .map((pair) => {
      const at = pair.indexOf('=');
      return at < 0 ? ['', pair.trim()] : [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
    });
}

export function cookieNames(): string[] {
  return cookiePairs()
    .map(([name]) => name)
    .filter(Boolean);
}

/** Every value the page sees under `name`, in the browser's order. */
export function cookieValues(name: string): string[] {
  return cookiePairs()
    .filter(([candidate]) => candidate === name)
    .map(([, value]) => value);
}

export function setCookie(name: string, value: string, attributes: CookieAttributes): void {
  let cookie = `${name}=${value}`;
  for (const [key, setting] of Object.entries(attributes)) {
    if (setting === true) cookie += `; ${key}`;
    else if (setting) cookie += `; ${key}=${setting instanceof Date ? setting.toUTCString() : setting}`;
  }
  document.cookie = cookie;
}

/**
 * Deletes the cookie of that name set for exactly this path and domain (none: this host
 * only). On https the deletion is `Secure`: a secure cookie (a `__Host-` one) can only be
 * deleted so, and any other may be.
 */
export function removeCookie(name: string, attributes: { path: string; domain?: string }): void {
  setCookie(name, '', { ...attributes, expires: new Date(0), secure: location.protocol === 'https:' });
}

/** `www.news.example.org` -> [undefined (host-only), www.news.example.org, news.example.org, example.org]. */
export function candidateDomains(hostname = location.hostname): (string | undefined)[] {
  const domains: (string | undefined)[] = [undefined];
  if (/^[\d.]+$/.test(hostname) || hostname.includes(':')) return domains;
  const labels = hostname.split('.');
  for (let start = 0; start < labels.length - 1 || start === 0; start++) domains.push(labels.slice(start).join('.'));
  return domains;
}

/**
 * Every path a cookie visible on this page can have been set with: `/news/2026/a.html` ->
 * `/`, `/news`, `/news/`, `/news/2026`, `/news/2026/`, `/news/2026/a.html`.
 */
export function candidatePaths(pathname = location.pathname): string[] {
  const paths = new Set(['/']);
  for (let at = 0; (at = pathname.indexOf('/', at + 1)) > 0; ) paths.add(pathname.slice(0, at)).add(pathname.slice(0, at + 1));
  return [...paths.add(pathname)];
}

/**
 * Deletes every cookie of that name this page can reach: on this host and each parent
 * domain, for each path that leads here. Returns the values still visible after.
 */
export function removeEverywhere(name: string): string[] {
  for (const path of candidatePaths()) for (const domain of candidateDomains()) removeCookie(name, { path, domain });
  return cookieValues(name);
}
