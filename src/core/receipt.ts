/**
 * Proof of consent (GDPR Art. 7(1)): one receipt per decision made on this page — in the
 * dialog, from a placeholder or by a browser signal; another tab's decision has its own —
 * sent with `navigator.sendBeacon` to the config's `log.endpoint`, where the consent-log
 * server (server/) stores it. A file of its own: it loads only when a decision is made
 * on a site that keeps a log, so returning visitors never download it.
 *
 * A receipt holds what proves the decision and nothing about the visitor: the consent id
 * (also in their cookie and shown in the settings layer), when, the config revision and
 * the hash of the config they saw (whose texts the server keeps as a snapshot), how they
 * decided, the granted and refused services, the language, the library version, and the
 * page's path (no query, no fragment). The server never learns more from the beacon than
 * any request tells it; it stores no address.
 */
import { languageOf } from './config.js';
import { configHash } from './config-hash.js';
import type { ConsentConfig } from './config-schema.js';
import { reportError } from './errors.js';
import type { DecisionRecord } from './record.js';
import { VERSION } from '../version.js';

/** A log endpoint: a path on this site, or an https: URL (the check CLI's schema holds configs to it too). */
export const ENDPOINT_PATTERN = /^(\/(?!\/)|https:\/\/)/;

/** The receipt of a decision, as the log server takes it (server/app.mjs checks every field). */
export interface Receipt {
  consentId: string;
  decidedAt: number;
  revision: number;
  configHash: string;
  method: DecisionRecord['method'];
  granted: string[];
  denied: string[];
  lang: string;
  version: string;
  path: string;
}

export function receiptOf(config: ConsentConfig, record: DecisionRecord, granted: string[], denied: string[]): Receipt {
  return {
    consentId: record.consentId,
    decidedAt: record.decidedAt,
    revision: record.revision,
    configHash: configHash(config),
    method: record.method,
    granted,
    denied,
    // The dialog's language (its own `lang`, else the page's): the texts the visitor read.
    lang: languageOf(document.querySelector('consent-banner') ?? document.documentElement),
    version: VERSION,
    // The server takes at most 1,024 characters of path; a longer one would lose the receipt.
    path: location.pathname.slice(0, 1024),
  };
}

/**
 * Sends the receipt. Says why not when the endpoint is neither a path here nor https (a
 * consent id must not travel in clear to another site) or when the browser refuses it (a
 * full beacon queue, a Content-Security-Policy).
 */
export function sendReceipt(config: ConsentConfig, record: DecisionRecord, granted: string[], denied: string[]): void {
  const endpoint = config.log!.endpoint;
  let sent = false;
  try {
    sent = ENDPOINT_PATTERN.test(endpoint) && navigator.sendBeacon(endpoint, JSON.stringify(receiptOf(config, record, granted, denied)));
  } catch {
    // An endpoint that is no URL: said below.
  }
  if (!sent) reportError('log', '$.log.endpoint', `the receipt of consent id ${record.consentId} was not sent to "${endpoint}" (a path on this site or an https: URL, allowed by the page's Content-Security-Policy)`);
}
