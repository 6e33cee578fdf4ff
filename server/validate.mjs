/**
 * The receipt a banner sends, checked field by field. Each refusal is one sentence that
 * names the field (or array element) and what it must be, for the 400 answer.
 */

export const methods = ['accept-all', 'reject-all', 'custom', 'placeholder', 'gpc', 'dnt'];

const consentIdPattern = /^[0-9A-Za-z]{10}$/;
const serviceIdPattern = /^[a-z0-9][a-z0-9_-]{0,39}$/;
const hashPattern = /^[0-9a-f]{64}$/;
const langPattern = /^[a-z]{2,3}$/;
const versionPattern = /^[0-9A-Za-z.+-]{1,32}$/;
const dayMs = 24 * 60 * 60 * 1000;

export const isConsentId = (value) => typeof value === 'string' && consentIdPattern.test(value);

const fields = ['consentId', 'decidedAt', 'revision', 'configHash', 'method', 'granted', 'denied', 'lang', 'version', 'path'];

/** Thrown with the sentence for the 400 answer. */
export class InvalidReceipt extends Error {}

function serviceIds(receipt, name) {
  const list = receipt[name];
  if (!Array.isArray(list)) throw new InvalidReceipt(`"${name}" must be an array of service ids`);
  const seen = new Set();
  list.forEach((id, index) => {
    if (typeof id !== 'string' || !serviceIdPattern.test(id)) {
      throw new InvalidReceipt(
        `"${name}[${index}]" must be a service id (1 to 40 characters of a-z, 0-9, "_" and "-", starting with a letter or digit)`,
      );
    }
    if (seen.has(id)) throw new InvalidReceipt(`"${name}[${index}]" repeats the service id "${id}"`);
    seen.add(id);
  });
  return list;
}

/**
 * Checks a parsed receipt and returns the row to store (without receivedAt).
 * @param {unknown} receipt the parsed JSON body
 * @param {number} now ms since 1970, for the "not in the future" check
 */
export function validateReceipt(receipt, now) {
  if (!receipt || typeof receipt !== 'object' || Array.isArray(receipt)) {
    throw new InvalidReceipt('the body must be a JSON object (a consent receipt)');
  }
  for (const key of Object.keys(receipt)) {
    if (!fields.includes(key)) throw new InvalidReceipt(`unknown field ${JSON.stringify(key)}`);
  }
  for (const key of fields) {
    if (key !== 'path' && receipt[key] === undefined) throw new InvalidReceipt(`"${key}" is missing`);
  }
  const { consentId, decidedAt, revision, configHash, method, lang, version, path } = receipt;
  if (!isConsentId(consentId)) throw new InvalidReceipt('"consentId" must be a consent id: exactly 10 characters of 0-9, A-Z and a-z');
  if (!Number.isSafeInteger(decidedAt) || decidedAt < 0) {
    throw new InvalidReceipt('"decidedAt" must be an integer: milliseconds since 1970-01-01 UTC');
  }
  if (decidedAt > now + dayMs) throw new InvalidReceipt('"decidedAt" is more than 24 hours in the future');
  if (!Number.isSafeInteger(revision) || revision < 0) {
    throw new InvalidReceipt('"revision" must be an integer from 0 to 2^53-1');
  }
  if (typeof configHash !== 'string' || !hashPattern.test(configHash)) {
    throw new InvalidReceipt('"configHash" must be a SHA-256 hash: 64 lowercase hex digits');
  }
  if (!methods.includes(method)) throw new InvalidReceipt(`"method" must be one of ${methods.join(', ')}`);
  const granted = serviceIds(receipt, 'granted');
  const denied = serviceIds(receipt, 'denied');
  const grantedSet = new Set(granted);
  denied.forEach((id, index) => {
    if (grantedSet.has(id)) throw new InvalidReceipt(`"denied[${index}]" ("${id}") is also in "granted"`);
  });
  if (typeof lang !== 'string' || !langPattern.test(lang)) {
    throw new InvalidReceipt('"lang" must be a language code of 2 or 3 lowercase letters');
  }
  if (typeof version !== 'string' || !versionPattern.test(version)) {
    throw new InvalidReceipt('"version" must be a version string of at most 32 characters (0-9, A-Z, a-z, ".", "+", "-")');
  }
  if (path !== undefined) {
    if (typeof path !== 'string' || !path.startsWith('/') || /[?#\s\u0000-\u001f\u007f]/.test(path) || path.length > 1024) {
      throw new InvalidReceipt('"path" must be the path of a page only: starting with "/", without "?", "#", white space or control characters, at most 1024 characters');
    }
  }
  return {
    consentId,
    decidedAt,
    revision,
    configHash,
    method,
    granted: granted.join(' '),
    denied: denied.join(' '),
    lang,
    version,
    path: path === undefined ? null : pagePath(path),
  };
}

/**
 * The path as stored: a leading run of "/" and "\" becomes one "/". A page at
 * https://site.example//news/x.html has the pathname "//news/x.html", and its receipt must
 * not be lost (a beacon is sent once); but stored as sent, the path would read as an address
 * on another host (protocol-relative, "//news/…"; browsers take "/\" for "//" as well)
 * wherever it is shown or exported and someone makes a link of it. Web servers answer
 * such a path as the one with a single slash (nginx merges slashes by default), so the
 * stored path still names the page; slashes further on are kept as sent.
 */
const pagePath = (path) => path.replace(/^[/\\]+/, '/');
