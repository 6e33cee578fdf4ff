// consent-banner-check --upload: on deployment, each config that passed the check goes to
// the consent-log server as a snapshot, stored under the hash the banner's receipts carry.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { configHash } from '../../dist/lib/core/config-hash.js';
import { openStore } from '../../server/store.mjs';
import { consentId, freePort, get, post, receipt, root, serveHandler, testToken } from './support.mjs';

const cli = join(root, 'bin/consent-banner-check.mjs');
const demoText = readFileSync(join(root, 'demo/consent.json'), 'utf8');
const demo = JSON.parse(demoText);
const folder = mkdtempSync(join(tmpdir(), 'consent-upload-'));

/** Runs the CLI without blocking this process (the server answers from it); file paths in the output become FILE, FILE2. */
function check(args, env = {}) {
  const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, CONSENT_LOG_TOKEN: '', ...env } });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (err += chunk));
  const files = args.filter((arg) => arg.startsWith(folder) && arg.endsWith('.json'));
  const clean = (text) => files.reduce((result, file, index) => result.replaceAll(file, index ? `FILE${index + 1}` : 'FILE'), text);
  return new Promise((done) => child.on('close', (status) => done({ status, out: clean(out), err: clean(err) })));
}

let fileCount = 0;
/** A config file as a site would deploy it: `text` as written, or an object pretty-printed. */
function configFile(config) {
  const file = join(folder, `consent-${++fileCount}.json`);
  writeFileSync(file, typeof config === 'string' ? config : JSON.stringify(config, null, 2));
  return file;
}

/** The demo config with another revision, so each test has a snapshot of its own (unstamped: the demo's stamp would no longer fit). */
const revised = (revision) => ({ ...structuredClone(demo), checked: undefined, revision });

