// The consent log's HTTP API on both databases: validation (each refusal stores nothing),
// receipts with and without their snapshot, duplicates, export, retention, statistics,
// the token, and the flood limit (which must not store the client's address).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { configHash } from '../../dist/lib/core/config-hash.js';
import { openStore, StoreUnavailableError } from '../../server/store.mjs';
import { consentId, get, inParallel, post, receipt, serveHandler, startPostgres, testToken } from './support.mjs';
import { inspect } from './inspect.mjs';

const dayMs = 24 * 60 * 60 * 1000;

let postgres;
const tempDir = mkdtempSync(join(tmpdir(), 'consent-log-api-'));
before(async () => {
  postgres = await startPostgres();
});
after(() => {
  postgres?.destroy();
  rmSync(tempDir, { recursive: true, force: true });
});

for (const backend of ['sqlite', 'postgres']) {
  describe(`consent log API on ${backend}`, () => {
    let url;
    let store;
    let server;
    let db;
    before(async () => {
      url = backend === 'sqlite' ? `sqlite:${join(tempDir, 'api.db')}` : postgres.url;
      store = await openStore({ url });
      server = await serveHandler({ store, limit: 0 });
      db = await inspect(url);
    });
    after(async () => {
      await server?.close();
      await store?.close();
      await db?.close();
    });

    const refusals = [
      ['malformed JSON', '{"consentId": "aZ0k3x9q0m",', 400, /^the body is not valid JSON/],
      ['a JSON array', '[]', 400, /^the body must be a JSON object/],
      ['a number as text', receipt({ revision: '3' }), 400, /^"revision" must be an integer/],
      ['a fractional time', receipt({ decidedAt: 1.5 }), 400, /^"decidedAt" must be an integer/],
      ['a service id that is none', receipt({ granted: ['matomo', 'youtube', 'Bad Id'] }), 400, /^"granted\[2\]" must be a service id/],
      ['a repeated service id', receipt({ denied: ['x', 'x'] }), 400, /^"denied\[1\]" repeats the service id "x"/],
      ['a service both granted and denied', receipt({ denied: ['matomo'] }), 400, /^"denied\[0\]" \("matomo"\) is also in "granted"/],
      ['an unknown field', receipt({ ip: '203.0.113.9' }), 400, /^unknown field "ip"$/],
      ['a missing field', { ...receipt(), lang: undefined }, 400, /^"lang" is missing$/],
      ['a consent id of 9 characters', receipt({ consentId: 'aZ0k3x9q0' }), 400, /^"consentId" must be a consent id/],
      ['a consent id with a dash', receipt({ consentId: 'aZ0k3x9q-m' }), 400, /^"consentId" must be a consent id/],
      ['a time 25 hours ahead', receipt({ decidedAt: Date.now() + 25 * 60 * 60 * 1000 }), 400, /^"decidedAt" is more than 24 hours in the future$/],
      ['an unknown method', receipt({ method: 'maybe' }), 400, /^"method" must be one of accept-all, reject-all/],
      ['a hash in capitals', receipt({ configHash: 'A'.repeat(64) }), 400, /^"configHash" must be a SHA-256 hash/],
      ['a full URL as path', receipt({ path: 'https://example.org/news' }), 400, /^"path" must be the path of a page only/],
      ['a path with a query', receipt({ path: '/news?id=4' }), 400, /^"path" must be the path of a page only/],
      ['a path with a control character', receipt({ path: '/news/\u0007.html' }), 400, /^"path" must be the path of a page only: starting with "\/", without "\?", "#", white space or control characters, at most 1024 characters$/],
      ['a body over 16 KiB', receipt({ path: `/${'a'.repeat(16 * 1024)}` }), 413, /^the body is larger than 16384 bytes$/],
    ];
    for (const [name, body, status, message] of refusals) {
      test(`refuses ${name} with ${status} and stores nothing`, async () => {
        const before = await db.count();
        const answer = await post(`${server.url}receipts`, body);
        assert.equal(answer.status, status);
        assert.match(answer.body.error, message);
        assert.equal(await db.count(), before);
      });
    }

    test('odd bodies all get a 4xx and the server keeps serving', async () => {
      const before = await db.count();
      const odd = [
        '', 'null', '"text"', '12', 'true', '{}', '{"__proto__": {"consentId": "aZ0k3x9q0m"}}',
        `${'['.repeat(5000)}${']'.repeat(5000)}`, '{"consentId": "\ud800"}', '\u0000', '{"a":1}{"b":2}',
        JSON.stringify(receipt({ granted: 'matomo' })), JSON.stringify(receipt({ granted: [null] })),
        JSON.stringify(receipt({ decidedAt: 1e300 })), JSON.stringify(receipt({ revision: -1 })),
        JSON.stringify(receipt({ version: 'x'.repeat(33) })), JSON.stringify(receipt({ lang: 'DE' })),
      ];
      for (const body of odd) {
        const answer = await post(`${server.url}receipts`, body);
        assert.ok(answer.status >= 400 && answer.status < 500, `${body.slice(0, 40)} → ${answer.status}`);
        assert.equal(typeof answer.body.error, 'string');
      }
      assert.equal(await db.count(), before);
      assert.equal((await get(`${server.url}health`, { token: null })).status, 200);
    });

    test('refuses a body over 16 KiB sent without a length (chunked) with 413', async () => {
      const before = await db.count();
      const chunks = Array.from({ length: 40 }, () => 'x'.repeat(1024));
      const response = await fetch(`${server.url}receipts`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: Readable.toWeb(Readable.from(chunks)),
        duplex: 'half',
      });
      assert.equal(response.status, 413);
      assert.equal(await db.count(), before);
    });

    test('refuses another content type with 415 and stores nothing', async () => {
      const before = await db.count();
      const answer = await post(`${server.url}receipts`, receipt({ consentId: 'formPost01' }), { type: 'application/x-www-form-urlencoded' });
      assert.equal(answer.status, 415);
      assert.match(answer.body.error, /must be JSON sent as application\/json or text\/plain, not "application\/x-www-form-urlencoded"/);
      assert.equal(await db.count(), before);
    });

    test('a receipt whose snapshot is missing is stored and says so, in the answer and the look-up', async () => {
      const sent = receipt({ consentId: 'noSnapshot', configHash: 'b'.repeat(64) });
      const answer = await post(`${server.url}receipts`, sent);
      assert.deepEqual([answer.status, answer.body], [201, { stored: true, snapshot: 'missing' }]);
      const lookup = await get(`${server.url}receipts/noSnapshot`);
      assert.equal(lookup.status, 200);
      const [stored] = JSON.parse(lookup.text).receipts;
      assert.equal(stored.snapshot, null);
      assert.equal(stored.snapshotMissing, true);
    });

    test('a receipt is shown with the texts of its uploaded snapshot', async () => {
      const config = { categories: [{ id: 'statistics', label: { de: 'Statistik', en: 'Statistics' } }], services: [{ id: 'matomo', category: 'statistics' }] };
      const upload = await post(`${server.url}snapshots`, JSON.stringify(config, null, 2), {
        type: 'application/json',
        headers: { Authorization: `Bearer ${testToken}` },
      });
      assert.deepEqual([upload.status, upload.body], [201, { hash: configHash(config), stored: true }]);
      const again = await post(`${server.url}snapshots`, config, { type: 'application/json', headers: { Authorization: `Bearer ${testToken}` } });
      assert.equal(again.status, 200);

      const older = receipt({ consentId: 'withTexts1', configHash: configHash(config), decidedAt: Date.UTC(2026, 10, 1), method: 'reject-all', granted: [], denied: ['matomo'], path: undefined });
      const newer = receipt({ consentId: 'withTexts1', configHash: configHash(config), decidedAt: Date.UTC(2026, 10, 2), granted: ['matomo'], denied: [] });
      assert.deepEqual((await post(`${server.url}receipts`, older)).body, { stored: true, snapshot: 'known' });
      assert.deepEqual((await post(`${server.url}receipts`, newer)).body, { stored: true, snapshot: 'known' });

      const lookup = JSON.parse((await get(`${server.url}receipts/withTexts1`)).text);
      assert.equal(lookup.consentId, 'withTexts1');
      assert.deepEqual(
        lookup.receipts.map(({ receivedAt, ...fields }) => (assert.equal(typeof receivedAt, 'number'), fields)),
        [
          { ...newer, snapshot: config, snapshotMissing: false },
          { ...older, path: null, snapshot: config, snapshotMissing: false },
        ],
      );
    });

    test('a look-up of an unknown or malformed consent id says so', async () => {
      const unknown = await get(`${server.url}receipts/neverSeen0`);
      assert.deepEqual([unknown.status, JSON.parse(unknown.text)], [404, { error: 'no receipt for consent id neverSeen0' }]);
      const malformed = await get(`${server.url}receipts/not-an-id`);
      assert.equal(malformed.status, 400);
      assert.match(JSON.parse(malformed.text).error, /^"not-an-id" is not a consent id/);
    });

    test('a path that starts with several slashes is stored with one, so it never reads as an address on another host', async () => {
      // https://site.example//news/x.html has the pathname "//news/x.html"; a beacon is sent
      // once, so refusing it would lose the proof. "/\" is what a browser reads as "//" in a link.
      const sent = [
        ['slashes01', '//news/x.html', '/news/x.html'],
        ['slashes02', '///www.example.net/x', '/www.example.net/x'],
        ['slashes03', '/\\www.example.net/x', '/www.example.net/x'],
        ['slashes04', '//a//b.html', '/a//b.html'],
      ];
      for (const [id, path] of sent) {
        const answer = await post(`${server.url}receipts`, receipt({ consentId: `${id}0`, decidedAt: Date.UTC(2026, 4, 2, 8), path }));
        assert.deepEqual([answer.status, answer.body], [201, { stored: true, snapshot: 'missing' }], path);
        const again = await post(`${server.url}receipts`, receipt({ consentId: `${id}0`, decidedAt: Date.UTC(2026, 4, 2, 8), path }));
        assert.equal(again.status, 200, `resending ${path} is a duplicate`);
      }
      for (const [id, , stored] of sent) {
        assert.deepEqual(JSON.parse((await get(`${server.url}receipts/${id}0`)).text).receipts.map((row) => row.path), [stored]);
      }
      const ndjson = (await get(`${server.url}export?from=2026-05-02&to=2026-05-02`)).text.trimEnd().split('\n').map((line) => JSON.parse(line));
      assert.deepEqual(ndjson.map((row) => row.path).sort(), sent.map(([, , stored]) => stored).sort());
      const csv = (await get(`${server.url}export?from=2026-05-02&to=2026-05-02&format=csv`)).text;
      assert.equal(csv.split('\r\n').filter((line) => line.includes(',//') || line.includes(',/\\')).length, 0);
    });

    test('a resent receipt is acknowledged again and stored once', async () => {
      const sent = receipt({ consentId: 'resentOnce' });
      assert.equal((await post(`${server.url}receipts`, sent)).status, 201);
      const again = await post(`${server.url}receipts`, sent);
      assert.deepEqual([again.status, again.body], [200, { stored: true, duplicate: true, snapshot: 'missing' }]);
      // Both at once: they land in one batch, and still one row.
      const twice = await Promise.all([1, 2].map(() => post(`${server.url}receipts`, receipt({ consentId: 'sameBatch1' }))));
      assert.deepEqual(twice.map((answer) => answer.status).sort(), [200, 201]);
      assert.equal(await db.count("consent_id IN ('resentOnce', 'sameBatch1')"), 2);
    });

    test('two different decisions under one consent id in the same second are both kept; only an identical resend is a duplicate', async () => {
      // decidedAt has whole seconds: "Accept all", then a change of mind in the same second.
      const decidedAt = Date.UTC(2026, 3, 7, 9, 30, 5);
      const first = receipt({ consentId: 'sameSecnd1', decidedAt, method: 'accept-all' });
      const second = receipt({ consentId: 'sameSecnd1', decidedAt, method: 'custom', granted: [], denied: ['matomo', 'youtube', 'x-twitter'] });
      assert.deepEqual((await post(`${server.url}receipts`, first)).body, { stored: true, snapshot: 'missing' });
      const changed = await post(`${server.url}receipts`, second);
      assert.deepEqual([changed.status, changed.body], [201, { stored: true, snapshot: 'missing' }]);
      for (const resent of [second, first]) {
        const again = await post(`${server.url}receipts`, resent);
        assert.deepEqual([again.status, again.body], [200, { stored: true, duplicate: true, snapshot: 'missing' }]);
      }
      // Only the path differs: another decision too.
      assert.equal((await post(`${server.url}receipts`, { ...first, path: '/other.html' })).status, 201);
      assert.equal(await db.count("consent_id = 'sameSecnd1'"), 3);
      // The look-up lists them latest first: the order they arrived in.
      const lookup = JSON.parse((await get(`${server.url}receipts/sameSecnd1`)).text).receipts;
      assert.deepEqual(lookup.map((row) => [row.method, row.path]), [['accept-all', '/other.html'], ['custom', first.path], ['accept-all', first.path]]);

      // In one batch (sent at once): two copies of one decision and another decision.
      const batch = [first, first, second].map((body) => ({ ...body, consentId: 'sameSecnd2' }));
      const statuses = await Promise.all(batch.map(async (body) => (await post(`${server.url}receipts`, body)).status));
      assert.deepEqual(statuses.slice(0, 2).sort(), [200, 201]);
      assert.equal(statuses[2], 201);
      assert.equal(await db.count("consent_id = 'sameSecnd2'"), 2);
    });

    test('export pages on past two decisions that share consent id and second at a batch boundary', async () => {
      const at = Date.UTC(2026, 2, 3, 10);
      // 999 receipts, then the pair one millisecond later: rows 1000 and 1001 of the day.
      const answers = await inParallel(Array.from({ length: 999 }, (_, n) => n), 32, (n) =>
        post(`${server.url}receipts`, receipt({ consentId: consentId(n, 'B'), decidedAt: at })),
      );
      assert.ok(answers.every((answer) => answer.status === 201));
      for (const method of ['accept-all', 'reject-all']) {
        const answer = await post(`${server.url}receipts`, receipt({ consentId: 'boundary01', decidedAt: at + 1, method, granted: [], denied: [] }));
        assert.equal(answer.status, 201);
      }
      const rows = (await get(`${server.url}export?from=2026-03-03&to=2026-03-03`)).text.trimEnd().split('\n').map((line) => JSON.parse(line));
      assert.equal(rows.length, 1001);
      assert.deepEqual(rows.slice(-2).map((row) => [row.consentId, row.method]), [['boundary01', 'accept-all'], ['boundary01', 'reject-all']]);
    });

    test('export of a day range as NDJSON and CSV has exactly its rows, CSV quoted per RFC 4180', async () => {
      const day = (d, hour) => Date.UTC(2026, 9, d, hour);
      const rows = [
        receipt({ consentId: 'exportOut1', decidedAt: day(14, 23) }),
        receipt({ consentId: 'exportIn01', decidedAt: day(15, 0), path: '/a,"quoted".html' }),
        receipt({ consentId: 'exportIn02', decidedAt: day(16, 22), method: 'custom', granted: [], denied: ['matomo', 'youtube'], path: undefined }),
        receipt({ consentId: 'exportOut2', decidedAt: day(17, 0) }),
      ];
      for (const row of rows) assert.equal((await post(`${server.url}receipts`, row)).status, 201);

      const ndjson = await get(`${server.url}export?from=2026-10-15&to=2026-10-16&format=ndjson`);
      assert.equal(ndjson.status, 200);
      assert.match(ndjson.headers.get('content-type'), /^application\/x-ndjson/);
      const lines = ndjson.text.trimEnd().split('\n').map((line) => JSON.parse(line));
      assert.deepEqual(
        lines.map(({ receivedAt, ...fields }) => fields),
        [
          { ...rows[1], snapshotMissing: true },
          { ...rows[2], path: null, snapshotMissing: true },
        ],
      );

      const csv = await get(`${server.url}export?from=2026-10-15&to=2026-10-16&format=csv`);
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('content-type'), /^text\/csv/);
      const received = lines.map((line) => new Date(line.receivedAt).toISOString());
      assert.equal(
        csv.text,
        'consentId,decidedAt,revision,configHash,method,granted,denied,lang,version,path,receivedAt,snapshotMissing\r\n' +
          `exportIn01,2026-10-15T00:00:00.000Z,3,${'a'.repeat(64)},accept-all,matomo youtube,x-twitter,de,0.1.0,"/a,""quoted"".html",${received[0]},true\r\n` +
          `exportIn02,2026-10-16T22:00:00.000Z,3,${'a'.repeat(64)},custom,,matomo youtube,de,0.1.0,,${received[1]},true\r\n`,
      );
    });

    test('export pages through more rows than one batch, each row once, in order', async () => {
      const count = 1234;
      const decidedAt = Date.UTC(2026, 8, 1, 10);
      const answers = await inParallel(Array.from({ length: count }, (_, n) => n), 32, (n) =>
        post(`${server.url}receipts`, receipt({ consentId: consentId(n, 'P'), decidedAt: decidedAt + (n % 7) })),
      );
      assert.ok(answers.every((answer) => answer.status === 201));
      const ndjson = await get(`${server.url}export?from=2026-09-01&to=2026-09-01`);
      const keys = ndjson.text.trimEnd().split('\n').map((line) => JSON.parse(line)).map((row) => [row.decidedAt, row.consentId]);
      assert.equal(keys.length, count);
      const sorted = [...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
      assert.deepEqual(keys, sorted);
      assert.equal(new Set(keys.map((key) => key.join(' '))).size, count);
    });

    test('statistics count decisions per day by method and revision', async () => {
      const at = (d) => Date.UTC(2026, 6, d, 9);
      const sent = [
        receipt({ consentId: 'statsA0001', decidedAt: at(1), method: 'accept-all', revision: 2 }),
        receipt({ consentId: 'statsA0002', decidedAt: at(1), method: 'reject-all', revision: 3, granted: [], denied: [] }),
        receipt({ consentId: 'statsA0003', decidedAt: at(1), method: 'reject-all', revision: 3, granted: [], denied: [] }),
        receipt({ consentId: 'statsA0004', decidedAt: at(3), method: 'gpc', revision: 3, granted: [], denied: [] }),
      ];
      for (const row of sent) assert.equal((await post(`${server.url}receipts`, row)).status, 201);
      const stats = await get(`${server.url}stats?from=2026-07-01&to=2026-07-03`);
      assert.equal(stats.status, 200);
      const zero = { 'accept-all': 0, 'reject-all': 0, custom: 0, placeholder: 0, gpc: 0, dnt: 0 };
      assert.deepEqual(JSON.parse(stats.text), {
        from: '2026-07-01',
        to: '2026-07-03',
        days: [
          { day: '2026-07-01', receipts: 3, methods: { ...zero, 'accept-all': 1, 'reject-all': 2 }, revisions: { 2: 1, 3: 2 } },
          { day: '2026-07-02', receipts: 0, methods: zero, revisions: {} },
          { day: '2026-07-03', receipts: 1, methods: { ...zero, gpc: 1 }, revisions: { 3: 1 } },
        ],
        totals: { receipts: 4, methods: { ...zero, 'accept-all': 1, 'reject-all': 2, gpc: 1 }, revisions: { 2: 1, 3: 3 } },
      });
      const reversed = await get(`${server.url}stats?from=2026-07-03&to=2026-07-01`);
      assert.deepEqual([reversed.status, JSON.parse(reversed.text)], [400, { error: '"from" must not be after "to"' }]);
      const badDay = await get(`${server.url}stats?from=2026-02-30`);
      assert.deepEqual([badDay.status, JSON.parse(badDay.text)], [400, { error: '"from" must be a date as YYYY-MM-DD' }]);
    });

    test('retention deletes the receipts decided before the period, and only those', async () => {
      const now = Date.now();
      const retention = await serveHandler({ store, limit: 0, retentionDays: 30 });
      try {
        await retention.handler.runRetention();
        const old = receipt({ consentId: 'retainOld1', decidedAt: now - 31 * dayMs });
        const recent = receipt({ consentId: 'retainNew1', decidedAt: now - 29 * dayMs });
        for (const row of [old, recent]) assert.equal((await post(`${retention.url}receipts`, row)).status, 201);
        const before = await db.count();
        assert.equal(await retention.handler.runRetention(), 1);
        assert.equal(await db.count(), before - 1);
        assert.equal(await db.count("consent_id = 'retainOld1'"), 0);
        assert.equal(await db.count("consent_id = 'retainNew1'"), 1);
      } finally {
        await retention.close();
      }
    });

    test('the privacy officer endpoints answer 401 without the token or with a wrong one', async () => {
      for (const path of ['receipts/aZ0k3x9q0m', 'export?from=2026-01-01&to=2026-01-02', 'stats']) {
        for (const token of [null, 'wrong-token-0123456789abcdef', `${testToken}x`]) {
          const answer = await get(`${server.url}${path}`, { token });
          assert.equal(answer.status, 401, `${path} with ${token}`);
          assert.equal(answer.headers.get('www-authenticate'), 'Bearer');
        }
      }
      const upload = await post(`${server.url}snapshots`, { a: 1 }, { type: 'application/json' });
      assert.equal(upload.status, 401);
      assert.deepEqual(await post(`${server.url}receipts`, receipt({ consentId: 'publicPost' })).then((a) => a.status), 201);
    });

    test('health names the database', async () => {
      const health = await get(`${server.url}health`, { token: null });
      assert.deepEqual([health.status, JSON.parse(health.text)], [200, { ok: true, database: backend }]);
    });

    test('the flood limit answers 429 after the limit and stores nothing about the client', async () => {
      const address = '203.0.113.77';
      const limited = await serveHandler({ store, limit: 3, trustProxy: true });
      try {
        const send = (n, from = address) =>
          post(`${limited.url}receipts`, receipt({ consentId: consentId(n, 'F') }), { headers: { 'X-Forwarded-For': `${from}, 10.0.0.1` } });
        const statuses = [];
        for (let n = 0; n < 5; n++) statuses.push((await send(n)).status);
        assert.deepEqual(statuses, [201, 201, 201, 429, 429]);
        const refused = await send(9);
        assert.match(refused.headers.get('retry-after'), /^\d+$/);
        assert.equal(await db.count("consent_id IN ('F000000003', 'F000000004', 'F000000009')"), 0);
        // Another client has its own allowance.
        assert.equal((await send(10, '198.51.100.20')).status, 201);
      } finally {
        await limited.close();
      }
      const values = await db.allValues();
      assert.ok(values.size > 10, 'every table and column was read');
      for (const [column, list] of values) {
        assert.ok(!/(^|_)(ip|addr|address|client|host|forwarded)(_|$)/i.test(column.split('.')[1]), `no column is about the client: ${column}`);
        for (const value of list) {
          assert.ok(!value.includes(address) && !value.includes('198.51.100.20') && !value.includes('127.0.0.1'), `${column} holds an address`);
        }
      }
    });
  });
}

