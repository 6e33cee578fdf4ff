/**
 * The library's files beyond the entry (the dialog, Lit, `<consent-embed>`, its
 * placeholder, the adapters) load on demand. One that fails to load (an error status, a
 * network error, no answer in time) is reported as a `load` error naming the file and
 * tried once more; if that fails too, the caller's promise rejects. Nothing gated ever
 * loads because of a failure: what was blocked stays blocked.
 */
import { reportError } from './errors.js';

/** How long a file may take to answer before it counts as failed (it may still arrive and be used later). */
export const CHUNK_TIMEOUT_MS = 10_000;

/**
 * Runs `importer` (`() => import('./file.js')`), with one retry. The file is named by `name`,
 * or else, in quotes, from the importer's own source text, where the build has written the
 * file's real name. A browser fetches a failed module again on the next import(); one that
 * never answered is waited for again.
 */
export async function loadChunk<T>(importer: () => Promise<T>, name = /import\((.+?)\)/.exec(String(importer))?.[1] ?? 'a file of the library', retried?: boolean): Promise<T> {
  try {
    return await Promise.race([importer(), new Promise<never>((_, reject) => setTimeout(reject, CHUNK_TIMEOUT_MS, new Error(`no answer in ${CHUNK_TIMEOUT_MS / 1000} s`)))]);
  } catch (error) {
    reportError('load', name, `${(error as Error).message}; ${retried ? 'not loaded' : 'trying once more'}`);
    if (retried) throw error;
    return loadChunk(importer, name, true);
  }
}
