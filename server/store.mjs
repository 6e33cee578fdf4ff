/**
 * The consent log's storage: one interface over SQLite (better-sqlite3, a file next to the
 * server) and PostgreSQL (pg, shared by several server instances).
 *
 * Both run the same migration files (`server/migrations/NNN-*.sql`, portable SQL). Receipts
 * are written by group commit: the receipts that arrive while a write is being prepared or
 * is in flight go into one transaction, and each caller's promise settles only after that
 * transaction committed. That is what lets a 2-core machine acknowledge thousands of
 * receipts per second while acknowledging nothing that is not stored.
 *
 * The drivers are optional peer dependencies of the package (the banner's users never get
 * them), so they are imported lazily here, with a message that says which one to install.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Raised when the database cannot store or read right now; the HTTP layer answers 503. */
export class StoreUnavailableError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

/**
 * @typedef {object} ReceiptRow
 * @property {string} consentId
 * @property {number} decidedAt ms since 1970
 * @property {number} revision
 * @property {string} configHash
 * @property {string} method
 * @property {string} granted space-separated service ids
 * @property {string} denied space-separated service ids
 * @property {string} lang
 * @property {string} version
 * @property {string | null} path
 * @property {number} receivedAt ms since 1970
 */

/**
 * @typedef {object} Store
 * @property {'sqlite' | 'postgres'} kind
 * @property {(row: ReceiptRow) => Promise<{ inserted: boolean, snapshotKnown: boolean }>} addReceipt
 *   resolves after the row's transaction committed (or the same decision was there already)
 * @property {(hash: string, configText: string, receivedAt: number) => Promise<boolean>} addSnapshot
 *   true when stored now, false when it was there already
 * @property {(consentId: string) => Promise<Array<ReceiptRow & { config: string | null }>>} receiptsOf
 *   newest first, with the snapshot's JSON text or null
 * @property {(range: { from: number, to: number, after?: [number, string, number], limit: number }) =>
 *   Promise<Array<ReceiptRow & { seq: number, snapshotMissing: boolean }>>} exportBatch
 *   decided in [from, to), ordered by (decidedAt, consentId, seq), after the given key
 * @property {(from: number, to: number) => Promise<Array<{ day: number, method: string, revision: number, count: number }>>} countsByDay
 *   day = whole UTC days since 1970
 * @property {(before: number) => Promise<number>} deleteDecidedBefore  the number of receipts deleted
 * @property {() => Promise<void>} ping
 * @property {() => Promise<void>} close  writes what is pending, then closes the database
 */

/**
 * Opens (and migrates) the store a URL names: `sqlite:path/to/file.db` or `postgres://…`.
 * @param {{ url: string, batchLimit?: number, batchDelayMs?: number, poolSize?: number, log?: (message: string) => void }} options
 *   `batchLimit`: receipts per transaction at most (1000); `batchDelayMs`: how long a receipt
 *   waits for others to share its commit (SQLite 4 ms, PostgreSQL 0: there the batches
 *   form while earlier ones are in flight); `poolSize`: PostgreSQL connections (8).
 * @returns {Promise<Store>}
 */
