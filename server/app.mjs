/**
 * The consent log's HTTP API, as one request handler that a server mounts anywhere
 * (`bin/consent-log.mjs` at `/`, the demo server under a prefix).
 *
 * Public: `POST /receipts` (what the banner sends) and `GET /health`. Behind the token:
 * snapshots, look-up, export, statistics. `GET /` serves the dashboard's files from
 * `server/dashboard/`. The handler never throws out of a request: input errors get a 4xx
 * with a sentence that names the field, database outages a 503 with Retry-After, anything
 * else a 500 (logged without the request body, and never with the client's address).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonicalJson, configHash } from '../dist/lib/core/config-hash.js';
import { StoreUnavailableError } from './store.mjs';
import { InvalidReceipt, isConsentId, methods, validateReceipt } from './validate.mjs';

/** A consent cookie lives at most 13 months; its proof is kept about three years longer (README). */
export const defaultRetentionDays = 1500;
/**
 * Receipts per minute per client address before 429. A person decides a few times a day at
 * most, but a campus or a company reaches the site from one address, and a refused beacon
 * is lost; 600 a minute is still nothing for the server, which takes thousands a second.
 */
export const defaultLimit = 600;
export const receiptBodyLimit = 16 * 1024;
/** The token opens every receipt; a short one could be guessed. */
export const minTokenLength = 16;
const snapshotBodyLimit = 1024 * 1024;
const dayMs = 24 * 60 * 60 * 1000;
const hourMs = 60 * 60 * 1000;
const exportBatchSize = 1000;
const retryAfterSeconds = 5;

const dashboardDir = join(dirname(fileURLToPath(import.meta.url)), 'dashboard');
const libDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'lib', 'core');
/**
 * The dashboard's files, and the two modules of the built library that it imports: the rule
 * of src/core/necessary.ts (which services of a required category still need consent), the
 * same code the page, the check and the cookie table run, never a copy of it.
 */
const dashboardFiles = {
  '/': [join(dashboardDir, 'index.html'), 'text/html; charset=utf-8'],
  '/dashboard.js': [join(dashboardDir, 'dashboard.js'), 'text/javascript; charset=utf-8'],
  '/dashboard.css': [join(dashboardDir, 'dashboard.css'), 'text/css; charset=utf-8'],
  '/lib/necessary.js': [join(libDir, 'necessary.js'), 'text/javascript; charset=utf-8'],
  '/lib/cookie-names.js': [join(libDir, 'cookie-names.js'), 'text/javascript; charset=utf-8'],
};

/** An answer other than 2xx, with the sentence for its `error` field. */
class HttpError extends Error {
  constructor(status, message, headers = {}) {
    super(message);
    this.status = status;
    this.headers = headers;
  }
}

/** The client went away while its body was being read: there is nobody to answer. */
class ClientGone extends Error {}

function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/**
 * Reads the body up to `limit` bytes. Beyond it, reading stops and the answer is 413 (with
 * Connection: close, so the rest of an oversized body is never read).
 */
function readBody(req, limit) {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) {
    return Promise.reject(new HttpError(413, `the body is larger than ${limit} bytes`, { Connection: 'close' }));
  }
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onGone);
      req.off('aborted', onGone);
    };
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        req.pause();
        reject(new HttpError(413, `the body is larger than ${limit} bytes`, { Connection: 'close' }));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onGone = () => {
      cleanup();
      reject(new ClientGone());
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onGone);
    req.on('aborted', onGone);
  });
}

/** Receipts come from sendBeacon (text/plain) or fetch (application/json); nothing else. */
function requireJsonOrText(req) {
  const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'text/plain' && type !== 'application/json') {
    throw new HttpError(415, `the body must be JSON sent as application/json or text/plain, not ${type ? `"${type}"` : 'without a Content-Type'}`);
  }
}

function parseJson(buffer) {
  try {
    return JSON.parse(buffer.toString('utf8'));
  } catch (error) {
    throw new HttpError(400, `the body is not valid JSON (${error.message})`);
  }
}

/**
 * A token bucket per client, in memory only. A client is known by an HMAC of its address
 * under a random key that is replaced every hour and never leaves this process, so neither
 * the database nor the log nor a memory dump older than an hour links a bucket to an address.
 */
