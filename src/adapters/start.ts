/**
 * Starts the adapter of every service that names one, for the store's current config, and
 * stops those whose service a new config no longer has. This module loads only when the
 * config names an adapter, and each vendor's module only when the config uses it.
 */
import { loadChunk } from '../core/chunks.js';
import type { ServiceConfig } from '../core/config-schema.js';
import type { ConsentStore } from '../core/store.js';
import { isCurrent, reportSetting, type AdapterStarter } from './shared.js';

const MODULES: Record<string, () => Promise<{ start: AdapterStarter }>> = {
  matomo: () => import('./matomo.js'),
  econda: () => import('./econda.js'),
  gtag: () => import('./gtag.js'),
  plausible: () => import('./plausible.js'),
};

/** Stops every adapter; `started()` resolves once the adapters of the current config have started (or failed to). */
export interface AdaptersStop {
  (): void;
  started(): Promise<void>;
}

export function startAdapters(store: ConsentStore): AdaptersStop {
  /** The stop function of each service's adapter; a service is in here from the moment its module is requested. */
  const running = new Map<ServiceConfig, () => void>();
  let starting: Promise<unknown>[] = [];
  let stopped = false;

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
          reportSetting(path, 'type', 'must be "matomo", "econda", "gtag" or "plausible"; the adapter does not start');
          return;
        }
        // A module that does not load is reported (loadChunk); that vendor then stays off.
        const loading = loadChunk(load).then(({ start }) => {
          // Stopped, or the config replaced, while the vendor's module loaded: start nothing.
          if (!stopped && running.has(service)) running.set(service, start(service, path, store));
        }, () => {});
        starting.push(loading);
      }),
    );
  };

  const unsubscribe = store.subscribe((_store, change) => {
    if (change.type === 'config') sync();
  });
  sync();
  return Object.assign(
    () => {
      stopped = true;
      unsubscribe();
      for (const stop of running.values()) stop();
      running.clear();
    },
    {
      started: async () => {
        while (starting.length) {
          const batch = starting;
          starting = [];
          await Promise.allSettled(batch);
        }
      },
    },
  );
}
