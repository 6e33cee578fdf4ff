/**
 * Doubts about a valid config, for the privacy officer (`consent-banner-check`, or
 * `lintConfig` from the package); never run on visitors' page views. "Necessary" means
 * strictly necessary: a service in a required category whose cookies or adapter mark it
 * as statistics or media deserves a warning, unless `necessaryJustification` says why; so
 * does an adapter that asks to measure before consent without one (the page will not let it).
 */
import { vendorCookies as econdaCookies } from '../adapters/econda.js';
import { vendorCookies as googleCookies } from '../adapters/gtag.js';
import { vendorCookies as matomoCookies } from '../adapters/matomo.js';
import { preConsentSetting, UNJUSTIFIED_PRE_CONSENT } from '../adapters/shared.js';
import type { ConfigProblem } from '../core/config.js';
import { formatPath, type AdapterConfig, type ConsentConfig } from '../core/config-schema.js';
import { declaredName, matchesCookieName } from '../core/cookie-names.js';

/**
 * Cookies of reach measurement and embedded media: those of the vendors we have adapters
 * for (their names live in the adapters), and Hotjar, Meta, Clarity and YouTube.
 */
const TRACKING_COOKIES = [...matomoCookies, ...econdaCookies, ...googleCookies, '_hj*', '_fbp', '_clck', '_clsk', 'VISITOR_INFO1_LIVE', 'YSC'];

/** Whether a declared cookie name, or the literal start of a wildcard name, is a tracker's. */
const isTrackingCookie = (declared: string): boolean => {
  const start = declared.split('*')[0];
  return TRACKING_COOKIES.some((tracker) => matchesCookieName(start, tracker));
};

export function lintConfig(config: ConsentConfig): ConfigProblem[] {
  return [...necessaryDoubts(config), ...unjustifiedPreConsent(config), ...patternAdvice(config)];
}

/** An adapter asks to measure before consent, and the service does not say why: the page will not let it. */
function unjustifiedPreConsent(config: ConsentConfig): ConfigProblem[] {
  return config.categories.flatMap((category, c) =>
    category.services.flatMap((service, s) => {
      const setting = service.adapter && !service.necessaryJustification ? preConsentSetting(service.adapter as AdapterConfig & Record<string, unknown>) : null;
      return setting ? [{ path: formatPath(['categories', c, 'services', s, 'adapter', setting]), message: UNJUSTIFIED_PRE_CONSENT }] : [];
    }),
  );
}

/** v1 `pattern`s still work; the wildcard name says the same, and visitors read it as written. */
function patternAdvice(config: ConsentConfig): ConfigProblem[] {
  return config.categories.flatMap((category, c) =>
    category.services.flatMap((service, s) =>
      (service.cookies ?? []).flatMap((cookie, k) =>
        cookie.pattern ? [{ path: formatPath(['categories', c, 'services', s, 'cookies', k, 'pattern']), message: `write it as "name": "${declaredName(cookie)}" (a wildcard name, shown to visitors as written)` }] : [],
      ),
    ),
  );
}

function necessaryDoubts(config: ConsentConfig): ConfigProblem[] {
  return config.categories.flatMap((category, c) =>
    category.required
      ? category.services.flatMap((service, s) => {
          const cookie = service.cookies?.map(declaredName).find(isTrackingCookie);
          const sign = service.adapter ? `the ${service.adapter.type} adapter` : cookie && `the cookie "${cookie}"`;
          return sign && !service.necessaryJustification
            ? [{ path: formatPath(['categories', c, 'services', s]), message: `"${service.id}" looks like statistics or media (${sign}) but is required; move it or give a "necessaryJustification"` }]
            : [];
        })
      : [],
  );
}
