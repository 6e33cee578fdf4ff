/**
 * The registering entry (the drop-in bundle's entry too): defines `<consent-banner>`
 * and starts the gate and the cleaner on the shared store. Safe to load twice.
 */
import { startCleaner } from './core/cleaner.js';
import { startGate } from './core/gate.js';
import { consent } from './core/store.js';
import { ConsentBanner } from './ui/consent-banner.js';

export { consent } from './core/store.js';

if (!customElements.get('consent-banner')) {
  customElements.define('consent-banner', ConsentBanner);
  startGate(consent);
  startCleaner(consent);
}
