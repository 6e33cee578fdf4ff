// Faults under load: the server killed with SIGKILL in the middle of a load (SQLite), and
// PostgreSQL stopped in the middle of a load. In both, every acknowledged receipt must be
// in the database, none twice, and nothing the database could not store acknowledged.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consentId, get, inParallel, post, receipt, startLogServer, startPostgres } from './support.mjs';
import { inspect } from './inspect.mjs';

const tempDir = mkdtempSync(join(tmpdir(), 'consent-log-faults-'));
after(() => rmSync(tempDir, { recursive: true, force: true }));

const keyOf = (sent) => `${sent.consentId} ${sent.decidedAt}`;
const receiptNumber = (n, prefix) => receipt({ consentId: consentId(n, prefix), decidedAt: Date.UTC(2026, 10, 20) + n });

/**
 * Sends receipts from `width` connections until `stop()`; `onAnswer(sent, status, phase)`
 * hears each answer (status null when the connection failed) with the `phase()` of the
 * moment it was sent. `stop()` resolves when every request sent has been answered.
 */
function startLoad({ url, prefix, first = 0, width = 16, phase = () => '', onAnswer }) {
  let stopped = false;
  let next = first;
  const worker = async () => {
    while (!stopped) {
      const sent = receiptNumber(next++, prefix);
      const sentIn = phase();
      let status = null;
      let error;
      try {
        const answer = await post(`${url}receipts`, sent);
        status = answer.status;
        error = answer.body?.error;
      } catch {
        // The server was killed: this receipt was not acknowledged.
      }
      onAnswer(sent, status, sentIn, error);
    }
  };
  const done = Promise.all(Array.from({ length: width }, worker));
  return { stop: () => ((stopped = true), done), sentCount: () => next - first, next: () => next };
}

test('kill -9 of the server in the middle of a load: every acknowledged receipt is stored once', async () => {
  const db = `sqlite:${join(tempDir, 'killed.db')}`;
  let server = await startLogServer({ db, args: ['--limit', '0'] });
  const acknowledged = new Set();
  let reachedKillPoint;
  const killPoint = new Promise((resolve) => (reachedKillPoint = resolve));
  const load = startLoad({
    url: server.url,
    prefix: 'K',
    width: 32,
    onAnswer(sent, status) {
      if (status === 201) acknowledged.add(keyOf(sent));
      else assert.equal(status, null, `only 201 or a broken connection while the server runs, got ${status}`);
      if (acknowledged.size >= 1500) reachedKillPoint();
    },
  });
  await killPoint;
  // No new receipts from here; those in flight meet the kill.
  const loadStopped = load.stop();
  await server.kill();
  await loadStopped;
  const sentCount = load.sentCount();
  assert.ok(sentCount > acknowledged.size, 'some receipts were in flight when the server was killed');

  server = await startLogServer({ db, args: ['--limit', '0'] });
  try {
    const database = await inspect(db);
    const stored = await database.keys();
    await database.close();
    assert.equal(new Set(stored).size, stored.length, 'no receipt is stored twice');
    const storedSet = new Set(stored);
    const lost = [...acknowledged].filter((key) => !storedSet.has(key));
    assert.deepEqual(lost, [], 'every acknowledged receipt survived the kill');

    // Resending everything (as banners whose beacon failed might): stored ones are duplicates.
    const numbers = Array.from({ length: sentCount }, (_, n) => n);
    const statuses = await inParallel(numbers, 32, async (n) => (await post(`${server.url}receipts`, receiptNumber(n, 'K'))).status);
    numbers.forEach((n) => assert.equal(statuses[n], storedSet.has(keyOf(receiptNumber(n, 'K'))) ? 200 : 201));
    const after = await inspect(db);
    assert.equal(await after.count(), sentCount);
    await after.close();
  } finally {
    await server.stop();
  }
});

test('PostgreSQL stopped in the middle of a load: 503 while it is down, storing again when it is back', async () => {
  const postgres = await startPostgres();
  let server;
  try {
    server = await startLogServer({ db: postgres.url, args: ['--limit', '0'] });
    let phase = 'up';
    const answers = { up: [], down: [], back: [] };
    let signal = () => {};
    const waitFor = (condition) => new Promise((resolve) => (signal = () => condition() && resolve()));
    const onAnswer = (sent, status, sentIn, error) => {
      answers[sentIn].push({ key: keyOf(sent), status, error });
      signal();
    };
    const acknowledgedIn = (name) => answers[name].filter((answer) => answer.status === 201).length;

    const load = startLoad({ url: server.url, prefix: 'G', phase: () => phase, onAnswer });
    await waitFor(() => acknowledgedIn('up') >= 300);
    // Synchronous: no receipt is sent while PostgreSQL is going down.
    postgres.stop('immediate');
    phase = 'down';
    await waitFor(() => answers.down.length >= 200);
    // Every receipt sent while it was down is answered before it comes back.
    await load.stop();
    // Reads say so in their own words: there is nothing to send again.
    const exported = await get(`${server.url}export?format=csv`);
    assert.deepEqual([exported.status, JSON.parse(exported.text)], [503, { error: 'the database is unavailable; try again later' }]);
    postgres.start();
    phase = 'back';
    const again = startLoad({ url: server.url, prefix: 'G', first: load.next(), phase: () => phase, onAnswer });
    // The pool reconnects on its own; this waits (within the test's time) for new 201s.
    await waitFor(() => acknowledgedIn('back') >= 300);
    await again.stop();

    assert.deepEqual([...new Set(answers.down.map((answer) => answer.status))], [503], 'only 503 while the database is down');
    assert.ok(answers.down.every((answer) => answer.error === 'the database is unavailable; nothing was stored, send it again later'));
    const health = await get(`${server.url}health`, { token: null });
    assert.equal(health.status, 200, 'the server is healthy again without a restart');

    const database = await inspect(postgres.url);
    const stored = new Set(await database.keys());
    await database.close();
    const acknowledged = [...answers.up, ...answers.back].filter((answer) => answer.status === 201);
    assert.deepEqual(acknowledged.filter((answer) => !stored.has(answer.key)), [], 'every 201 is stored');
    assert.deepEqual(answers.down.filter((answer) => stored.has(answer.key)), [], 'nothing refused with 503 is stored');
  } finally {
    await server?.stop();
    postgres.destroy();
  }
});
