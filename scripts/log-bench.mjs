// npm run bench:log — the consent-log server under load on this machine, on SQLite and on
// PostgreSQL: acknowledged receipts per second over a fixed time, latency, the server's
// peak memory, and a check that every acknowledged receipt is stored; then an export of
// every stored receipt through the API, with the server's memory while it streams. Writes
// bench/log-results.md. Not part of npm test (it takes two minutes and wants a quiet machine).
//
// The server runs in a child process (bin/consent-log.mjs, flood limit off: the load comes
// from one address), the load in another, on keep-alive connections over loopback. The
// load stops by itself after --seconds (60) or --max receipts, whichever comes first.
// Options: --seconds N, --connections N (64), --only sqlite|postgres (a trial: writes no file).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const script = fileURLToPath(import.meta.url);
const { values: options } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    connections: { type: 'string', default: '64' },
    max: { type: 'string', default: '2000000' },
    only: { type: 'string' },
    load: { type: 'string' },
    prefix: { type: 'string', default: 'B' },
  },
});

if (options.load) await runLoad(options.load);
else await main();

/** The load process: sends receipts until the time or the count is up, prints its figures as JSON. */
async function runLoad(url) {
  const seconds = Number(options.seconds);
  const max = Number(options.max);
  const connections = Number(options.connections);
  const { hostname, port } = new URL(url);
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  // Consent ids are random in real life, so rows land all over the index: n times an odd
  // number modulo 2^40 scatters them and stays one-to-one.
  const idOf = (n) => {
    let id = '';
    for (let rest = (n * 2654435761) % 2 ** 40; id.length < 9; rest = Math.floor(rest / 62)) id = alphabet[rest % 62] + id;
    return options.prefix + id;
  };
  const hash = 'c'.repeat(64);
  const start = Date.now();
  const bodyOf = (n) =>
    `{"consentId":"${idOf(n)}","decidedAt":${start - (n % 1000)},"revision":4,"configHash":"${hash}","method":"${n % 3 ? 'accept-all' : 'reject-all'}",` +
    `"granted":["matomo","youtube"],"denied":["x-twitter"],"lang":"de","version":"0.1.0","path":"/news/article-${n % 500}.html"}`;
  const latencies = new Float64Array(max);
  const statuses = {};
  let sent = 0;
  let acknowledged = 0;
  let errors = 0;
  const deadline = start + seconds * 1000;
  // A lean HTTP/1.1 client on raw sockets (as load tools do), so the load process leaves
  // more of the shared CPU to the server than node:http's client would: one request at a
  // time per keep-alive connection, answers read by their Content-Length.
  const connect = () => {
    const socket = createConnection({ host: hostname, port });
    socket.setNoDelay(true);
    let received = '';
    let waiting = null;
    const settle = (status) => {
      const resolve = waiting;
      waiting = null;
      resolve?.(status);
    };
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      const headEnd = received.indexOf('\r\n\r\n');
      if (headEnd < 0) return;
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(received.slice(0, headEnd))?.[1] ?? 0);
      if (received.length < headEnd + 4 + length) return;
      const status = Number(received.slice(9, 12));
      received = received.slice(headEnd + 4 + length);
      settle(status);
    });
    socket.on('error', () => settle(null));
    socket.on('close', () => settle(null));
    return {
      post: (body) =>
        new Promise((resolve) => {
          if (socket.destroyed) return resolve(null);
          waiting = resolve;
          socket.write(
            `POST /receipts HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: text/plain;charset=UTF-8\r\n` +
              `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
          );
        }),
      close: () => socket.end(),
    };
  };
  const worker = async () => {
    const connection = connect();
    while (sent < max && Date.now() < deadline) {
      const n = sent++;
      const began = performance.now();
      const status = await connection.post(bodyOf(n));
      if (status === 201) {
        latencies[acknowledged++] = performance.now() - began;
      } else if (status === null) errors++;
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status === null) break;
    }
    connection.close();
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (Date.now() - start) / 1000;
  const sorted = latencies.subarray(0, acknowledged).sort();
  const quantile = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  process.stdout.write(
    JSON.stringify({ sent, acknowledged, errors, statuses, elapsed, perSecond: acknowledged / elapsed, p50: quantile(0.5), p99: quantile(0.99), max: sorted.at(-1) }),
  );
}

/**
 * Exports every stored receipt (all were decided today, UTC) as CSV through the API and
 * counts its rows, sampling the server's resident memory while it streams: the export goes
 * in batches, so memory must not grow with the number of rows.
 */
async function measureExport(server, token, expected) {
  const residentMiB = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.child.pid}/status`, 'utf8'))[1]) / 1024;
  const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const before = residentMiB();
  let lines = 0;
  // The peak of each quarter of the rows: flat if memory does not grow with the rows streamed.
  const quarters = [before, before, before, before];
  const sampler = setInterval(() => {
    const resident = residentMiB();
    const quarter = Math.min(3, Math.floor((4 * lines) / (expected + 1)));
    quarters[quarter] = Math.max(quarters[quarter], resident);
  }, 20);
  const began = performance.now();
  const response = await fetch(`${server.url}export?from=${day(-1)}&to=${day(1)}&format=csv`, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`export answered ${response.status}: ${await response.text()}`);
  let bytes = 0;
  for await (const chunk of response.body) {
    bytes += chunk.length;
    for (let index = chunk.indexOf(10); index >= 0; index = chunk.indexOf(10, index + 1)) lines++;
  }
  clearInterval(sampler);
  // The first line is the CSV header.
  return { rows: lines - 1, seconds: (performance.now() - began) / 1000, bytes, before, quarters };
}