test('an unexpected error is a 500 in JSON, logged without the body', async () => {
  const lines = [];
  const brokenStore = { kind: 'sqlite', addReceipt: async () => { throw new Error('disk on fire'); }, deleteDecidedBefore: async () => 0 };
  const broken = await serveHandler({ store: brokenStore, limit: 0, log: (line) => lines.push(line) });
  try {
    const answer = await post(`${broken.url}receipts`, receipt({ consentId: 'secretBody' }));
    assert.deepEqual([answer.status, answer.body], [500, { error: 'internal error' }]);
    assert.ok(lines.some((line) => line.includes('disk on fire')), 'the error is logged');
    assert.ok(!lines.some((line) => line.includes('secretBody')), 'the body is not');
  } finally {
    await broken.close();
  }
});

test('a database outage is a 503 whose message fits the request: a write is to be sent again, a read tried again', async () => {
  const down = () => Promise.reject(new StoreUnavailableError('connect ECONNREFUSED'));
  const outage = { kind: 'postgres', addReceipt: down, addSnapshot: down, receiptsOf: down, exportBatch: down, countsByDay: down, deleteDecidedBefore: down };
  const server = await serveHandler({ store: outage, limit: 0 });
  try {
    const auth = { headers: { Authorization: `Bearer ${testToken}` } };
    const writes = [
      await post(`${server.url}receipts`, receipt()),
      await post(`${server.url}snapshots`, { categories: [] }, { type: 'application/json', ...auth }),
    ];
    for (const answer of writes) {
      assert.deepEqual([answer.status, answer.body], [503, { error: 'the database is unavailable; nothing was stored, send it again later' }]);
      assert.equal(answer.headers.get('retry-after'), '5');
    }
    for (const path of ['export?from=2026-01-01&to=2026-01-02', 'export?format=csv', 'stats', 'receipts/aZ0k3x9q0m']) {
      const answer = await get(`${server.url}${path}`);
      assert.deepEqual([answer.status, JSON.parse(answer.text)], [503, { error: 'the database is unavailable; try again later' }], path);
      assert.equal(answer.headers.get('retry-after'), '5', path);
    }
  } finally {
    await server.close();
  }
});