function floodLimiter(perMinute, now) {
  let key = randomBytes(32);
  let keyBorn = now();
  let lastPrune = now();
  const buckets = new Map();
  const refillPerMs = perMinute / 60000;
  return (address) => {
    const time = now();
    if (time - keyBorn >= hourMs) {
      key = randomBytes(32);
      keyBorn = time;
      buckets.clear();
    }
    if (time - lastPrune >= 60000 || buckets.size > 100000) {
      // A bucket that has refilled completely holds nothing worth keeping.
      for (const [id, bucket] of buckets) {
        if (bucket.tokens + (time - bucket.updated) * refillPerMs >= perMinute) buckets.delete(id);
      }
      lastPrune = time;
    }
    const id = createHmac('sha256', key).update(String(address)).digest('base64url');
    const bucket = buckets.get(id) ?? { tokens: perMinute, updated: time };
    bucket.tokens = Math.min(perMinute, bucket.tokens + (time - bucket.updated) * refillPerMs);
    bucket.updated = time;
    buckets.set(id, bucket);
    if (bucket.tokens < 1) return Math.ceil((1 - bucket.tokens) / refillPerMs / 1000);
    bucket.tokens -= 1;
    return 0;
  };
}

/** `YYYY-MM-DD` → ms at the start of that UTC day, or a 400. */
function parseDay(value, name) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const time = match ? Date.UTC(+match[1], +match[2] - 1, +match[3]) : NaN;
  if (!match || new Date(time).toISOString().slice(0, 10) !== value) {
    throw new HttpError(400, `"${name}" must be a date as YYYY-MM-DD`);
  }
  return time;
}

/** The [from, to) range in ms of `?from=…&to=…` (UTC days, `to` inclusive); the last 30 days by default. */
function dayRange(searchParams, now) {
  const today = Math.floor(now / dayMs) * dayMs;
  const to = searchParams.has('to') ? parseDay(searchParams.get('to'), 'to') : today;
  const from = searchParams.has('from') ? parseDay(searchParams.get('from'), 'from') : to - 29 * dayMs;
  if (from > to) throw new HttpError(400, '"from" must not be after "to"');
  return { from, to: to + dayMs };
}

const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);
const splitIds = (text) => (text ? text.split(' ') : []);

/** A stored row as the API shows it. */
const receiptJson = (row) => ({
  consentId: row.consentId,
  decidedAt: row.decidedAt,
  revision: row.revision,
  configHash: row.configHash,
  method: row.method,
  granted: splitIds(row.granted),
  denied: splitIds(row.denied),
  lang: row.lang,
  version: row.version,
  path: row.path,
  receivedAt: row.receivedAt,
});

export const csvColumns = [
  'consentId', 'decidedAt', 'revision', 'configHash', 'method', 'granted', 'denied',
  'lang', 'version', 'path', 'receivedAt', 'snapshotMissing',
];

/** One CSV field per RFC 4180: quoted when it holds a comma, a quote or a line break. */
const csvField = (value) => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
const csvLine = (fields) => `${fields.map(csvField).join(',')}\r\n`;
const csvRow = (row) =>
  csvLine([
    row.consentId, new Date(row.decidedAt).toISOString(), row.revision, row.configHash, row.method,
    row.granted, row.denied, row.lang, row.version, row.path, new Date(row.receivedAt).toISOString(),
    row.snapshotMissing,
  ]);
const ndjsonRow = (row) => `${JSON.stringify({ ...receiptJson(row), snapshotMissing: row.snapshotMissing })}\n`;

