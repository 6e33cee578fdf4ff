/**
 * Plausible (cookieless). Its script loads only after consent, unless the privacy
 * officer sets `beforeConsent` (with a `necessaryJustification`). Plausible cannot be
 * unloaded; after a withdrawal or a refusal it is silenced with its own documented opt-out
 * flag (`localStorage.plausible_ignore`), which a new grant removes; `"afterRefusal":
 * "continue"` keeps a `beforeConsent` measurement running after a refusal.
 */
import type { PlausibleSettings } from './schema.js';
import { adapterStarter, isText, urlSetting } from './shared.js';

const IGNORE = 'plausible_ignore';

/** Storage may be blocked; the opt-out flag then cannot be set, and that is all. */
function setIgnored(ignored: boolean): void {
  try {
    if (ignored) localStorage.setItem(IGNORE, 'true');
    else localStorage.removeItem(IGNORE);
  } catch {
    /* blocked storage */
  }
}

export const start = /* @__PURE__ */ adapterStarter<PlausibleSettings>([['domain', isText, 'the domain registered with Plausible'], urlSetting('src', 'the URL of the Plausible script', true)], (settings, context) => {
  let loaded = false;
  /**
   * Whether this page read a stored refusal, under which an earlier page may have set the flag:
   * a grant then takes it away. (A flag the site owner set to leave out their own visits stays.)
   */
  let refused = false;
  const load = () => {
    // Plausible's script reads its domain from its own element when it runs.
    if (!loaded) context.load(settings.src ?? 'https://plausible.io/js/script.js').dataset.domain = settings.domain;
    loaded = true;
  };
  return {
    apply(granted, decided) {
      if (granted || context.preConsentNow(decided)) {
        if (loaded || refused) setIgnored(false);
        load();
      } else {
        refused ||= decided;
        if (loaded) setIgnored(true);
      }
    },
  };
});
