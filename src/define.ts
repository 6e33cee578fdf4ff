/**
 * The registering entry (the drop-in bundle's entry too): defines `<consent-banner>`
 * and `<consent-embed>`, and starts the gate, the cleaner and the vendor adapters on
 * the shared store.
 * Safe to load twice.
 */
import { startCleaner } from './core/cleaner.js';
import { startGate } from './core/gate.js';
import { consent } from './core/store.js';
import { ConsentBanner } from './ui/consent-banner.js';

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
  void import('./ui/consent-embed.js').then(({ ConsentEmbed }) => {
    if (!customElements.get('consent-embed')) customElements.define('consent-embed', ConsentEmbed);
  });
}

/** The adapters' code loads only when the config names an adapter. */
function startAdaptersOnUse(): void {
  const unsubscribe = consent.subscribe(() => {
    if (!consent.config?.categories.some((category) => category.services.some((service) => service.adapter))) return;
    unsubscribe();
    void import('./adapters/start.js').then(({ startAdapters }) => startAdapters(consent));
  });
}

if (!customElements.get('consent-banner')) {
  customElements.define('consent-banner', ConsentBanner);
  startGate(consent, document, defineEmbedOnUse);
  defineEmbedOnUse();
  startCleaner(consent);
  startAdaptersOnUse();
}
