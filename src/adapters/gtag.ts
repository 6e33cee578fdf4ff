/**
 * Google tag with consent mode v2. `gtag('consent', 'default', …)` with everything
 * denied goes into the dataLayer before Google's script or any `config`; the stored
 * decision is sent as `update` on every page and right after every decision. By default
 * ("basic") Google's script loads only after consent; "advanced" (with a
 * `necessaryJustification`) loads it at once, with everything denied. Withdrawal sends
 * `update` denied and deletes the `_ga*` cookies; a refusal also stops the pings of
 * "advanced" (`window['ga-disable-<id>']`), unless `"afterRefusal": "continue"`.
 */
import type { GtagSettings } from './schema.js';
import { adapterStarter, deleteVendorCookies } from './shared.js';

type Gtag = (...args: unknown[]) => void;

export const start = /* @__PURE__ */ adapterStarter<GtagSettings>([['id', (id) => typeof id === 'string' && /^[A-Z]{1,3}-[A-Z0-9-]+$/.test(id), 'a Google tag id such as "G-ABC123"']], (settings, context) => {
  const page = window as { dataLayer?: unknown[]; gtag?: Gtag };
  const dataLayer = (page.dataLayer ??= []);
  // Google's tag reads only Arguments objects from the dataLayer, so gtag pushes `arguments`.
  const gtag = (page.gtag ??= function () {
    // eslint-disable-next-line prefer-rest-params
    dataLayer.push(arguments);
  });
  gtag('consent', 'default', { ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', analytics_storage: 'denied', wait_for_update: 500 });
  const grants = Array.isArray(settings.grants) ? settings.grants : ['analytics_storage'];
  let loaded = false;
  const load = () => {
    if (loaded) return;
    loaded = true;
    gtag('js', new Date());
    gtag('config', settings.id);
    context.load(`https://www.googletagmanager.com/gtag/js?id=${encodeURIComponent(settings.id)}`);
  };
  // Google's documented switch that stops measurement for one tag id.
  const disable = (off: boolean) => ((page as Record<string, unknown>)[`ga-disable-${settings.id}`] = off);
  return {
    apply(granted, decided) {
      if (decided) gtag('consent', 'update', Object.fromEntries(grants.map((type) => [type, granted ? 'granted' : 'denied'])));
      if (granted || context.preConsentNow(decided)) {
        disable(false);
        load();
      } else if (loaded) {
        // A refusal: the cookieless pings of "advanced" stop too.
        disable(true);
        deleteVendorCookies('gtag');
      }
    },
  };
});
