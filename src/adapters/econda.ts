/**
 * econda, one service in two modes. Its script loads with the page's nonce; `settings`
 * become `emos3.defaults` and `pageView` is sent once (sites add more calls on the
 * `consent-adapter-load` event).
 *
 * "consent" (default): emos3.js loads only after consent. Withdrawal deletes the `emos_*`
 * cookies and stops further `emos3.send` calls; a new grant lets them through again.
 *
 * "anonymised" (the privacy officer's choice, with a `necessaryJustification`): emos3.js
 * loads at once and measures anonymously: `anonymised` (the settings for that, which the
 * config gives: econda's own consent switches are not used, see README) lies over
 * `emos3.defaults`, and only the session cookie `emos_jcsid` may stay. Consent switches the
 * same emos3 to full measurement by taking those settings out of `emos3.defaults` (no second
 * load, no second page view); a withdrawal puts them back and deletes every other `emos_*`
 * cookie. A refusal stops the anonymised measurement too (send paused, `emos_*` deleted)
 * unless `"afterRefusal": "continue"`. Paused before emos3.js has run, it sends nothing:
 * the queued page view is dropped, and emos3's own send, once there, is paused too.
 */
import { deleteCookies } from '../core/cleaner.js';
import { cookieNames } from '../core/cookies.js';
import type { EcondaSettings } from './schema.js';
import { adapterStarter, urlSetting } from './shared.js';

/** econda's session cookie: the one cookie its anonymised measurement keeps. */
const SESSION_COOKIE = 'emos_jcsid';

interface Emos3 {
  defaults: Record<string, unknown>;
  stored?: unknown[];
  send(properties: unknown): void;
}

export const start = /* @__PURE__ */ adapterStarter<EcondaSettings>([urlSetting('src', 'the URL of the econda script')], (settings, context) => {
  const page = window as { emos3?: Emos3 };
  const anonymised = settings.anonymised ?? {};
  let loaded = false;
  /** econda's own send, kept aside while the service measures nothing. */
  let paused: Emos3['send'] | null = null;
  /** Keeps econda's send aside, and drops what waits for emos3.js if it has not run yet (the page view). */
  const pause = (emos3: Emos3) => {
    paused = emos3.send;
    emos3.send = () => {};
    emos3.stored?.splice(0);
  };
  return {
    apply(granted, decided) {
      const reduced = !granted && context.preConsentNow(decided);
      const measuring = granted || reduced;
      if (measuring && !loaded) {
        loaded = true;
        // econda's documented queue: calls made before emos3.js arrives are kept in `stored`.
        const emos3: Emos3 = (page.emos3 = { defaults: { ...settings.settings, ...(reduced && anonymised) }, stored: [], send(properties) { this.stored!.push(properties); } });
        emos3.send({ ...settings.pageView });
        // emos3.js puts its own send in place of the queue's: paused meanwhile, it stays paused.
        context.load(settings.src).onload = () => paused && pause(emos3);
      } else if (loaded && page.emos3) {
        const emos3 = page.emos3;
        // The same defaults object throughout: what the anonymised mode changed returns to the settings, or back.
        const defaults = (emos3.defaults ??= {});
        for (const key of Object.keys(anonymised)) delete defaults[key];
        Object.assign(defaults, settings.settings, reduced && anonymised);
        if (measuring && paused) {
          emos3.send = paused;
          paused = null;
        } else if (!measuring && !paused) pause(emos3);
      }
      // Not granted: no econda cookie stays, but for the session cookie of the anonymised measurement.
      if (!granted) deleteCookies(cookieNames().filter((name) => name.startsWith('emos_') && !(reduced && name === SESSION_COOKIE)).map((name) => ({ name })));
    },
  };
});