export async function openStore({ url, batchLimit = 1000, batchDelayMs, poolSize = 8, log = (message) => console.error(message) }) {
  if (typeof url !== 'string') throw new TypeError('openStore: "url" must be sqlite:<file> or postgres://…');
  if (url.startsWith('sqlite:')) return openSqlite(url.slice('sqlite:'.length), { batchLimit, batchDelayMs, log });
  if (/^postgres(ql)?:\/\//.test(url)) return openPostgres(url, { batchLimit, batchDelayMs, poolSize, log });
  throw new TypeError(`openStore: unsupported database URL "${url}" (use sqlite:<file> or postgres://…)`);
}

/** The migration files in order: [{ version: '001-…', sql }]. */
function migrations() {
  return readdirSync(migrationsDir)
    .filter((name) => /^\d{3}-[\w-]+\.sql$/.test(name))
    .sort()
    .map((name) => ({ version: name.replace(/\.sql$/, ''), sql: readFileSync(join(migrationsDir, name), 'utf8') }));
}

const createMigrationsTable =
  'CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT NOT NULL PRIMARY KEY, applied_at BIGINT NOT NULL)';

async function importDriver(name) {
  try {
    return (await import(name)).default;
  } catch (error) {
    if (error?.code === 'ERR_MODULE_NOT_FOUND') {
      throw new Error(`the consent log needs the "${name}" package for this database: npm i ${name}`, { cause: error });
    }
    throw error;
  }
}

/**
 * Group commit: `add` queues a row and returns a promise; `write(rows)` stores a batch and
 * returns one result per row. At most `inFlight` batches are written at a time; what arrives
 * meanwhile waits for the next batch.
 */
function groupCommitter({ write, batchLimit, inFlight, delayMs }) {
  let pending = [];
  let running = 0;
  let scheduled = null;
  let idle = null;
  let held = false;

  const flush = () => {
    if (scheduled?.timer) clearTimeout(scheduled.timer);
    if (scheduled?.immediate) clearImmediate(scheduled.immediate);
    scheduled = null;
    while (pending.length && running < inFlight && !held) {
      const batch = pending.slice(0, batchLimit);
      pending = pending.slice(batch.length);
      running++;
      Promise.resolve()
        .then(() => write(batch.map((item) => item.row)))
        .then(
          (results) => batch.forEach((item, index) => item.resolve(results[index])),
          (error) => batch.forEach((item) => item.reject(error)),
        )
        .finally(() => {
          running--;
          if (pending.length >= batchLimit) flush();
          else if (pending.length) schedule();
          else if (!running && idle) idle();
        });
    }
  };
  const schedule = () => {
    if (scheduled) return;
    // A few ms of waiting gather the receipts of many requests into one commit (a commit
    // costs far more than a row); with no delay, those of one turn of the event loop.
    scheduled = delayMs > 0 ? { timer: setTimeout(flush, delayMs) } : { immediate: setImmediate(flush) };
  };
  return {
    add(row) {
      return new Promise((resolve, reject) => {
        pending.push({ row, resolve, reject });
        if (pending.length >= batchLimit && running < inFlight) flush();
        else schedule();
      });
    },
    /** No new batch starts until `release()` (what is being written finishes). */
    hold() {
      held = true;
    },
    release() {
      held = false;
      if (pending.length) schedule();
    },
    /** Resolves when nothing is pending or being written. */
    drain() {
      if (!pending.length && !running) return Promise.resolve();
      return new Promise((resolve) => {
        idle = resolve;
        schedule();
      });
    },
  };
}

/**
 * Marks the first row of each (consentId, decidedAt) in a batch: those go into one insert,
 * the others after it (sameSecond), where they are told apart from what was just stored.
 */
function firstOccurrences(rows) {
  const seen = new Set();
  return rows.map((row) => {
    const key = `${row.consentId} ${row.decidedAt}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Whether two receipts of one consent id and second are the same decision (a resend),
 * field by field; the time of arrival does not count. decidedAt has whole seconds, so two
 * different decisions can share it, and each is kept (as `seq` 0, 1, … in arrival order).
 */
const sameDecision = (a, b) =>
  a.revision === b.revision && a.configHash === b.configHash && a.method === b.method && a.granted === b.granted &&
  a.denied === b.denied && a.lang === b.lang && a.version === b.version && (a.path ?? null) === (b.path ?? null);

/** The `seq` for another decision in a second whose stored rows are `stored`. */
const nextSeq = (stored) => stored.reduce((max, row) => Math.max(max, row.seq + 1), 0);

const fromDbRow = (row) => ({
  consentId: row.consent_id,
  decidedAt: Number(row.decided_at),
  seq: Number(row.seq),
  revision: Number(row.revision),
  configHash: row.config_hash,
  method: row.method,
  granted: row.granted,
  denied: row.denied,
  lang: row.lang,
  version: row.version,
  path: row.path ?? null,
  receivedAt: Number(row.received_at),
});

const receiptColumns =
  'r.consent_id, r.decided_at, r.seq, r.revision, r.config_hash, r.method, r.granted, r.denied, r.lang, r.version, r.path, r.received_at';

// The same statements for both databases where the SQL is portable; placeholders differ.
const exportSql = (p) =>
  `SELECT ${receiptColumns}, CASE WHEN s.hash IS NULL THEN 1 ELSE 0 END AS snapshot_missing
   FROM receipts r LEFT JOIN snapshots s ON s.hash = r.config_hash
   WHERE r.decided_at >= ${p(1)} AND r.decided_at < ${p(2)} AND (r.decided_at, r.consent_id, r.seq) > (${p(3)}, ${p(4)}, ${p(5)})
   ORDER BY r.decided_at, r.consent_id, r.seq LIMIT ${p(6)}`;
const countsSql = (p) =>
  `SELECT decided_at / 86400000 AS day, method, revision, COUNT(*) AS n FROM receipts
   WHERE decided_at >= ${p(1)} AND decided_at < ${p(2)} GROUP BY decided_at / 86400000, method, revision`;
const receiptsOfSql = (p) =>
  `SELECT ${receiptColumns}, s.config FROM receipts r LEFT JOIN snapshots s ON s.hash = r.config_hash
   WHERE r.consent_id = ${p(1)} ORDER BY r.decided_at DESC, r.seq DESC`;
// Deleting in slices keeps each transaction (and SQLite's hold on the event loop) short.
const deleteSliceSize = 5000;
const deleteSql = (p) =>
  `DELETE FROM receipts WHERE (consent_id, decided_at, seq) IN
   (SELECT consent_id, decided_at, seq FROM receipts WHERE decided_at < ${p(1)} LIMIT ${deleteSliceSize})`;

const question = () => '?';
const dollar = (n) => `$${n}`;

async function openSqlite(file, { batchLimit, batchDelayMs, log }) {
  if (!file) throw new TypeError('openStore: sqlite: needs a file name, e.g. sqlite:./consent-log.db');
  const Database = await importDriver('better-sqlite3');
  const db = new Database(resolve(file));
  // WAL with synchronous=NORMAL: a commit survives a crash of the process (the WAL is in
  // the OS's page cache); only a power cut can lose the last commits.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');

  // BEGIN IMMEDIATE takes the write lock, so two processes starting at once migrate once.
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec(createMigrationsTable);
    const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all());
    for (const { version, sql } of migrations()) {
      if (applied.has(version)) continue;
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(version, Date.now());
    }
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    db.close();
    throw error;
  }


  const insertReceipt = db.prepare(
    `INSERT INTO receipts (consent_id, decided_at, seq, revision, config_hash, method, granted, denied, lang, version, path, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const sameSecondStatement = db.prepare(
    `SELECT ${receiptColumns} FROM receipts r WHERE r.consent_id = ? AND r.decided_at = ?`,
  );
  const snapshotExists = db.prepare('SELECT 1 FROM snapshots WHERE hash = ?').pluck();
  const insertSnapshot = db.prepare(
    'INSERT INTO snapshots (hash, config, received_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const exportStatement = db.prepare(exportSql(question));
  const countsStatement = db.prepare(countsSql(question));
  const receiptsOfStatement = db.prepare(receiptsOfSql(question));
  const deleteStatement = db.prepare(deleteSql(question));

  const insert = (row, seq) =>
    insertReceipt.run(
      row.consentId, row.decidedAt, seq, row.revision, row.configHash, row.method,
      row.granted, row.denied, row.lang, row.version, row.path, row.receivedAt,
    ).changes === 1;
  // One row after the other in one transaction, which no other writer can enter: a row
  // whose second is taken is a resend when it matches a stored one, else the next seq.
  const writeBatch = db.transaction((rows) => {
    const known = new Map();
    return rows.map((row) => {
      let inserted = insert(row, 0);
      if (!inserted) {
        const stored = sameSecondStatement.all(row.consentId, row.decidedAt).map(fromDbRow);
        inserted = !stored.some((other) => sameDecision(other, row)) && insert(row, nextSeq(stored));
      }
      if (!known.has(row.configHash)) known.set(row.configHash, snapshotExists.get(row.configHash) === 1);
      return { inserted, snapshotKnown: known.get(row.configHash) };
    });
  });
  const unavailable = (error) => new StoreUnavailableError(`SQLite: ${error.message}`, { cause: error });
  const guard = (work) => {
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(unavailable(error));
    }
  };
  const committer = groupCommitter({ write: (rows) => guard(() => writeBatch(rows)), batchLimit, inFlight: 1, delayMs: batchDelayMs ?? 4 });
  const checkpointer = startCheckpointer(db, resolve(file), committer, log);
  let closed = false;

  return {
    kind: 'sqlite',
    addReceipt: (row) => (closed ? Promise.reject(new StoreUnavailableError('the store is closed')) : committer.add(row)),
    addSnapshot: (hash, configText, receivedAt) =>
      guard(() => insertSnapshot.run(hash, configText, receivedAt).changes === 1),
    receiptsOf: (consentId) =>
      guard(() => receiptsOfStatement.all(consentId).map((row) => ({ ...fromDbRow(row), config: row.config ?? null }))),
    exportBatch: ({ from, to, after = [-Infinity, '', -1], limit }) =>
      guard(() =>
        exportStatement
          .all(from, to, Number.isFinite(after[0]) ? after[0] : Number.MIN_SAFE_INTEGER, after[1], after[2], limit)
          .map((row) => ({ ...fromDbRow(row), snapshotMissing: row.snapshot_missing === 1 })),
      ),
    countsByDay: (from, to) =>
      guard(() =>
        countsStatement
          .all(from, to)
          .map((row) => ({ day: Number(row.day), method: row.method, revision: Number(row.revision), count: Number(row.n) })),
      ),
    async deleteDecidedBefore(before) {
      let total = 0;
      for (;;) {
        const { changes } = await guard(() => deleteStatement.run(before));
        total += changes;
        if (changes < deleteSliceSize) return total;
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
    ping: () => guard(() => void db.prepare('SELECT 1').get()),
    async close() {
      if (closed) return;
      closed = true;
      await checkpointer.stop();
      await committer.drain();
      db.close();
    },
  };
}

/**
 * Moves SQLite's WAL checkpoints off the event loop into a worker thread (see
 * sqlite-checkpoint.mjs). When the WAL exceeds `walLimitFrames`, commits are held while the
 * worker finishes, so the WAL can start over. Should the worker fail, SQLite's own automatic
 * checkpoint takes over, so the WAL never grows without bound.
 */
function startCheckpointer(db, file, committer, log, walLimitFrames = 16384) {
  db.pragma('wal_autocheckpoint = 0');
  const worker = new Worker(new URL('./sqlite-checkpoint.mjs', import.meta.url), { workerData: { file, intervalMs: 100 } });
  worker.unref();
  let stopping = false;
  let holding = false;
  const fallBack = (reason) => {
    if (holding) committer.release();
    holding = false;
    if (stopping || !db.open) return;
    log(`consent-log: SQLite checkpoints back on the main thread (${reason})`);
    db.pragma('wal_autocheckpoint = 1000');
  };
  worker.on('message', ({ type, log: frames, error }) => {
    if (error) log(`consent-log: SQLite checkpoint failed: ${error}`);
    if (type === 'finished' && holding) {
      holding = false;
      committer.release();
    } else if (type === 'passive' && !holding && !stopping && frames > walLimitFrames) {
      holding = true;
      committer.hold();
      worker.postMessage('finish');
    }
  });
  worker.on('error', (error) => fallBack(error.message));
  worker.on('exit', (code) => fallBack(`the checkpoint worker exited with ${code}`));
  return {
    stop() {
      stopping = true;
      if (holding) committer.release();
      holding = false;
      return new Promise((done) => {
        worker.once('exit', done);
        // Referenced again, so the process waits for it (and the close after it) to end.
        worker.ref();
        worker.postMessage('stop');
      });
    },
  };
}

async function openPostgres(url, { batchLimit, batchDelayMs, poolSize, log }) {
  const pg = await importDriver('pg');
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // A database that is down must answer quickly (503), not hold requests.
    connectionTimeoutMillis: 3000,
    query_timeout: 15000,
    // BIGINT columns hold ms times and counts, all below 2^53: read them as numbers.
    types: { getTypeParser: (oid, format) => (oid === 20 ? Number : pg.types.getTypeParser(oid, format)) },
  });
  // An idle connection that the server closes (a restart, a failover) is dropped from the
  // pool and replaced on the next query; without this listener it would crash the process.
  pool.on('error', (error) => log(`consent-log: PostgreSQL connection lost (${error.message}); reconnecting on demand`));

  const unavailable = (error) =>
    error instanceof StoreUnavailableError ? error : new StoreUnavailableError(`PostgreSQL: ${error.message}`, { cause: error });
  const query = async (sql, values) => {
    try {
      return await pool.query(sql, values);
    } catch (error) {
      throw unavailable(error);
    }
  };

  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }

  // One statement, so one round trip and all or nothing: the insert (as seq 0) of the first
  // row of each (consent id, second) in the batch, and which of the batch's config hashes
  // have a snapshot.
  const insertSql = `WITH inserted AS (
      INSERT INTO receipts (consent_id, decided_at, seq, revision, config_hash, method, granted, denied, lang, version, path, received_at)
      SELECT c, d, 0, r, h, m, g, n, l, v, p, t FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::bigint[])
        AS u (c, d, r, h, m, g, n, l, v, p, t)
      ON CONFLICT DO NOTHING RETURNING consent_id, decided_at)
    SELECT 'receipt' AS kind, consent_id AS key, decided_at FROM inserted
    UNION ALL SELECT 'snapshot', hash, NULL FROM snapshots WHERE hash = ANY($12::text[])`;
  const sameSecondSql = `SELECT ${receiptColumns} FROM receipts r
    WHERE (r.consent_id, r.decided_at) IN (SELECT * FROM unnest($1::text[], $2::bigint[]))`;
  const insertOneSql = `INSERT INTO receipts (consent_id, decided_at, seq, revision, config_hash, method, granted, denied, lang, version, path, received_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT DO NOTHING`;
  const columns = ['consentId', 'decidedAt', 'revision', 'configHash', 'method', 'granted', 'denied', 'lang', 'version', 'path', 'receivedAt'];

  /**
   * The rows whose (consent id, second) was taken: a resend when a stored row is the same
   * decision, else stored as the next seq. Rare (resends, or two decisions in one second),
   * so one row at a time; another instance may take the same seq first, then it reads again.
   */
  async function sameSecond(rows) {
    const storedByKey = new Map();
    const readStored = async (list) => {
      const { rows: found } = await query(sameSecondSql, [list.map((row) => row.consentId), list.map((row) => row.decidedAt)]);
      for (const row of list) storedByKey.set(`${row.consentId} ${row.decidedAt}`, []);
      for (const found1 of found.map(fromDbRow)) storedByKey.get(`${found1.consentId} ${found1.decidedAt}`).push(found1);
    };
    await readStored(rows);
    const inserted = [];
    for (const row of rows) {
      for (;;) {
        const stored = storedByKey.get(`${row.consentId} ${row.decidedAt}`);
        if (stored.some((other) => sameDecision(other, row))) {
          inserted.push(false);
          break;
        }
        const seq = nextSeq(stored);
        const { rowCount } = await query(insertOneSql, [row.consentId, row.decidedAt, seq, ...columns.slice(2).map((name) => row[name])]);
        if (rowCount === 1) {
          stored.push({ ...row, seq });
          inserted.push(true);
          break;
        }
        await readStored([row]);
      }
    }
    return inserted;
  }

  const writeBatch = async (rows) => {
    const first = firstOccurrences(rows);
    const unique = rows.filter((_, index) => first[index]);
    const column = (name) => unique.map((row) => row[name]);
    const result = await query({
      name: 'consent-log-insert-receipts',
      text: insertSql,
      values: [...columns.map(column), rows.map((row) => row.configHash)],
    });
    const insertedKeys = new Set();
    const knownHashes = new Set();
    for (const row of result.rows) {
      if (row.kind === 'receipt') insertedKeys.add(`${row.key} ${row.decided_at}`);
      else knownHashes.add(row.key);
    }
    const inserted = rows.map((row, index) => first[index] && insertedKeys.has(`${row.consentId} ${row.decidedAt}`));
    const rest = rows.filter((_, index) => !inserted[index]);
    if (rest.length) {
      const restInserted = await sameSecond(rest);
      rows.forEach((_, index) => {
        if (!inserted[index]) inserted[index] = restInserted.shift();
      });
    }
    return rows.map((row, index) => ({ inserted: inserted[index], snapshotKnown: knownHashes.has(row.configHash) }));
  };
  const committer = groupCommitter({ write: writeBatch, batchLimit, inFlight: Math.max(1, poolSize - 2), delayMs: batchDelayMs ?? 0 });
  let closed = false;

  return {
    kind: 'postgres',
    addReceipt: (row) => (closed ? Promise.reject(new StoreUnavailableError('the store is closed')) : committer.add(row)),
    async addSnapshot(hash, configText, receivedAt) {
      const result = await query(
        'INSERT INTO snapshots (hash, config, received_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [hash, configText, receivedAt],
      );
      return result.rowCount === 1;
    },
    async receiptsOf(consentId) {
      const { rows } = await query(receiptsOfSql(dollar), [consentId]);
      return rows.map((row) => ({ ...fromDbRow(row), config: row.config ?? null }));
    },
    async exportBatch({ from, to, after = [Number.MIN_SAFE_INTEGER, '', -1], limit }) {
      const { rows } = await query(exportSql(dollar), [from, to, after[0], after[1], after[2], limit]);
      return rows.map((row) => ({ ...fromDbRow(row), snapshotMissing: Number(row.snapshot_missing) === 1 }));
    },
    async countsByDay(from, to) {
      const { rows } = await query(countsSql(dollar), [from, to]);
      return rows.map((row) => ({ day: Number(row.day), method: row.method, revision: Number(row.revision), count: Number(row.n) }));
    },
    async deleteDecidedBefore(before) {
      let total = 0;
      for (;;) {
        const { rowCount } = await query(deleteSql(dollar), [before]);
        total += rowCount;
        if (rowCount < deleteSliceSize) return total;
      }
    },
    ping: async () => void (await query('SELECT 1')),
    async close() {
      if (closed) return;
      closed = true;
      await committer.drain();
      await pool.end();
    },
  };
}

/** A number every consent-log instance uses for its migration lock ('clog' in ASCII). */
const migrationLockKey = 0x636c6f67;

/** Runs the pending migrations, one instance at a time (pg_advisory_lock), each in a transaction. */
async function migratePostgres(pool) {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [migrationLockKey]);
    try {
      await client.query(createMigrationsTable);
      const { rows } = await client.query('SELECT version FROM schema_migrations');
      const applied = new Set(rows.map((row) => row.version));
      for (const { version, sql } of migrations()) {
        if (applied.has(version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(sql);
          await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [version, Date.now()]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw new Error(`migration ${version} failed: ${error.message}`, { cause: error });
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [migrationLockKey]);
    }
  } finally {
    client.release();
  }
}
