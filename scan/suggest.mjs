// Whose an undeclared cookie or storage name probably is, so the privacy officer knows
// where to declare it: the config's service that declares a name with the same start
// (`_stat` for `_stat_v2`), or the config's service of a known vendor by its well-known
// names (the trackers of TRACKING_COOKIES, src/core/necessary.ts).
import { declaredName, matchesCookieName } from '../dist/lib/core/cookie-names.js';

/**
 * Vendors by their well-known cookie names, and the words their service in a config is
 * found by (in its id, its name or its adapter type). Every name of TRACKING_COOKIES is here
 * (a test holds the two together).
 */
export const VENDORS = [
  { vendor: 'Matomo', cookies: ['_pk_*', 'mtm_*'], words: ['matomo', 'piwik'] },
  { vendor: 'econda', cookies: ['emos_*'], words: ['econda'] },
  { vendor: 'Google Analytics', cookies: ['_ga*', '_gid', '_gat*', '_gcl*'], words: ['gtag', 'google', 'ga4'] },
  { vendor: 'Hotjar', cookies: ['_hj*'], words: ['hotjar'] },
  { vendor: 'Meta', cookies: ['_fbp'], words: ['meta', 'facebook'] },
  { vendor: 'Microsoft Clarity', cookies: ['_clck', '_clsk'], words: ['clarity'] },
  { vendor: 'YouTube', cookies: ['VISITOR_INFO1_LIVE', 'YSC'], words: ['youtube'] },
];

/** The shortest start two names must share to count as one family ("_pk", "emo"). */
const MIN_SHARED_START = 3;

const sharedStart = (a, b) => {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return length;
};

/**
 * @typedef {{ service?: string, serviceName?: string, vendor?: string, text: string }} Suggestion
 */

/**
 * @param {string} name an undeclared cookie or storage name
 * @param {import('../dist/lib/core/config-schema.js').ConsentConfig} config
 * @returns {Suggestion}
 */
export function suggestOwner(name, config) {
  const services = config.categories.flatMap((category) => category.services);
  const vendor = VENDORS.find(({ cookies }) => cookies.some((pattern) => matchesCookieName(name, pattern)));
  if (vendor) {
    const service = services.find((candidate) => vendor.words.some((word) => [candidate.id, typeof candidate.name === 'string' ? candidate.name : Object.values(candidate.name).join(' '), candidate.adapter?.type ?? ''].some((field) => field.toLowerCase().includes(word))));
    if (service) return { service: service.id, vendor: vendor.vendor, text: `a ${vendor.vendor} name: declare it with the service "${service.id}"` };
    return { vendor: vendor.vendor, text: `a ${vendor.vendor} name, but no service of the config is ${vendor.vendor}: declare ${vendor.vendor} as a service` };
  }
  let best;
  for (const service of services) {
    for (const cookie of service.cookies ?? []) {
      const literal = declaredName(cookie).split('*')[0];
      const shared = sharedStart(name, literal);
      if (shared >= MIN_SHARED_START && (!best || shared > best.shared)) best = { service, shared, declared: declaredName(cookie) };
    }
  }
  if (best) return { service: best.service.id, text: `starts like "${best.declared}" of the service "${best.service.id}": declare it there` };
  return { text: 'no service of the config looks like its owner: declare it with the service that sets it' };
}
