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

/** `log`: `console.warn` for what the page works around (a required service that waits for consent). */
export function reportError(detail: ConsentErrorDetail, log = console.error): void {
  log(`[consent-banner] ${detail.kind} error at ${detail.path}: ${detail.message}`);
  document.dispatchEvent(new CustomEvent<ConsentErrorDetail>('consent-error', { detail, bubbles: true, composed: true }));
}
