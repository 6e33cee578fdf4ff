/**
 * econda. Its script loads only after consent, with the page's nonce; `settings` become
 * `emos3.defaults` and `pageView` is sent once allowed (sites add more calls on the
 * `consent-adapter-load` event). Withdrawal deletes the `emos_*` cookies and stops
 * further `emos3.send` calls; a new grant lets them through again.
 */
import { deleteCookies } from '../core/cleaner.js';
import type { EcondaSettings } from './schema.js';
import { adapterStarter, isUrl } from './shared.js';

/** econda's cookies (`emos_jcsid`, `emos_jcvid`, …): deleted on withdrawal (core/necessary.ts lists them among the trackers). */
export const vendorCookies = ['emos_*'];

interface Emos3 {
  defaults?: Record<string, unknown>;
  stored?: unknown[];
  send(properties: unknown): void;
}

export const start = /* @__PURE__ */ adapterStarter<EcondaSettings>([['src', isUrl, 'the URL of the econda script (http:, https: or relative to the page)']], (settings, context) => {
  const page = window as { emos3?: Emos3 };
  let loaded = false;
  /** econda's own send, kept aside while the service is withdrawn. */
  let paused: Emos3['send'] | null = null;
  return {
    apply(granted) {
      const emos3 = page.emos3;
      if (granted && !loaded) {
        loaded = true;
        // econda's documented queue: calls made before emos3.js arrives are kept in `stored`.
        page.emos3 = { defaults: { ...settings.settings }, stored: [], send(properties) { this.stored!.push(properties); } };
        page.emos3.send({ ...settings.pageView });
        context.load(settings.src);
      } else if (granted && emos3 && paused) {
        emos3.send = paused;
        paused = null;
      } else if (!granted && loaded && emos3 && !paused) {
        paused = emos3.send;
        emos3.send = () => {};
        deleteCookies(vendorCookies.map((name) => ({ name })));
      }
    },
  };
});
