/**
 * Matomo. Default ("consent"): `requireConsent` is queued before anything else and
 * matomo.js loads only after consent, so nothing is sent or stored before. Consent is
 * given on each page from our own record with `setConsentGiven` (never
 * `rememberConsentGiven`, whose cookie would live for 30 years). Withdrawal:
 * `forgetConsentGiven`, then the `_pk_*` and `mtm_*` cookies are deleted.
 *
 * "cookieless" (the privacy officer's choice, with a `necessaryJustification`): matomo.js
 * loads at once and measures without cookies (`requireCookieConsent`) until consent
 * upgrades it (`setCookieConsentGiven`). A refusal stops it (`requireConsent`, so no
 * request is sent any more, and nothing loads on later pages), unless the settings say
 * `"afterRefusal": "continue"`. German authorities hold that this needs consent too.
 */
import type { MatomoSettings } from './schema.js';
import { adapterStarter, deleteVendorCookies, isText, urlSetting } from './shared.js';

export const start = /* @__PURE__ */ adapterStarter<MatomoSettings>([urlSetting('url', 'the Matomo URL'), ['siteId', isText, 'the Matomo site id']], (settings, context) => {
  const base = settings.url.replace(/\/?$/, '/');
  const page = window as { _paq?: { push(...commands: unknown[][]): unknown } };
  // Looked up on every push: once loaded, matomo.js replaces the queue with itself.
  const push = (...commands: unknown[][]) => (page._paq ??= []).push(...commands);
  const cookieless = context.preConsent;
  push([cookieless ? 'requireCookieConsent' : 'requireConsent'], ['setTrackerUrl', `${base}matomo.php`], ['setSiteId', String(settings.siteId)], ['trackPageView'], ['enableLinkTracking']);
  let loaded = false;
  let given = false;
  /** A refusal stopped the cookieless measurement: any hit now needs consent. */
  let stopped = false;
  const load = () => {
    if (!loaded) context.load(`${base}matomo.js`);
    loaded = true;
  };
  return {
    apply(granted, decided) {
      if (granted) {
        push(...(stopped ? [['setConsentGiven']] : []), [cookieless ? 'setCookieConsentGiven' : 'setConsentGiven']);
        given = true;
        load();
        return;
      }
      if (given) {
        // Before matomo.js has run, the queue is still ours: the consent queued for it is taken back (a forget behind it
        // would come too late, the page view already sent); after, Matomo's own forget.
        const queue = page._paq;
        if (Array.isArray(queue)) page._paq = queue.filter(([command]) => !/ConsentGiven$/.test(command as string));
        else push([cookieless ? 'forgetCookieConsentGiven' : 'forgetConsentGiven']);
        given = false;
        deleteVendorCookies('matomo');
      }
      if (context.preConsentNow(decided)) load();
      else if (cookieless && loaded) {
        push(['requireConsent'], ['forgetConsentGiven']);
        stopped = true;
        deleteVendorCookies('matomo');
      }
    },
  };
});
