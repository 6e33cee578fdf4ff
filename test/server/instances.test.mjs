// Several server instances on one PostgreSQL: started at once they migrate once, and each
// stores and sees what the others store. And the bin: its token file and a clean stop.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openStore } from '../../server/store.mjs';
import { get, post, receipt, root, serveHandler, startPostgres } from './support.mjs';
import { inspect } from './inspect.mjs';

let postgres;
const tempDir = mkdtempSync(join(tmpdir(), 'consent-log-instances-'));
before(async () => {
  postgres = await startPostgres();
});
after(() => {
  postgres?.destroy();
  rmSync(tempDir, { recursive: true, force: true });
});

test('three instances started at once on one PostgreSQL migrate once and share the receipts', async () => {
  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  await admin.query('CREATE DATABASE shared');
  await admin.end();
  const url = postgres.url.replace(/\/postgres$/, '/shared');

  const stores = await Promise.all([1, 2, 3].map(() => openStore({ url })));
  const servers = await Promise.all(stores.map((store) => serveHandler({ store, limit: 0 })));
  try {
    const database = await inspect(url);
    const files = readdirSync(join(root, 'server/migrations')).filter((name) => name.endsWith('.sql')).sort();
    assert.deepEqual(await database.migrations(), files.map((name) => name.replace(/\.sql$/, '')));

    const sent = servers.map((_, n) => receipt({ consentId: `shared000${n}`, decidedAt: Date.UTC(2026, 10, 1) + n }));
    const answers = await Promise.all(servers.map((server, n) => post(`${server.url}receipts`, sent[n])));
    assert.deepEqual(answers.map((answer) => answer.status), [201, 201, 201]);
    // The same receipt through another instance is a duplicate there too.
    assert.equal((await post(`${servers[2].url}receipts`, sent[0])).status, 200);
    for (const [n, server] of servers.entries()) {
      const lookup = await get(`${server.url}receipts/shared000${(n + 1) % 3}`);
      assert.equal(lookup.status, 200);
    }
    assert.equal(await database.count(), 3);
    await database.close();
  } finally {
    for (const server of servers) await server.close();
    for (const store of stores) await store.close();
  }
});