describe('consent-banner-check --upload', () => {
  let server;
  let store;
  let receipts = 0;
  /** Whether the server knows a snapshot under `hash`, as a receipt carrying it is told. */
  const snapshotKnown = async (hash) => {
    const answer = await post(`${server.url}receipts`, receipt({ consentId: consentId(++receipts, 'U'), configHash: hash }));
    assert.equal(answer.status, 201);
    return answer.body.snapshot === 'known';
  };

  before(async () => {
    store = await openStore({ url: `sqlite:${join(folder, 'log.db')}` });
    server = await serveHandler({ store, limit: 0 });
  });
  after(async () => {
    await server.close();
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('uploads a config that passed, under the hash its receipts carry, and shows it on look-up', async () => {
    const file = configFile(demoText);
    // Independent of key order and white space: the hash is of the canonical JSON.
    const hash = configHash(JSON.parse(demoText));
    assert.equal(hash, configHash(JSON.parse(JSON.stringify(demo))));
    assert.match(hash, /^[0-9a-f]{64}$/);
    assert.equal(await snapshotKnown(hash), false);

    const result = await check(['--upload', server.url, file], { CONSENT_LOG_TOKEN: testToken });
    assert.deepEqual(result, { status: 0, out: `FILE: valid, stamped\nFILE: uploaded, snapshot ${hash}\n`, err: '' });
    assert.equal(await snapshotKnown(hash), true);

    // The look-up shows the config exactly as the file has it.
    const id = consentId(++receipts, 'U');
    assert.equal((await post(`${server.url}receipts`, receipt({ consentId: id, configHash: hash }))).status, 201);
    const lookup = await get(`${server.url}receipts/${id}`);
    assert.equal(lookup.status, 200);
    const [shown] = JSON.parse(lookup.text).receipts;
    assert.equal(shown.snapshotMissing, false);
    assert.deepEqual(shown.snapshot, demo);
    assert.equal(shown.snapshot.categories[1].services[0].purpose.de, 'Zählt Besuche und gelesene Artikel, auf unserem eigenen Server.');

    // Uploading on every deployment is harmless: the server already has it.
    const again = await check(['--upload', server.url.replace(/\/$/, ''), file], { CONSENT_LOG_TOKEN: testToken });
    assert.deepEqual(again, { status: 0, out: `FILE: valid, stamped\nFILE: uploaded, snapshot ${hash} (already there)\n`, err: '' });
  });

  it('reads the token from --token-file, and uploads every file given', async () => {
    const tokenFile = join(folder, 'token');
    writeFileSync(tokenFile, `${testToken}\n`, { mode: 0o600 });
    const [first, second] = [revised(11), revised(12)];
    const files = [configFile(first), configFile(second)];
    const result = await check(['--upload', server.url, '--token-file', tokenFile, ...files]);
    assert.equal(result.status, 0, result.err);
    assert.equal(result.out, `FILE: valid, not stamped\nFILE2: valid, not stamped\nFILE: uploaded, snapshot ${configHash(first)}\nFILE2: uploaded, snapshot ${configHash(second)}\n`);
    assert.equal(await snapshotKnown(configHash(first)), true);
    assert.equal(await snapshotKnown(configHash(second)), true);
  });

  it('fails with a message on a wrong token, and stores nothing', async () => {
    const config = revised(21);
    const result = await check(['--upload', server.url, configFile(config)], { CONSENT_LOG_TOKEN: 'not-the-token-0123456789' });
    assert.equal(result.status, 1);
    assert.equal(result.out, 'FILE: valid, not stamped\n');
    assert.equal(result.err, `FILE: the log server at ${server.url}snapshots refused the token (401): check CONSENT_LOG_TOKEN or --token-file\n`);
    assert.equal(await snapshotKnown(configHash(config)), false);
  });

  it('refuses to start without a token', async () => {
    const result = await check(['--upload', server.url, configFile(revised(22))]);
    assert.equal(result.status, 1);
    assert.equal(result.out, '');
    assert.equal(result.err, "consent-banner-check: --upload needs the log server's token: set CONSENT_LOG_TOKEN or pass --token-file F\n");
  });

  it('uploads nothing when any config fails the check, not even the ones that passed', async () => {
    const good = revised(31);
    const bad = revised(32);
    bad.revision = 2 ** 53;
    const result = await check(['--upload', server.url, configFile(good), configFile(bad)], { CONSENT_LOG_TOKEN: testToken });
    assert.equal(result.status, 1);
    assert.equal(result.out, 'FILE: valid, not stamped\n');
    assert.equal(result.err, 'FILE2: error at $.revision: must be at most 9007199254740991\nconsent-banner-check: nothing uploaded, as not every config passed the check\n');
    assert.equal(await snapshotKnown(configHash(good)), false);
    assert.equal(await snapshotKnown(configHash(bad)), false);
  });

  it('with --strict, a warning is a failure and nothing is uploaded', async () => {
    const warned = revised(33);
    warned.categories[1].services[0].adapter.mode = 'cookieless';
    const result = await check(['--strict', '--upload', server.url, configFile(warned)], { CONSENT_LOG_TOKEN: testToken });
    assert.equal(result.status, 1);
    assert.match(result.err, /^FILE: warning at \$\.categories\[1\]\.services\[0\]\.adapter\.mode: .*\nconsent-banner-check: nothing uploaded, as not every config passed the check\n$/);
    assert.equal(await snapshotKnown(configHash(warned)), false);
  });

  it('says when the server cannot be reached', async () => {
    const url = `http://127.0.0.1:${await freePort()}/`;
    const result = await check(['--upload', url, configFile(revised(41))], { CONSENT_LOG_TOKEN: testToken });
    assert.equal(result.status, 1);
    assert.equal(result.out, 'FILE: valid, not stamped\n');
    assert.match(result.err, new RegExp(`^FILE: cannot reach the log server at ${url}snapshots: connect ECONNREFUSED 127\\.0\\.0\\.1:\\d+\\n$`));
  });

  it("passes on the server's message for another error status", async () => {
    const result = await check(['--upload', `${server.url}elsewhere/`, configFile(revised(42))], { CONSENT_LOG_TOKEN: testToken });
    assert.equal(result.status, 1);
    assert.equal(result.err, `FILE: the log server at ${server.url}elsewhere/snapshots answered 404: no such endpoint: POST /elsewhere/snapshots\n`);
    assert.equal(await snapshotKnown(configHash(revised(42))), false);
  });

  it('refuses a URL that is no http(s) URL, and --token-file without --upload', async () => {
    const file = configFile(revised(43));
    const ftp = await check(['--upload', 'ftp://example.org/', file], { CONSENT_LOG_TOKEN: testToken });
    assert.equal(ftp.status, 2);
    assert.match(ftp.err, /^consent-banner-check: --upload needs an http or https URL, not "ftp:\/\/example.org\/"\nusage: consent-banner-check \[--strict\] \[--stamp\] \[--upload <log server URL> \[--token-file F\]\]/);
    const stray = await check(['--token-file', join(folder, 'token'), file]);
    assert.equal(stray.status, 2);
    assert.match(stray.err, /^consent-banner-check: --token-file is only used with --upload\n/);
  });
});
