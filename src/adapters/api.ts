/**
 * The adapters for an application that runs the store itself (the npm package's API): the
 * drop-in's starter (./start.ts) with a way to wait until they have started.
 */
import type { ConsentStore } from '../core/store.js';
import { runAdapters } from './start.js';

/** Stops every adapter; `started()` resolves once the adapters of the current config have started (or failed to). */
export interface AdaptersStop {
  (): void;
  started(): Promise<void>;
}

/** Starts the adapter of every service that names one, and follows the store's configs: runAdapters() (./start.ts). */
export function startAdapters(store: ConsentStore): AdaptersStop {
  let starting: Promise<unknown>[] = [];
  const stop = runAdapters(store, (loading) => starting.push(loading));
  return Object.assign(stop, {
    started: async () => {
      // A config that arrives meanwhile may ask for more modules: those are waited for too.
      while (starting.length) {
        const batch = starting;
        starting = [];
        await Promise.allSettled(batch);
      }
    },
  });
}