test('consent-log with no options makes a token file (mode 0600) once, prints it once, and stops cleanly on SIGTERM', async () => {
  const dir = mkdtempSync(join(tempDir, 'bin-'));
  const run = async () => {
    const child = spawn(process.execPath, [join(root, 'bin/consent-log.mjs'), '--port', '0'], {
      cwd: dir,
      env: { ...process.env, CONSENT_LOG_TOKEN: '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines = [];
    // 'close': after the exit and the end of its output.
    const exited = new Promise((resolve) => child.once('close', resolve));
    await new Promise((resolve) =>
      createInterface({ input: child.stdout }).on('line', (line) => {
        lines.push(line);
        if (/listening on/.test(line)) resolve();
      }),
    );
    const url = /listening on (\S+)/.exec(lines.at(-1))[1];
    return { url, lines, stop: () => (child.kill('SIGTERM'), exited) };
  };

  const first = await run();
  const announced = first.lines.find((line) => line.includes('a new token was written'));
  assert.ok(announced, 'the first start prints the token');
  const token = announced.split(': ').at(-1);
  assert.match(first.lines.at(-1), /SQLite .*consent-log\.db/);
  assert.equal(statSync(join(dir, 'consent-log.db.token')).mode & 0o777, 0o600);
  assert.equal((await post(`${first.url}receipts`, receipt())).status, 201);
  assert.equal(await first.stop(), 0);
  assert.equal(first.lines.at(-1), 'consent-log: stopped', 'the database was closed after the last request');

  const second = await run();
  assert.ok(!second.lines.some((line) => line.includes('token')), 'the token is printed only once');
  assert.equal((await get(`${second.url}receipts/aZ0k3x9q0m`, { token })).status, 200);
  assert.equal(await second.stop(), 0);
});

test('consent-log refuses a bad setup with one clear sentence, no stack trace, and nothing written', () => {
  const dir = mkdtempSync(join(tempDir, 'setup-'));
  const missing = join(dir, 'no-such-folder');
  const run = (args, token = '') =>
    spawnSync(process.execPath, [join(root, 'bin/consent-log.mjs'), '--port', '0', ...args], {
      cwd: dir,
      env: { ...process.env, CONSENT_LOG_TOKEN: token },
      encoding: 'utf8',
      // Each case ends at once; the limit only keeps a regression from hanging the suite.
      timeout: 30000,
    });
  const cases = [
    [['--db', `sqlite:${join(dir, 'log.db')}`], 'short', 2, 'consent-log: CONSENT_LOG_TOKEN must be at least 16 characters long; it has 5'],
    [['--db', 'mysql://user:secret@db.example/log'], '', 2, 'consent-log: unsupported database URL "mysql://…@db.example/log" (use sqlite:<file> or postgres://…)'],
    [['--db', 'sqlite:'], '', 2, 'consent-log: --db sqlite: needs a file name, e.g. sqlite:./consent-log.db'],
    [['--db', `sqlite:${join(missing, 'x.db')}`], '', 1, `consent-log: the folder ${missing} (for the database and its token file) does not exist; create it first`],
    [['--db', `sqlite:${join(missing, 'x.db')}`], 'a-token-of-24-characters', 1, `consent-log: the folder ${missing} (for the database and its token file) does not exist; create it first`],
    [['--db', `sqlite:${join(dir, 'log.db')}`, '--token-file', join(missing, 't')], '', 1, `consent-log: the folder ${missing} (for the token file) does not exist; create it first`],
  ];
  for (const [args, token, status, message] of cases) {
    const result = run(args, token);
    const label = `${args.join(' ')} with CONSENT_LOG_TOKEN="${token}"`;
    assert.equal(result.stderr.split('\n')[0], message, label);
    assert.equal(result.status, status, label);
    assert.doesNotMatch(result.stderr, /^\s+at /m, `${label}: no stack trace`);
    assert.doesNotMatch(result.stdout, /token/, `${label}: no token printed`);
    assert.deepEqual(readdirSync(dir), [], `${label}: nothing written`);
  }
});

test('a database of the first schema keeps its receipts through the migration that tells same-second decisions apart', async () => {
  const first = readFileSync(join(root, 'server/migrations/001-receipts-and-snapshots.sql'), 'utf8');
  const old = receipt({ consentId: 'migrated01', decidedAt: Date.UTC(2026, 1, 2, 3, 4, 5) });
  const columns = 'consent_id, decided_at, revision, config_hash, method, granted, denied, lang, version, path, received_at';
  const values = [old.consentId, old.decidedAt, old.revision, old.configHash, old.method, old.granted.join(' '), old.denied.join(' '), old.lang, old.version, old.path, old.decidedAt];

  const sqliteFile = join(tempDir, 'first-schema.db');
  const sqlite = new Database(sqliteFile);
  sqlite.exec(`${first}; CREATE TABLE schema_migrations (version TEXT NOT NULL PRIMARY KEY, applied_at BIGINT NOT NULL)`);
  sqlite.prepare("INSERT INTO schema_migrations VALUES ('001-receipts-and-snapshots', 0)").run();
  sqlite.prepare(`INSERT INTO receipts (${columns}) VALUES (${values.map(() => '?').join(', ')})`).run(...values);
  sqlite.close();

  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  await admin.query('CREATE DATABASE first_schema');
  await admin.end();
  const postgresUrl = postgres.url.replace(/\/postgres$/, '/first_schema');
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  await client.query(`${first}; CREATE TABLE schema_migrations (version TEXT NOT NULL PRIMARY KEY, applied_at BIGINT NOT NULL)`);
  await client.query("INSERT INTO schema_migrations VALUES ('001-receipts-and-snapshots', 0)");
  await client.query(`INSERT INTO receipts (${columns}) VALUES (${values.map((_, n) => `$${n + 1}`).join(', ')})`, values);
  await client.end();

  for (const url of [`sqlite:${sqliteFile}`, postgresUrl]) {
    const store = await openStore({ url });
    const server = await serveHandler({ store, limit: 0 });
    try {
      assert.equal((await post(`${server.url}receipts`, old)).status, 200, `${url}: the stored receipt, resent, is a duplicate`);
      assert.equal((await post(`${server.url}receipts`, { ...old, method: 'reject-all', granted: [], denied: [] })).status, 201, `${url}: another decision in its second is stored`);
      const lookup = JSON.parse((await get(`${server.url}receipts/migrated01`)).text).receipts;
      assert.deepEqual(lookup.map((row) => row.method), ['reject-all', 'accept-all'], url);
    } finally {
      await server.close();
      await store.close();
    }
  }
});
