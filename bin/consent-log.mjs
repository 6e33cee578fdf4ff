#!/usr/bin/env node
// The consent log in one command: receipts from the banner, config snapshots, and the
// privacy officer's look-up, export, statistics and dashboard, behind a token.
// With no options it keeps everything in ./consent-log.db (SQLite); --db postgres://… puts
// it into PostgreSQL, which several instances can share.
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '../server/store.mjs';
import { createLogHandler, defaultLimit, defaultRetentionDays, minTokenLength } from '../server/app.mjs';

const usage = `usage: consent-log [--db sqlite:./consent-log.db | --db postgres://user@host/db] [--port 8787]
                   [--host 127.0.0.1] [--token-file FILE] [--retention-days ${defaultRetentionDays}]
                   [--limit ${defaultLimit}] [--trust-proxy]
The token (for everything but POST /receipts and GET /health) comes from $CONSENT_LOG_TOKEN,
or from the token file, which is made with a random token on first start; at least
${minTokenLength} characters either way.`;

/** Wrong usage: the reason and the usage, exit code 2. */
function fail(message) {
  console.error(`consent-log: ${message}\n${usage}`);
  process.exit(2);
}

/** The setup on this machine is not ready (a folder is missing, a file cannot be written): exit code 1. */
function notReady(message) {
  console.error(`consent-log: ${message}`);
  process.exit(1);
}

let options;
try {
  ({ values: options } = parseArgs({
    options: {
      db: { type: 'string', default: 'sqlite:./consent-log.db' },
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      'token-file': { type: 'string' },
      'retention-days': { type: 'string', default: String(defaultRetentionDays) },
      limit: { type: 'string', default: String(defaultLimit) },
      'trust-proxy': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  }));
} catch (error) {
  fail(error.message);
}
if (options.help) {
  console.log(usage);
  process.exit(0);
}
const wholeNumber = (name, min) => {
  const value = Number(options[name]);
  if (!/^\d+$/.test(options[name]) || value < min) fail(`--${name} must be a whole number of at least ${min}`);
  return value;
};
const port = wholeNumber('port', 0);
const retentionDays = wholeNumber('retention-days', 1);
const limit = wholeNumber('limit', 0);
// The database URL is checked before anything is written (a token file, a database).
/** The URL without the password, for messages. */
const shownDb = options.db.replace(/\/\/[^@/]*@/, '//…@');
const isSqlite = options.db.startsWith('sqlite:');
const sqliteFile = isSqlite ? resolve(options.db.slice(7)) : null;
if (isSqlite && !options.db.slice(7)) fail('--db sqlite: needs a file name, e.g. sqlite:./consent-log.db');
if (!isSqlite && !/^postgres(ql)?:\/\//.test(options.db)) fail(`unsupported database URL "${shownDb}" (use sqlite:<file> or postgres://…)`);

/** Stops with a sentence naming the folder when `folder` is not an existing directory. */
function requireFolder(folder, what) {
  let isFolder = false;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    // Missing or unreadable: said below.
  }
  if (!isFolder) notReady(`the folder ${folder} (for ${what}) does not exist; create it first`);
}
const tokenFile = options['token-file'] && resolve(options['token-file']);
if (isSqlite) requireFolder(dirname(sqliteFile), tokenFile ? 'the database' : 'the database and its token file');

/** The token: from the environment, else from its file, else a new one written to that file. */
function loadToken() {
  const fromEnvironment = process.env.CONSENT_LOG_TOKEN;
  if (fromEnvironment) {
    if (fromEnvironment.length < minTokenLength) {
      fail(`CONSENT_LOG_TOKEN must be at least ${minTokenLength} characters long; it has ${fromEnvironment.length}`);
    }
    return fromEnvironment;
  }
  // Next to the SQLite file; for PostgreSQL in the working directory.
  const file = tokenFile ?? resolve(isSqlite ? `${sqliteFile}.token` : 'consent-log.token');
  if (existsSync(file)) {
    const token = readFileSync(file, 'utf8').trim();
    if (token.length < minTokenLength) fail(`the token in ${file} is shorter than ${minTokenLength} characters`);
    return token;
  }
  requireFolder(dirname(file), 'the token file');
  const token = randomBytes(24).toString('base64url');
  try {
    writeFileSync(file, `${token}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    notReady(`cannot write the token file ${file}: ${error.message}`);
  }
  console.log(`consent-log: a new token was written to ${file} (shown only this once): ${token}`);
  return token;
}

const token = loadToken();
let store;
try {
  store = await openStore({ url: options.db });
} catch (error) {
  console.error(`consent-log: cannot open the database ${shownDb}: ${error.message}`);
  process.exit(1);
}
const handler = createLogHandler({ store, token, retentionDays, limit, trustProxy: options['trust-proxy'] });

const server = createServer((req, res) => {
  let pathname;
  try {
    pathname = new URL(req.url ?? '/', 'http://consent-log.invalid').pathname;
  } catch {
    res.writeHead(400).end();
    return;
  }
  handler.handle(req, res, pathname);
});
server.keepAliveTimeout = 10_000;
server.on('clientError', (_error, socket) => socket.destroy());
server.listen(port, options.host, () => {
  const { address, port: actualPort } = server.address();
  const where = isSqlite ? `SQLite ${sqliteFile}` : 'PostgreSQL';
  const host = address.includes(':') ? `[${address}]` : address;
  console.log(`consent-log: listening on http://${host}:${actualPort}/ (${where}, retention ${retentionDays} days, limit ${limit || 'off'})`);
});
server.on('error', (error) => {
  console.error(`consent-log: cannot listen on ${options.host}:${port}: ${error.message}`);
  process.exit(1);
});

// Stop taking requests, let those in flight be answered (their batch commits), close the database.
let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`consent-log: ${signal}, stopping`);
  const closed = new Promise((done) => server.close(done));
  server.closeIdleConnections();
  setTimeout(() => {
    console.error('consent-log: requests still open after 10 s; closing them');
    server.closeAllConnections();
  }, 10_000).unref();
  await closed;
  await handler.close();
  await store.close();
  console.log('consent-log: stopped');
}
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => stop(signal).catch((error) => {
  console.error(`consent-log: stopping failed: ${error.message}`);
  process.exitCode = 1;
}));
