/**
 * The registering entry (the drop-in bundle's entry too): starts the gate, the cleaner,
 * the sync between tabs and the vendor adapters on the shared store, then defines `<consent-banner>`, and
 * `<consent-embed>` on pages that have one.
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

let embedRequested = false;

/**
 * `<consent-embed>`'s code loads only on pages that have one, now or later (the gate
 * reports every change to the page): most pages have none, and their visitors should
 * not pay for it.
 */
function defineEmbedOnUse(): void {
  if (embedRequested || !document.querySelector('consent-embed')) return;
  embedRequested = true;
  loadChunk(() => import('./ui/embed/consent-embed.js')).then(({ ConsentEmbed }) => {
    if (!customElements.get('consent-embed')) customElements.define('consent-embed', ConsentEmbed);
  }, () => {});
}

/** The adapters' code loads only once a config names an adapter (now or after a replacement). */
function startAdaptersOnUse(store: ConsentStore): void {
  const namesAdapter = () => store.config?.categories.some((category) => category.services.some((service) => service.adapter)) === true;
  const startIfNamed = () => {
    if (!namesAdapter()) return;
    unsubscribe();
    loadChunk(() => import('./adapters/start.js')).then(({ startAdapters }) => startAdapters(store), () => {});
  };
  const unsubscribe = store.subscribe(startIfNamed);
  startIfNamed();
}

// Where the page's CSP refuses the library's Trusted Types policy, no gated script could run:
// nothing starts, so nothing gated loads, and scriptPolicy() has said why.
if (!customElements.get('consent-banner') && scriptPolicy()) {
  // Starters first: defining the banner upgrades it, and an inline or already set config is
  // applied right then; every starter must hear of it.
  startGate(consent, document, defineEmbedOnUse);
  startCleaner(consent);
  startTabSync(consent);
  startAdaptersOnUse(consent);
  defineEmbedOnUse();
  customElements.define('consent-banner', ConsentBanner);
}
