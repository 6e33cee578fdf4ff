/**
 * The decision record as it travels in the consent cookie. It is sent with every
 * request to the site, so it is a compact dotted string rather than JSON:
 *
 *   1.<consent id>.<decision time, seconds, base 36>.<revision>.<method>.<granted>.<denied>.<check>
 *
 * e.g. `1.k3x9q0m2ab7c.t5m0qz.2.c.econda.youtube~twitter.1x2k9a`. The check (a hash of
 * everything before it) catches a truncated or edited value; it is no signature. Services of required
 * (necessary) categories are never stored: they are always on. Ids are lower-case
 * letters, digits, "-" and "_" (the config schema enforces it), so "." and "~" are
 * free to separate fields and list items and nothing needs escaping.
 */
/** How the decision was made: in the dialog, from a placeholder, or by a browser signal (Global Privacy Control, Do Not Track). */
export type DecisionMethod = 'accept-all' | 'reject-all' | 'custom' | 'placeholder' | 'gpc' | 'dnt';

export interface DecisionRecord {
  consentId: string;
  /** Milliseconds since the epoch (stored with second precision). */
  decidedAt: number;
  revision: number;
  method: DecisionMethod;
  granted: string[];
  denied: string[];
}

const METHOD_CODES: Record<DecisionMethod, string> = {
  'accept-all': 'a',
  'reject-all': 'r',
  custom: 'c',
  placeholder: 'p',
  gpc: 'g',
  dnt: 'd',
};

const ID_LIST = '(?:[a-z0-9][a-z0-9_-]{0,39}(?:~[a-z0-9][a-z0-9_-]{0,39})*)?';
const RECORD_PATTERN = new RegExp(`^(1\\.([a-z0-9]{12})\\.([a-z0-9]{1,8})\\.(\\d{1,9})\\.([arcpgd])\\.(${ID_LIST})\\.(${ID_LIST}))\\.([a-z0-9]{1,7})$`);
/** Allowed clock difference between the machine that wrote the record and this one. */
const CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

/** FNV-1a, 32 bits, in base 36. */
function checksum(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return (hash >>> 0).toString(36);
}

export function encodeRecord(record: DecisionRecord): string {
  const body = [
    '1',
    record.consentId,
    Math.floor(record.decidedAt / 1000).toString(36),
    record.revision,
    METHOD_CODES[record.method],
    record.granted.join('~'),
    record.denied.join('~'),
  ].join('.');
  return `${body}.${checksum(body)}`;
}

/** Reads a stored record; returns a sentence saying what is wrong when it cannot be trusted. */
export function decodeRecord(value: string, now = Date.now()): DecisionRecord | string {
  const match = RECORD_PATTERN.exec(value);
  if (!match) return 'is unreadable, truncated or changed';
  const [, body, consentId, time, revision, methodCode, granted, denied, check] = match;
  if (checksum(body) !== check) return 'is truncated or changed (check value)';
  const decidedAt = parseInt(time, 36) * 1000;
  if (decidedAt > now + CLOCK_SKEW_MS) return 'was decided in the future';
  const grantedIds = granted ? granted.split('~') : [];
  const deniedIds = denied ? denied.split('~') : [];
  if (grantedIds.some((id) => deniedIds.includes(id))) return 'grants and denies the same service';
  const method = (Object.keys(METHOD_CODES) as DecisionMethod[]).find((key) => METHOD_CODES[key] === methodCode)!;
  return { consentId, decidedAt, revision: Number(revision), method, granted: grantedIds, denied: deniedIds };
}

/** 12 random base-36 characters (about 62 bits): enough to tell decisions apart, nothing more. */
export function newConsentId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (byte) => (byte % 36).toString(36)).join('');
}
