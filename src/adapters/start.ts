/**
 * Starts the adapter of every service that names one, for the store's current config, and
 * stops those whose service a new config no longer has. This module loads only when the
 * config names an adapter, and each vendor's module only when the config uses it.
 */
import { loadChunk } from '../core/chunks.js';
import type { ServiceConfig } from '../core/config-schema.js';
import type { ConsentStore } from '../core/store.js';
import { isCurrent, refuseSetting, type AdapterStarter } from './shared.js';

const MODULES: Record<string, () => Promise<{ start: AdapterStarter }>> = {
  matomo: () => import('./matomo.js'),
  econda: () => import('./econda.js'),
  gtag: () => import('./gtag.js'),
  plausible: () => import('./plausible.js'),
};

/**
 * Starts the adapters; returns the function that stops them all. `starting` hears of each
 * vendor module as it is asked for: the promise settles once that adapter has started (or
 * failed to). The drop-in passes none; startAdapters() (./api.ts) collects them.
 */
export function runAdapters(store: ConsentStore, starting?: (loading: Promise<unknown>) => void): () => void {
  /** The stop function of each service's adapter; a service is in here from the moment its module is requested. */
  const running = new Map<ServiceConfig, () => void>();

  const sync = () => {
    for (const [service, stop] of running) {
      if (isCurrent(store, service)) continue;
      stop();
      running.delete(service);
    }
    store.config?.categories.forEach((category, c) =>
      category.services.forEach((service, s) => {
        if (!service.adapter || running.has(service)) return;
        running.set(service, () => {});
        const path = ['categories', c, 'services', s, 'adapter'];
        const load = Object.hasOwn(MODULES, service.adapter.type) ? MODULES[service.adapter.type] : null;
        if (!load) {
          refuseSetting(path, 'type', '"matomo", "econda", "gtag" or "plausible"');
          return;
        }
        // A module that does not load is reported (loadChunk); that vendor then stays off.
        const loading = loadChunk(load).then(({ start }) => {
          // Stopped (which empties `running`), or the config replaced, while the vendor's module loaded: start nothing.
          if (running.has(service)) running.set(service, start(service, path, store));
        }, () => {});
        // (Not `starting?.(loadChunk(…))`: without a listener that would not even load the module.)
        starting?.(loading);
      }),
    );
  };

  const unsubscribe = store.subscribe((_store, change) => {
    if (change.type === 'config') sync();
  });
  sync();
  return () => {
    unsubscribe();
    for (const stop of running.values()) stop();
    running.clear();
  };
}
