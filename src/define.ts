/**
 * The registering entry (the drop-in bundle's entry too): defines `<consent-banner>`
 * and `<consent-embed>`, and starts the gate and the cleaner on the shared store.
 * Safe to load twice.
 */
import { startCleaner } from './core/cleaner.js';
import { startGate } from './core/gate.js';
import { consent } from './core/store.js';
import { ConsentBanner } from './ui/consent-banner.js';

export { consent } from './core/store.js';

/**
 * `<consent-embed>`'s code loads only on pages that have one, now or later: most pages
 * have none, and their visitors should not pay for it.
 */
function defineEmbedOnUse(): void {
  const define = () => {
    observer.disconnect();
    void import('./ui/consent-embed.js').then(({ ConsentEmbed }) => {
      if (!customElements.get('consent-embed')) customElements.define('consent-embed', ConsentEmbed);
    });
  };
  const observer = new MutationObserver(() => {
    if (document.querySelector('consent-embed')) define();
  });
  if (document.querySelector('consent-embed')) define();
  else observer.observe(document.documentElement, { childList: true, subtree: true });
}

if (!customElements.get('consent-banner')) {
  customElements.define('consent-banner', ConsentBanner);
  defineEmbedOnUse();
  startGate(consent);
  startCleaner(consent);
}
