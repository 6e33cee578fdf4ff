/**
 * The registering entry (the drop-in bundle's entry too): starts the gate, the cleaner,
 * the sync between tabs and the vendor adapters on the shared store, then defines `<consent-banner>`, and
 * `<consent-embed>` and `<consent-cookie-table>` on pages that have one.
 * Safe to load twice.
 */
import { loadChunk } from './core/chunks.js';
import { startCleaner } from './core/cleaner.js';
import { startGate } from './core/gate.js';
import { scriptPolicy } from './core/scripts.js';
import { consent, type ConsentStore } from './core/store.js';
import { startTabSync } from './core/tabs.js';
import { ConsentBanner } from './ui/banner/consent-banner.js';

export { consent } from './core/store.js';

/**
 * Elements whose code loads only on pages that have one, now or later (the gate reports
 * every change to the page): most pages have neither, and their visitors should not pay
 * for them.
 */
const ON_USE: Record<string, () => Promise<{ element: CustomElementConstructor }>> = {
  'consent-embed': () => import('./ui/embed/consent-embed.js'),
  'consent-cookie-table': () => import('./ui/cookie-table/consent-cookie-table.js'),
};

function defineOnUse(): void {
  for (const tag in ON_USE) {
    if (!document.querySelector(tag)) continue;
    loadChunk(ON_USE[tag]).then(({ element }) => customElements.get(tag) || customElements.define(tag, element), () => {});
    // Asked for once only.
    delete ON_USE[tag];
  }
}

/** The adapters' code loads only once a config names an adapter (now or after a replacement). */
function startAdaptersOnUse(store: ConsentStore): void {
  const namesAdapter = () => store.config?.categories.some((category) => category.services.some((service) => service.adapter));
  const startIfNamed = () => {
    if (!namesAdapter()) return;
    unsubscribe();
    loadChunk(() => import('./adapters/start.js')).then(({ runAdapters }) => runAdapters(store), () => {});
  };
  const unsubscribe = store.subscribe(startIfNamed);
  startIfNamed();
}

// Where the page's CSP refuses the library's Trusted Types policy, no gated script could run:
// nothing starts, so nothing gated loads, and scriptPolicy() has said why.
if (!customElements.get('consent-banner') && scriptPolicy()) {
  // Starters first: defining the banner upgrades it, and an inline or already set config is
  // applied right then when stamped; every starter must hear of it.
  startGate(consent, document, defineOnUse);
  startCleaner(consent);
  startTabSync(consent);
  startAdaptersOnUse(consent);
  defineOnUse();
  customElements.define('consent-banner', ConsentBanner);
}
