/**
 * Worker thread of the SQLite store: copies the WAL into the database file (a checkpoint)
 * on a connection of its own. A checkpoint writes and fsyncs the database file; done by
 * SQLite's automatic checkpoint inside a commit, on the server's event loop, it held every
 * request for tens of milliseconds and cost about a fifth of the throughput.
 *
 * Every `intervalMs` a PASSIVE checkpoint (it never waits for or blocks the writer) copies
 * what has been committed. PASSIVE alone cannot let the WAL start over while receipts keep
 * coming, so the main thread, when the WAL has grown, holds its commits for a moment and asks
 * for a last PASSIVE pass ('finish'); with the WAL then fully copied, the next commit starts
 * it from the beginning.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('synchronous = NORMAL');

const checkpoint = (type) => {
  try {
    const [{ log, checkpointed }] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ type, log, checkpointed });
  } catch (error) {
    parentPort.postMessage({ type, error: error.message });
  }
};
const timer = setInterval(() => checkpoint('passive'), workerData.intervalMs);

parentPort.on('message', (message) => {
  if (message === 'finish') checkpoint('finished');
  if (message === 'stop') {
    clearInterval(timer);
    db.close();
    parentPort.close();
  }
});
