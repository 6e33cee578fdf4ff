/**
 * The decision record as it travels in the consent cookie. It is sent with every
 * request to the site, so it is a compact dotted string:
 *
 *   2<method><consent id>.<decision time>.<revision>.<granted tags>.<denied tags>.<check>
 *
 * e.g. `2aZ0k3x9q0m2.t5m0qz.2.1kx00d3f.` + `.` + check. The time (seconds) and the
 * revision are in base 36. Each optional service is stored as a 4-character tag derived
 * from its id, so the record stays short however long the ids are; the config schema
 * refuses a config where two services would share a tag. Services of required
 * (necessary) categories are never stored: they are always on.
 *
 * The check (a hash of everything before it and of where the cookie is meant to live:
 * this host, or the shared `cookie.domain`) catches a truncated or edited value and
 * tells a record of the current place from one that an earlier config put elsewhere. It
 * is no signature: anyone who can write the cookie can write a valid record.
 *
 * The first format (`1.…`, service ids in full, before version 0.2) is not read: such a
 * record is reported as unreadable and the visitor is asked once more.
 */
/** How the decision was made: in the dialog, from a placeholder, or by a browser signal (Global Privacy Control, Do Not Track). */
export type DecisionMethod = 'accept-all' | 'reject-all' | 'custom' | 'placeholder' | 'gpc' | 'dnt';

export interface DecisionRecord {
  consentId: string;
  /** Milliseconds since the epoch (stored with second precision). */
  decidedAt: number;
  revision: number;
  method: DecisionMethod;
  /** Tags (`serviceTag`) of the granted and of the refused services. */
  granted: string[];
  denied: string[];
}

/** A record read from a cookie, and whether it was written for the place it was read from. */
export interface StoredRecord extends DecisionRecord {
  /** False for a record written for another domain scope. */
  inPlace: boolean;
}

const METHODS: DecisionMethod[] = ['accept-all', 'reject-all', 'custom', 'placeholder', 'gpc', 'dnt'];
const methodCode = (method: DecisionMethod) => 'arcpgd'[METHODS.indexOf(method)];

const RECORD_PATTERN = /^(2([arcpgd])([0-9A-Za-z]{10})\.([0-9a-z]{1,8})\.([0-9a-z]{1,11})\.((?:[0-9a-z]{4})*)\.((?:[0-9a-z]{4})*))\.([0-9a-z]{1,5})$/;
/** Allowed clock difference between the machine that wrote the record and this one. */
const CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

/** FNV-1a, 32 bits: the record's check and tags, and the config's stamp (config-stamp.ts). */
export function fnv1a(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) value = Math.imul(value ^ text.charCodeAt(index), 0x01000193);
  return value >>> 0;
}

const checksum = (body: string, scope: string) => (fnv1a(`${body}|${scope}`) % 36 ** 5).toString(36);

/** The 4-character tag a service is stored under. */
export const serviceTag = (serviceId: string): string => (fnv1a(serviceId) % 36 ** 4).toString(36).padStart(4, '0');

/**
 * `scope` is where the cookie lives: '' for this host, else the shared `cookie.domain`.
 */
export function encodeRecord(record: DecisionRecord, scope: string): string {
  const body = `2${methodCode(record.method)}${record.consentId}.${Math.floor(record.decidedAt / 1000).toString(36)}.${record.revision.toString(36)}.${record.granted.join('')}.${record.denied.join('')}`;
  return `${body}.${checksum(body, scope)}`;
}

/**
 * Reads a stored record; returns a sentence saying what is wrong when it cannot be trusted.
 * `scopes` lists where the record may have been written, the current place first.
 */
export function decodeRecord(value: string, scopes: string[], now = Date.now()): StoredRecord | string {
  const [, body, code, consentId, time, revision, granted, denied, check] = RECORD_PATTERN.exec(value) ?? [];
  const scope = body ? scopes.findIndex((candidate) => checksum(body, candidate) === check) : -1;
  if (scope < 0) return 'is unreadable, truncated or changed';
  const tags = (list: string) => list.match(/.{4}/g) ?? [];
  const record: StoredRecord = { consentId, decidedAt: parseInt(time, 36) * 1000, revision: parseInt(revision, 36), method: METHODS['arcpgd'.indexOf(code)], granted: tags(granted), denied: tags(denied), inPlace: !scope };
  if (record.decidedAt > now + CLOCK_SKEW_MS) return 'was decided in the future';
  if (record.granted.some((tag) => record.denied.includes(tag))) return 'grants and denies the same service';
  return record;
}

/** 0-9, A-Z, a-z for 0 to 61 (char codes 48-57, 65-90, 97-122). */
const base62Digit = (value: number) => String.fromCharCode(value + (value < 10 ? 48 : value < 36 ? 55 : 61));

/** 10 random characters of 62 (about 59 bits): enough to tell decisions apart, nothing more. */
export function newConsentId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(10)), (byte) => base62Digit(byte % 62)).join('');
}