/** CPU seconds (user + system) a process has used so far. */
function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Peak resident memory (VmHWM) of a process, in MiB. */
function peakRss(pid) {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match[1]) / 1024;
}

function runLoadProcess(url, prefix) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, '--load', url, '--prefix', prefix, '--seconds', options.seconds, '--connections', options.connections, '--max', options.max], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(output)) : reject(new Error(`the load process exited with ${code}`))));
  });
}

async function benchOne(backend, support) {
  const dir = mkdtempSync(join(tmpdir(), 'consent-log-bench-'));
  const postgres = backend === 'postgres' ? await support.startPostgres() : null;
  const db = postgres ? postgres.url : `sqlite:${join(dir, 'bench.db')}`;
  const server = await support.startLogServer({ db, args: ['--limit', '0'] });
  try {
    console.log(`${backend}: ${options.seconds} s of load from ${options.connections} keep-alive connections …`);
    const cpuBefore = cpuSeconds(server.child.pid);
    const load = await runLoadProcess(server.url, backend === 'sqlite' ? 'S' : 'P');
    const rss = peakRss(server.child.pid);
    const cpuPerReceipt = ((cpuSeconds(server.child.pid) - cpuBefore) / load.acknowledged) * 1e6;
    const { inspect } = await import('../test/server/inspect.mjs');
    const database = await inspect(db);
    const stored = await database.count();
    await database.close();
    const exported = await measureExport(server, support.testToken, stored);
    console.log(
      `${backend}: export of ${exported.rows} rows as CSV in ${exported.seconds.toFixed(1)} s (${Math.round(exported.rows / exported.seconds)} rows/s, ` +
        `${(exported.bytes / 2 ** 20).toFixed(0)} MiB); server RSS ${exported.before.toFixed(0)} MiB before, at most ${exported.quarters.map((q) => q.toFixed(0)).join(' / ')} MiB in each quarter of the rows`,
    );
    const result = { backend, ...load, stored, rss, cpuPerReceipt, exported, version: postgres?.version };
    console.log(
      `${backend}: ${Math.round(load.perSecond)} receipts/s acknowledged, p50 ${load.p50.toFixed(1)} ms, p99 ${load.p99.toFixed(1)} ms, ` +
        `peak RSS ${rss.toFixed(0)} MiB, server CPU ${cpuPerReceipt.toFixed(0)} µs/receipt; acknowledged ${load.acknowledged}, stored ${stored}${load.acknowledged === stored ? '' : ' — MISMATCH'}` +
        `${load.errors ? `, ${load.errors} failed connections` : ''}`,
    );
    return result;
  } finally {
    await server.stop();
    postgres?.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const support = await import('../test/server/support.mjs');
  const loadAtStart = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const backends = options.only ? [options.only] : ['sqlite', 'postgres'];
  const results = [];
  for (const backend of backends) results.push(await benchOne(backend, support));

  const cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown';
  const cores = readFileSync('/proc/cpuinfo', 'utf8').match(/^processor\s*:/gm).length;
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const { default: Database } = await import('better-sqlite3');
  const memory = new Database(':memory:');
  const sqliteVersion = memory.prepare('SELECT sqlite_version() AS v').get().v;
  memory.close();
  const betterSqliteVersion = JSON.parse(readFileSync(fileURLToPath(new URL('../node_modules/better-sqlite3/package.json', import.meta.url)), 'utf8')).version;
  const pgVersion = results.find((result) => result.version)?.version ?? 'not run';
  const row = (r) =>
    `| ${r.backend === 'sqlite' ? 'SQLite (better-sqlite3, WAL)' : 'PostgreSQL'} | ${Math.round(r.perSecond).toLocaleString('en')} | ` +
    `${r.p50.toFixed(1)} ms | ${r.p99.toFixed(1)} ms | ${r.max.toFixed(0)} ms | ${r.rss.toFixed(0)} MiB | ${r.cpuPerReceipt.toFixed(0)} µs | ${r.acknowledged.toLocaleString('en')} | ${r.stored.toLocaleString('en')} |`;
  const text = `# Consent-log server: load benchmark

\`npm run bench:log\` (\`scripts/log-bench.mjs\`), ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.
Machine: ${cpu}, ${cores} cores; 1/5/15-minute load average at the start ${loadAtStart}, at the end
${load} (the bench's own processes included; other work on the machine lowers the figures).
Node ${process.version}; ${pgVersion}; SQLite ${sqliteVersion} through better-sqlite3 ${betterSqliteVersion}.

Each backend: the server (\`bin/consent-log.mjs --limit 0\`, so the flood limit does not
refuse a load from one address) in one process, the load in another (a lean HTTP/1.1 client
on raw sockets), ${options.connections} keep-alive connections on loopback, each sending its next
receipt when the last is answered, for
${options.seconds} s. A receipt counts when it was answered 201, which the server sends only after its
transaction committed; latency is from sending to the end of the answer. "Stored" is the
row count read from the database afterwards.

| database | acknowledged receipts/s | p50 | p99 | max | server peak RSS | server CPU per receipt | acknowledged | stored |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${results.map(row).join('\n')}

Then every stored receipt is exported as CSV through the API (\`GET /export\`, streamed in
batches), while the server's resident memory is sampled every 20 ms:

| database | rows exported | rows/s | CSV size | server RSS before | server RSS at most, in each quarter of the rows |
| --- | ---: | ---: | ---: | ---: | ---: |
${results.map((r) => `| ${r.backend === 'sqlite' ? 'SQLite' : 'PostgreSQL'} | ${r.exported.rows.toLocaleString('en')} | ${Math.round(r.exported.rows / r.exported.seconds).toLocaleString('en')} | ${(r.exported.bytes / 2 ** 20).toFixed(0)} MiB | ${r.exported.before.toFixed(0)} MiB | ${r.exported.quarters.map((q) => `${q.toFixed(0)}`).join(' / ')} MiB |`).join('\n')}
`;
  if (options.only) console.log('one backend only: bench/log-results.md is left as it was');
  else {
    writeFileSync(fileURLToPath(new URL('../bench/log-results.md', import.meta.url)), text);
    console.log('written to bench/log-results.md');
  }
  if (results.some((result) => result.acknowledged !== result.stored)) {
    console.error('acknowledged and stored counts differ');
    process.exitCode = 1;
  }
  if (results.some((result) => result.exported.rows !== result.stored)) {
    console.error('the export has not every stored receipt');
    process.exitCode = 1;
  }
}
