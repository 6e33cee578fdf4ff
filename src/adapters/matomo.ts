/**
 * Matomo. Default ("consent"): `requireConsent` is queued before anything else and
 * matomo.js loads only after consent, so nothing is sent or stored before. Consent is
 * given on each page from our own record with `setConsentGiven` (never
 * `rememberConsentGiven`, whose cookie would live for 30 years). Withdrawal:
 * `forgetConsentGiven`, then the `_pk_*` and `mtm_*` cookies are deleted.
 *
 * "cookieless" (the privacy officer's explicit choice): matomo.js loads at once and
 * measures without cookies (`requireCookieConsent`) until consent upgrades it
 * (`setCookieConsentGiven`). German authorities hold that this needs consent too.
 */
import { deleteCookies } from '../core/cleaner.js';
import type { MatomoSettings } from './schema.js';
import { adapterStarter, isText, isUrl } from './shared.js';

/** Matomo's cookies: deleted on withdrawal, and what the config lint recognises as Matomo. */
export const vendorCookies = ['_pk_*', 'mtm_*'];

export const start = /* @__PURE__ */ adapterStarter<MatomoSettings>([['url', isUrl, 'the Matomo URL (http:, https: or relative to the page)'], ['siteId', isText, 'the Matomo site id']], (settings, context) => {
  const base = settings.url.endsWith('/') ? settings.url : `${settings.url}/`;
  const page = window as { _paq?: { push(...commands: unknown[][]): unknown } };
  // Looked up on every push: once loaded, matomo.js replaces the queue with itself.
  const push = (...commands: unknown[][]) => (page._paq ??= []).push(...commands);
  const cookieless = settings.mode === 'cookieless';
  push([cookieless ? 'requireCookieConsent' : 'requireConsent'], ['setTrackerUrl', `${base}matomo.php`], ['setSiteId', String(settings.siteId)], ['trackPageView'], ['enableLinkTracking']);
  let loaded = false;
  let given = false;
  const load = () => {
    if (!loaded) context.load(`${base}matomo.js`);
    loaded = true;
  };
  if (cookieless) load();
  return {
    apply(granted) {
      if (granted) {
        push([cookieless ? 'setCookieConsentGiven' : 'setConsentGiven']);
        given = true;
        load();
      } else if (given) {
        push([cookieless ? 'forgetCookieConsentGiven' : 'forgetConsentGiven']);
        given = false;
        deleteCookies(vendorCookies.map((name) => ({ name })));
      }
    },
  };
});
