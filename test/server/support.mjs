// Shared helpers for the consent-log server tests: a throw-away PostgreSQL cluster, the
// server as a child process, an in-process handler on an HTTP server, and receipts.
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { createLogHandler } from '../../server/app.mjs';

export const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const testToken = 'test-token-0123456789abcdef';

/** A free TCP port on 127.0.0.1 (asked from the kernel, then released). */
export function freePort() {
  return new Promise((done, fail) => {
    const probe = createNetServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

/** The directory of PostgreSQL's server programs (Debian: /usr/lib/postgresql/<version>/bin). */
function postgresBin() {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).filter((name) => existsSync(join(base, name, 'bin', 'initdb'))) : [];
  if (!versions.length) {
    throw new Error(
      'PostgreSQL is not installed: the consent-log tests need its server programs in /usr/lib/postgresql/<version>/bin ' +
        '(Debian: apt-get install postgresql). They start a cluster of their own; none has to be running.',
    );
  }
  return join(base, versions.sort((a, b) => Number(b) - Number(a))[0], 'bin');
}

/**
 * Starts a throw-away PostgreSQL cluster in a fresh temporary directory, listening on
 * 127.0.0.1 at a free port (and a socket in that directory), trusting local connections.
 * As root it runs as the `postgres` user; otherwise as the current user. Throws (so tests
 * fail, never skip) when PostgreSQL is not installed.
 *
 * @returns {Promise<{ url: string, version: string, stop(mode?: 'fast' | 'immediate'): void,
 *   start(): void, destroy(): void }>} `url` is a postgres:// URL for `openStore`; `stop`
 *   and `start` stop and restart the same cluster (`stop('immediate')` is a crash);
 *   `destroy` stops it and removes its directory (also done when the process exits).
 */
export async function startPostgres() {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'consent-log-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
  }
  const run = (program, args) =>
    execFileSync(asRoot ? 'runuser' : join(bin, program), asRoot ? ['-u', 'postgres', '--', join(bin, program), ...args] : args, {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
  const port = await freePort();
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${error.stderr || error.message}`);
  }
  const serverOptions = `-k ${dir} -p ${port} -c listen_addresses=127.0.0.1`;
  let running = false;
  const start = () => {
    try {
      run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '30', '-o', serverOptions, 'start']);
    } catch (error) {
      throw new Error(`PostgreSQL did not start: ${error.stderr || error.message}`);
    }
    running = true;
  };
  const stop = (mode = 'fast') => {
    if (!running) return;
    run('pg_ctl', ['-D', data, '-w', '-t', '30', '-m', mode, 'stop']);
    running = false;
  };
  const destroy = () => {
    try {
      stop('immediate');
    } finally {
      rmSync(dir, { recursive: true, force: true });
      process.off('exit', destroy);
    }
  };
  process.on('exit', destroy);
  try {
    start();
  } catch (error) {
    destroy();
    throw error;
  }
  const version = run('postgres', ['--version']).trim();
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, version, stop, start, destroy };
}

/**
 * Starts `bin/consent-log.mjs` as a child process on a free port and resolves once it
 * prints that it listens.
 *
 * @param {{ db: string, args?: string[], env?: Record<string, string> }} options `db` as for
 *   `--db`; `args` more command-line options (e.g. ['--limit', '0']).
 * @returns {Promise<{ url: string, token: string, child: import('node:child_process').ChildProcess,
 *   output: string[], exited: Promise<number | null>, stop(): Promise<number | null>, kill(): Promise<void> }>}
 *   `url` ends with "/"; `output` collects the server's output lines; `stop` sends SIGTERM
 *   and waits for the exit; `kill` is `kill -9`.
 */
export function startLogServer({ db, args = [], env = {} }) {
  const child = spawn(process.execPath, [join(root, 'bin/consent-log.mjs'), '--db', db, '--port', '0', ...args], {
    env: { ...process.env, CONSENT_LOG_TOKEN: testToken, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = [];
  const exited = new Promise((done) => child.once('exit', (code, signal) => done(code ?? signal)));
  createInterface({ input: child.stderr }).on('line', (line) => output.push(line));
  return new Promise((done, fail) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      output.push(line);
      const match = /listening on (http:\/\/\S+\/)/.exec(line);
      if (match) {
        done({
          url: match[1],
          token: testToken,
          child,
          output,
          exited,
          stop: () => (child.kill('SIGTERM'), exited),
          kill: () => (child.kill('SIGKILL'), exited.then(() => {})),
        });
      }
    });
    exited.then((code) => fail(new Error(`consent-log exited (${code}) before listening:\n${output.join('\n')}`)));
  });
}

/**
 * The handler on an HTTP server of this process, on a free port.
 * @param {Parameters<typeof createLogHandler>[0]} options as for createLogHandler (token defaults to testToken)
 * @returns {Promise<{ url: string, handler: ReturnType<typeof createLogHandler>, close(): Promise<void> }>}
 */
export function serveHandler(options) {
  const handler = createLogHandler({ token: testToken, log: () => {}, ...options });
  const server = createServer((req, res) => handler.handle(req, res, new URL(req.url, 'http://x').pathname));
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () =>
      done({
        url: `http://127.0.0.1:${server.address().port}/`,
        handler,
        async close() {
          server.closeAllConnections();
          await new Promise((closed) => server.close(closed));
          await handler.close();
        },
      }),
    ),
  );
}

const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** The n-th consent id of a series (distinct for distinct n and prefix). */
export function consentId(n, prefix = 'T') {
  let id = '';
  for (let rest = n; id.length < 9; rest = Math.floor(rest / 62)) id = alphabet[rest % 62] + id;
  return (prefix + id).slice(0, 10);
}

/** A valid receipt; `fields` replace or add fields. */
export function receipt(fields = {}) {
  return {
    consentId: 'aZ0k3x9q0m',
    decidedAt: Date.UTC(2026, 10, 30, 12, 0, 0, 123),
    revision: 3,
    configHash: 'a'.repeat(64),
    method: 'accept-all',
    granted: ['matomo', 'youtube'],
    denied: ['x-twitter'],
    lang: 'de',
    version: '0.1.0',
    path: '/news/article.html',
    ...fields,
  };
}

/** POSTs a body (an object is sent as JSON text, like sendBeacon) and returns status and JSON. */
export async function post(url, body, { type = 'text/plain;charset=UTF-8', headers = {} } = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': type, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

/** GETs with the token and returns status, headers and the text. */
export async function get(url, { token = testToken } = {}) {
  const response = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/**
 * Runs `work(item)` for every item with at most `width` at a time (more at once would
 * overflow the server's listen backlog) and resolves with the results in order.
 */
export async function inParallel(items, width, work) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
}
