/**
 * The fingerprint of a config as a visitor saw it: SHA-256 of its canonical JSON, in hex.
 *
 * The banner puts it into every consent receipt, and the check CLI computes the same value
 * when it uploads a config snapshot to the consent-log server, so a receipt can be shown
 * with the exact texts of its config. Canonical means: object keys sorted (by UTF-16 code
 * units), no white space, strings and numbers as `JSON.stringify` writes them. So
 * indentation and key order do not change the hash; any text, id or setting does.
 *
 * SHA-256 is written out here because WebCrypto is missing on plain http pages, and the
 * receipt must work there too. Only this module and its callers need it: it lives in the
 * chunk that sends receipts, never in what every page view loads.
 */

/** The JSON text of `value` with object keys sorted and no white space. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Round constants: the first 32 bits of the fractional parts of the cube roots of the first 64 primes. */
const K: number[] = [];
/** Initial hash: the same of the square roots of the first 8 primes. */
const H: number[] = [];
const fraction = (root: number) => ((root - Math.floor(root)) * 2 ** 32) >>> 0;
for (let candidate = 2; K.length < 64; candidate++) {
  let prime = true;
  for (let divisor = 2; divisor * divisor <= candidate; divisor++) if (candidate % divisor === 0) prime = false;
  if (!prime) continue;
  if (H.length < 8) H.push(fraction(Math.sqrt(candidate)));
  K.push(fraction(Math.cbrt(candidate)));
}

const rotate = (word: number, bits: number) => (word >>> bits) | (word << (32 - bits));

/** SHA-256 (FIPS 180-4) of the UTF-8 bytes of `text`, as 64 lowercase hex digits. */
export function sha256(text: string): string {
  const bytes = new TextEncoder().encode(text);
  // Message, a 1 bit, zeros, and the bit length in the last 8 bytes of a 64-byte block.
  const padded = new Uint8Array((((bytes.length + 8) >> 6) + 1) << 6);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bytes.length / 2 ** 29));
  view.setUint32(padded.length - 4, bytes.length << 3);
  const hash = H.slice();
  const w = new Array<number>(64);
  for (let block = 0; block < padded.length; block += 64) {
    for (let t = 0; t < 64; t++) {
      w[t] =
        t < 16
          ? view.getUint32(block + 4 * t)
          : (w[t - 16] +
              (rotate(w[t - 15], 7) ^ rotate(w[t - 15], 18) ^ (w[t - 15] >>> 3)) +
              w[t - 7] +
              (rotate(w[t - 2], 17) ^ rotate(w[t - 2], 19) ^ (w[t - 2] >>> 10))) |
            0;
    }
    let [a, b, c, d, e, f, g, h] = hash;
    for (let t = 0; t < 64; t++) {
      const t1 = (h + (rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)) + ((e & f) ^ (~e & g)) + K[t] + w[t]) | 0;
      const t2 = ((rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      [h, g, f, e, d, c, b, a] = [g, f, e, (d + t1) | 0, c, b, a, (t1 + t2) | 0];
    }
    [a, b, c, d, e, f, g, h].forEach((word, index) => (hash[index] = (hash[index] + word) | 0));
  }
  return hash.map((word) => (word >>> 0).toString(16).padStart(8, '0')).join('');
}

/** The config hash a receipt carries and a snapshot is stored under. */
export const configHash = (config: unknown): string => sha256(canonicalJson(config));