/** Resolves when the response can take more data, or the client is gone. */
function writable(res) {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/**
 * @param {{
 *   store: import('./store.mjs').Store,
 *   token: string,
 *   retentionDays?: number,
 *   limit?: number,
 *   trustProxy?: boolean,
 *   log?: (message: string) => void,
 *   now?: () => number,
 * }} options `limit`: receipts per minute per client (0: no limit). `trustProxy`: the
 *   client is the first X-Forwarded-For address (only behind a proxy that sets it).
 * @returns {{ handle(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, pathname: string): Promise<void>,
 *   runRetention(): Promise<number>, close(): Promise<void> }}
 */
export function createLogHandler({
  store,
  token,
  retentionDays = defaultRetentionDays,
  limit = defaultLimit,
  trustProxy = false,
  log = (message) => console.error(message),
  now = Date.now,
}) {
  if (!store) throw new TypeError('createLogHandler: "store" is required (from openStore)');
  if (typeof token !== 'string' || token.length < minTokenLength) {
    throw new TypeError(`createLogHandler: "token" must be a string of at least ${minTokenLength} characters`);
  }
  if (!Number.isInteger(retentionDays) || retentionDays < 1) {
    throw new TypeError('createLogHandler: "retentionDays" must be a whole number of days, at least 1');
  }
  if (!Number.isInteger(limit) || limit < 0) throw new TypeError('createLogHandler: "limit" must be a whole number, 0 for none');

  const tokenDigest = createHash('sha256').update(token).digest();
  let lastOutageLog = 0;
  const takeToken = limit > 0 ? floodLimiter(limit, now) : () => 0;

  const authorize = (req) => {
    const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    const given = createHash('sha256').update(match ? match[1] : '').digest();
    // Digests of equal length, compared in constant time: the token's length leaks nothing either.
    if (!match || !timingSafeEqual(given, tokenDigest)) {
      throw new HttpError(401, 'this needs the consent log token: Authorization: Bearer <token>', { 'WWW-Authenticate': 'Bearer' });
    }
  };

  const clientAddress = (req) => {
    if (trustProxy) {
      const first = String(req.headers['x-forwarded-for'] ?? '').split(',')[0].trim();
      if (first) return first;
    }
    return req.socket.remoteAddress ?? '';
  };

  async function postReceipt(req, res) {
    const retryAfter = takeToken(clientAddress(req));
    if (retryAfter) throw new HttpError(429, 'too many receipts from this client; try again later', { 'Retry-After': String(retryAfter) });
    requireJsonOrText(req);
    const body = parseJson(await readBody(req, receiptBodyLimit));
    let row;
    try {
      row = validateReceipt(body, now());
    } catch (error) {
      if (error instanceof InvalidReceipt) throw new HttpError(400, error.message);
      throw error;
    }
    const { inserted, snapshotKnown } = await store.addReceipt({ ...row, receivedAt: now() });
    const snapshot = snapshotKnown ? 'known' : 'missing';
    if (inserted) sendJson(res, 201, { stored: true, snapshot });
    else sendJson(res, 200, { stored: true, duplicate: true, snapshot });
  }

  async function postSnapshot(req, res) {
    authorize(req);
    requireJsonOrText(req);
    const config = parseJson(await readBody(req, snapshotBodyLimit));
    if (!config || typeof config !== 'object' || Array.isArray(config)) {
      throw new HttpError(400, 'the body must be a JSON object (the config as the banner loads it)');
    }
    const hash = configHash(config);
    const created = await store.addSnapshot(hash, canonicalJson(config), now());
    sendJson(res, created ? 201 : 200, { hash, stored: true });
  }

  async function getReceipts(req, res, consentId) {
    authorize(req);
    if (!isConsentId(consentId)) throw new HttpError(400, `"${consentId.slice(0, 40)}" is not a consent id (10 characters of 0-9, A-Z and a-z)`);
    const rows = await store.receiptsOf(consentId);
    if (!rows.length) throw new HttpError(404, `no receipt for consent id ${consentId}`);
    const snapshots = new Map();
    const receipts = rows.map((row) => {
      if (row.config !== null && !snapshots.has(row.configHash)) snapshots.set(row.configHash, JSON.parse(row.config));
      return { ...receiptJson(row), snapshot: snapshots.get(row.configHash) ?? null, snapshotMissing: row.config === null };
    });
    sendJson(res, 200, { consentId, receipts });
  }

  async function getExport(req, res, searchParams) {
    authorize(req);
    const format = searchParams.get('format') ?? 'ndjson';
    if (format !== 'ndjson' && format !== 'csv') throw new HttpError(400, '"format" must be ndjson or csv');
    const { from, to } = dayRange(searchParams, now());
    // The first batch is read before the head is sent, so an outage is still a clean 503.
    let rows = await store.exportBatch({ from, to, limit: exportBatchSize });
    const name = `consent-receipts-${isoDay(from)}-to-${isoDay(to - dayMs)}.${format}`;
    res.writeHead(200, {
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8; header=present' : 'application/x-ndjson; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
    });
    const line = format === 'csv' ? csvRow : ndjsonRow;
    if (format === 'csv' && !res.write(csvLine(csvColumns))) await writable(res);
    for (;;) {
      if (res.destroyed) return;
      if (rows.length && !res.write(rows.map(line).join(''))) await writable(res);
      if (rows.length < exportBatchSize || res.destroyed) break;
      const last = rows[rows.length - 1];
      rows = await store.exportBatch({ from, to, after: [last.decidedAt, last.consentId, last.seq], limit: exportBatchSize });
    }
    res.end();
  }

  async function getStats(req, res, searchParams) {
    authorize(req);
    const { from, to } = dayRange(searchParams, now());
    if (to - from > 3660 * dayMs) throw new HttpError(400, 'the range of "from" to "to" must be at most 3660 days');
    const emptyMethods = () => Object.fromEntries(methods.map((method) => [method, 0]));
    const days = [];
    for (let day = from; day < to; day += dayMs) days.push({ day: isoDay(day), receipts: 0, methods: emptyMethods(), revisions: {} });
    const totals = { receipts: 0, methods: emptyMethods(), revisions: {} };
    for (const { day, method, revision, count } of await store.countsByDay(from, to)) {
      const entry = days[day - from / dayMs];
      for (const target of [entry, totals]) {
        target.receipts += count;
        target.methods[method] = (target.methods[method] ?? 0) + count;
        target.revisions[revision] = (target.revisions[revision] ?? 0) + count;
      }
    }
    sendJson(res, 200, { from: isoDay(from), to: isoDay(to - dayMs), days, totals });
  }

  async function getHealth(res) {
    try {
      await store.ping();
      sendJson(res, 200, { ok: true, database: store.kind });
    } catch (error) {
      sendJson(res, 503, { ok: false, database: store.kind, error: error.message }, { 'Retry-After': String(retryAfterSeconds) });
    }
  }

  async function getDashboardFile(res, [file, type]) {
    let body;
    try {
      body = await readFile(file);
    } catch {
      throw new HttpError(404, `the dashboard file ${basename(file)} is missing from this installation`);
    }
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': body.length,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      // The page shows what the public sent: nothing but its own files may run or load.
      'Content-Security-Policy': "default-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    });
    res.end(body);
  }

  function allow(req, method) {
    if (req.method !== method) throw new HttpError(405, `${req.method} is not allowed here; use ${method}`, { Allow: method });
  }

  async function route(req, res, pathname) {
    const { searchParams } = new URL(req.url ?? '/', 'http://consent-log.invalid');
    if (pathname === '/receipts') return allow(req, 'POST'), postReceipt(req, res);
    if (pathname === '/snapshots') return allow(req, 'POST'), postSnapshot(req, res);
    if (pathname.startsWith('/receipts/')) return allow(req, 'GET'), getReceipts(req, res, pathname.slice(10));
    if (pathname === '/export') return allow(req, 'GET'), getExport(req, res, searchParams);
    if (pathname === '/stats') return allow(req, 'GET'), getStats(req, res, searchParams);
    if (pathname === '/health') return allow(req, 'GET'), getHealth(res);
    if (Object.hasOwn(dashboardFiles, pathname)) return allow(req, 'GET'), getDashboardFile(res, dashboardFiles[pathname]);
    throw new HttpError(404, `no such endpoint: ${req.method} ${pathname.slice(0, 100)}`);
  }

  function answerError(req, res, pathname, error) {
    if (error instanceof ClientGone) return;
    if (res.headersSent) {
      // A stream broke off (an export during an outage): the client must not take it as complete.
      log(`consent-log: ${req.method} ${pathname.slice(0, 100)} broke off: ${error.message}`);
      res.destroy();
      return;
    }
    if (error instanceof HttpError) return sendJson(res, error.status, { error: error.message }, error.headers);
    if (error instanceof StoreUnavailableError) {
      // One line per 10 s of outage, not one per refused receipt.
      if (Date.now() - lastOutageLog >= 10000) {
        lastOutageLog = Date.now();
        log(`consent-log: database unavailable, answering 503: ${error.message}`);
      }
      // A receipt or snapshot is to be sent again; a look-up, export or statistics only asked again.
      const message = req.method === 'POST' ? 'the database is unavailable; nothing was stored, send it again later' : 'the database is unavailable; try again later';
      return sendJson(res, 503, { error: message }, { 'Retry-After': String(retryAfterSeconds) });
    }
    log(`consent-log: ${req.method} ${pathname.slice(0, 100)} failed: ${error?.stack ?? error}`);
    sendJson(res, 500, { error: 'internal error' });
  }

  // Passes run one after another, so a pass asked for (by a test, say) sees the one before finished.
  let retentionQueue = Promise.resolve();
  function runRetention() {
    const pass = retentionQueue.then(() => store.deleteDecidedBefore(now() - retentionDays * dayMs));
    retentionQueue = pass.catch(() => {});
    return pass;
  }
  const retentionPass = () =>
    runRetention().then(
      (deleted) => deleted && log(`consent-log: retention deleted ${deleted} receipt(s) decided more than ${retentionDays} days ago`),
      (error) => log(`consent-log: retention failed, next try in an hour: ${error.message}`),
    );
  retentionPass();
  const retentionTimer = setInterval(retentionPass, hourMs);
  retentionTimer.unref();

  return {
    async handle(req, res, pathname) {
      try {
        await route(req, res, pathname);
      } catch (error) {
        try {
          answerError(req, res, pathname, error);
        } catch (failure) {
          // Even the error answer failed (the socket is gone): end the exchange, keep serving.
          log(`consent-log: could not answer ${req.method} ${pathname.slice(0, 100)}: ${failure.message}`);
          res.destroy();
        }
      }
    },
    runRetention,
    async close() {
      clearInterval(retentionTimer);
      await retentionQueue;
    },
  };
}
