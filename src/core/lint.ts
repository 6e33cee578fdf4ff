/**
 * Doubts about a valid config, for the privacy officer (`consent-banner-check`, or
 * `lintConfig` from the package); not run on visitors' page views. "Necessary" means
 * strictly necessary: a service in a required category whose cookies or adapter mark it
 * as statistics or media deserves a warning, unless `necessaryJustification` says why.
 */
import type { ConfigProblem } from './config.js';
import { formatPath, type ConsentConfig } from './config-schema.js';

/** Cookies of reach measurement and embedded media: Matomo, econda, Google, Hotjar, Meta, Clarity, YouTube. */
const TRACKING_COOKIE = /^\^?\(?(_pk_|mtm_|emos_|_ga|_gid|_gat|_gcl|_hj|_fbp|_clck|_clsk|VISITOR_INFO1_LIVE|YSC)/;

export function lintConfig(config: ConsentConfig): ConfigProblem[] {
  return config.categories.flatMap((category, c) =>
    category.required
      ? category.services.flatMap((service, s) => {
          const cookie = service.cookies?.map((entry) => entry.name ?? entry.pattern!).find((name) => TRACKING_COOKIE.test(name));
          const sign = service.adapter ? `the ${service.adapter.type} adapter` : cookie && `the cookie "${cookie}"`;
          return sign && !service.necessaryJustification
            ? [{ path: formatPath(['categories', c, 'services', s]), message: `"${service.id}" looks like statistics or media (${sign}) but is required; move it or give a "necessaryJustification"` }]
            : [];
        })
      : [],
  );
}
