/**
 * Plausible (cookieless). Its script loads only after consent, unless the privacy
 * officer sets `beforeConsent`. Plausible cannot be unloaded; after a withdrawal it is
 * silenced with its own documented opt-out flag (`localStorage.plausible_ignore`),
 * which a new grant removes.
 */
import type { PlausibleSettings } from './schema.js';
import { adapterStarter, isText, isUrl } from './shared.js';

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

export const start = /* @__PURE__ */ adapterStarter<PlausibleSettings>([['domain', isText, 'the domain registered with Plausible'], ['src', (value) => value === undefined || isUrl(value), 'the URL of the Plausible script (http:, https: or relative to the page)']], (settings, context) => {
  let loaded = false;
  const load = () => {
    if (!loaded) context.load(settings.src ?? 'https://plausible.io/js/script.js', { 'data-domain': settings.domain, defer: '' });
    loaded = true;
  };
  const before = settings.beforeConsent === true;
  if (before) load();
  return {
    apply(granted) {
      if (granted) {
        if (loaded) setIgnored(false);
        load();
      } else if (loaded && !before) setIgnored(true);
    },
  };
});
