/**
 * Every problem the module meets (a broken config, an unreadable consent cookie,
 * blocked storage, gating markup that names no known id, a file of the library that did
 * not load, a Content-Security-Policy that refuses it, a consent receipt the browser would
 * not send) is reported the same way:
 * `console.error` for the developer and a `consent-error` event for the site.
 */
export type ConsentErrorKind = 'config' | 'cookie' | 'storage' | 'markup' | 'load' | 'csp' | 'log';

export interface ConsentErrorDetail {
  kind: ConsentErrorKind;
  /** Where the problem is: a JSON path into the config (`$.categories[1].id`), a cookie name, the markup, a file or a CSP directive. */
  path: string;
  message: string;
}

/**
 * Reports a problem: `kind`, `path` and `message` make the event's detail. `log`: `console.warn`
 * for what the page works around (a required service that waits for consent). (Arguments, not
 * a detail object: the entry calls this in a dozen places, and every page view downloads them.)
 */
export function reportError(kind: ConsentErrorKind, path: string, message: string, log = console.error): void {
  log(`[consent-banner] ${kind} error at ${path}: ${message}`);
  document.dispatchEvent(new CustomEvent<ConsentErrorDetail>('consent-error', { detail: { kind, path, message }, bubbles: true, composed: true }));
}
