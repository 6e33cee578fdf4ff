/**
 * Doubts about a valid config, for the privacy officer (`consent-banner-check`, or
 * `lintConfig` from the package); never run on visitors' page views. "Necessary" means
 * strictly necessary: a service in a required category whose cookies or adapter mark it
 * as statistics or media deserves a warning, unless `necessaryJustification` says why.
 */
import { cookiePattern as econdaCookies } from '../adapters/econda.js';
import { cookiePattern as googleCookies } from '../adapters/gtag.js';
import { cookiePattern as matomoCookies } from '../adapters/matomo.js';
import type { ConfigProblem } from '../core/config.js';
import { formatPath, type ConsentConfig } from '../core/config-schema.js';

/**
 * Cookies of reach measurement and embedded media: those of the vendors we have adapters
 * for (their patterns live in the adapters), and Hotjar, Meta, Clarity and YouTube.
 */
const TRACKING_COOKIES = [matomoCookies, econdaCookies, googleCookies, '^(_hj|_fbp|_clck|_clsk|VISITOR_INFO1_LIVE|YSC)'].map((pattern) => new RegExp(pattern));

/** Whether a declared cookie name, or the literal start of a declared pattern, is a tracker's. */
const isTrackingCookie = (declared: string): boolean => {
  const start = declared.replace(/^\^?\(?/, '');
  return TRACKING_COOKIES.some((pattern) => pattern.test(start));
};

export function lintConfig(config: ConsentConfig): ConfigProblem[] {
  return config.categories.flatMap((category, c) =>
    category.required
      ? category.services.flatMap((service, s) => {
          const cookie = service.cookies?.map((entry) => entry.name ?? entry.pattern!).find(isTrackingCookie);
          const sign = service.adapter ? `the ${service.adapter.type} adapter` : cookie && `the cookie "${cookie}"`;
          return sign && !service.necessaryJustification
            ? [{ path: formatPath(['categories', c, 'services', s]), message: `"${service.id}" looks like statistics or media (${sign}) but is required; move it or give a "necessaryJustification"` }]
            : [];
        })
      : [],
  );
}
