/**
 * Starts the adapter of every service that names one. This module loads only when the
 * config names an adapter, and each vendor's module only when the config uses it.
 */
import { formatPath, type ServiceConfig } from '../core/config-schema.js';
import { reportError } from '../core/errors.js';
import type { ConsentStore } from '../core/store.js';

type Starter = (service: ServiceConfig, path: (string | number)[], store: ConsentStore) => void;

const MODULES: Record<string, () => Promise<{ start: Starter }>> = {
  matomo: () => import('./matomo.js'),
  econda: () => import('./econda.js'),
  gtag: () => import('./gtag.js'),
  plausible: () => import('./plausible.js'),
};

export function startAdapters(store: ConsentStore): void {
  const started = new WeakSet<ServiceConfig>();
  const start = () =>
    store.config?.categories.forEach((category, c) =>
      category.services.forEach((service, s) => {
        if (!service.adapter || started.has(service)) return;
        started.add(service);
        const path = ['categories', c, 'services', s, 'adapter'];
        const load = Object.hasOwn(MODULES, service.adapter.type) ? MODULES[service.adapter.type] : null;
        if (load) void load().then(({ start }) => start(service, path, store));
        else reportError({ kind: 'config', path: formatPath([...path, 'type']), message: 'must be "matomo", "econda", "gtag" or "plausible"; the adapter does not start' });
      }),
    );
  store.subscribe(start);
  start();
}
