/**
 * Deletes the declared cookies of every service that is not granted: after a
 * refusal, after a withdrawal, and on page load for anything set without consent.
 * A cookie can only be deleted with the domain and path it was set with, and a
 * script does not say which it used, so every likely pair is tried: the host and
 * each parent domain, `/`, each folder of the current URL (a cookie set without a
 * path gets the page's folder), and any domain and path the config declares.
 */
import type { CookieConfig } from './config-schema.js';
import { declaredName, matchesCookieName } from './cookie-names.js';
import { candidateDomains, candidatePaths, cookieNames, removeCookie } from './cookies.js';
import type { ConsentStore } from './store.js';

/** Deletes the cookies that match the declarations (a name, a wildcard name or a v1 pattern, and any declared path and domain); returns the names it deleted. */
export function deleteCookies(declared: Pick<CookieConfig, 'name' | 'pattern' | 'path' | 'domain'>[]): string[] {
  const present = cookieNames();
  const deleted = new Set<string>();
  for (const cookie of declared) {
    const declaredAs = declaredName(cookie);
    // Deleting costs a cookie write per domain and path, on every page view: only for cookies
    // that are there, or that may sit on a declared path where this page cannot see them.
    const names = declaredAs.includes('*') ? present.filter((name) => matchesCookieName(name, declaredAs)) : present.includes(declaredAs) || cookie.path ? [declaredAs] : [];
    for (const name of names) {
      for (const path of new Set([...candidatePaths(), cookie.path ?? '/'])) {
        for (const domain of new Set([...candidateDomains(), cookie.domain])) removeCookie(name, { path, domain });
      }
      if (present.includes(name)) deleted.add(name);
    }
  }
  return [...deleted];
}

/** Keeps the page free of cookies of services that are not granted, now and after each change. */
export function startCleaner(store: ConsentStore): () => void {
  const clean = () => {
    if (!store.ready) return;
    for (const category of store.config!.categories) {
      for (const service of category.services) {
        // The cookies of a justified reduced mode are the adapter's to delete when that mode stops.
        if (service.cookies && !store.isGranted(service.id)) deleteCookies(service.cookies.filter((cookie) => !(cookie.reducedMode && service.necessaryJustification)));
      }
    }
  };
  clean();
  return store.subscribe(clean);
}
