// Judges the visits of a run against the config (principle 1: nothing non-essential before
// consent). Before a decision and after "Reject all" these fail: a request, connection or
// resource hint to another origin; a cookie or storage name that no service without need of
// consent declares. After "Accept all" these warn: names no service declares, and services
// that need consent but were never seen on any page of the run.
import { declaredName, matchesCookieName } from '../dist/lib/core/cookie-names.js';
import { needsConsent } from '../dist/lib/core/necessary.js';
import { suggestOwner } from './suggest.mjs';

/**
 * @typedef {import('./visit.mjs').Phase} Phase
 * @typedef {'cookie' | 'storage' | 'request' | 'resource-hint' | 'undeclared' | 'unseen-service' | 'load'} Kind
 * @typedef {object} Finding
 * @property {string | null} page null for the whole run (unseen services)
 * @property {Phase} phase
 * @property {Kind} kind
 * @property {Record<string, string>} item what exactly: a cookie's name and domain, a URL, a storage area and key, a service
 * @property {'fail' | 'warn'} severity
 * @property {string} why
 */

const WHEN = { 'before-decision': 'before any decision', 'after-reject': 'after "Reject all"', 'after-accept': 'after "Accept all"' };

/** An origin for comparing: ws(s) as the http(s) it upgrades from; null for data:, blob:, about: and the like. */
function originOf(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol === 'ws:') parsed.protocol = 'http:';
  else if (parsed.protocol === 'wss:') parsed.protocol = 'https:';
  return ['http:', 'https:'].includes(parsed.protocol) ? parsed.origin : null;
}

/**
 * The declared names of the config, each with its service and whether it may exist before a
 * decision and after a refusal.
 * @param {import('../dist/lib/core/config-schema.js').ConsentConfig} config
 */
function declarations(config) {
  return config.categories.flatMap((category) =>
    category.services.flatMap((service) =>
      (service.cookies ?? []).map((cookie) => {
        const optional = Boolean(needsConsent(category, service));
        // A vendor's reduced mode runs without consent when the service says why (README, "Vendors in two modes");
        // after a refusal only with "afterRefusal": "continue".
        const reduced = Boolean(cookie.reducedMode && service.necessaryJustification && service.adapter);
        return {
          name: declaredName(cookie),
          service,
          beforeDecision: !optional || reduced,
          afterRefusal: !optional || (reduced && /** @type {{ afterRefusal?: string }} */ (service.adapter)?.afterRefusal === 'continue'),
        };
      }),
    ),
  );
}

/**
 * @param {{ config: import('../dist/lib/core/config-schema.js').ConsentConfig, visits: import('./visit.mjs').VisitRecord[], allowOrigins: string[], configSource?: string }} run
 *   configSource: where the run's config came from, to name it when a page's banner uses another one (reported, not judged)
 * @returns {Finding[]}
 */
export function judge({ config, visits, allowOrigins, configSource = 'the config' }) {
  const declared = declarations(config);
  const cookieName = config.cookie?.name ?? 'consent';
  const consentCookies = [cookieName, `__Host-${cookieName}`];
  const logOrigin = config.log?.endpoint && /^[a-z][a-z\d+.-]*:/i.test(config.log.endpoint) ? originOf(config.log.endpoint) : null;
  const accepted = new Set([...allowOrigins, ...(logOrigin ? [logOrigin] : [])]);
  /** @type {Finding[]} */
  const findings = [];
  const adapterBases = config.categories.flatMap((category) => category.services.flatMap((service) => {
    const adapter = /** @type {{ url?: string, src?: string } | undefined} */ (service.adapter);
    const base = adapter?.url ?? adapter?.src;
    return typeof base === 'string' ? [{ service, base }] : [];
  }));
  /** Service ids seen anywhere in the run. */
  const seen = new Set();

  for (const visit of visits) {
    const { page, phase } = visit;
    const when = WHEN[phase];
    const add = (kind, item, severity, why) => findings.push({ page, phase, kind, item, severity, why });
    if (visit.skipped) continue;
    if (visit.error) {
      add('load', { url: page }, 'fail', `the ${phase} visit could not be made: ${visit.error}`);
      continue;
    }
    // A page whose banner uses another config than the run's cannot be judged by it.
    if (phase === 'before-decision' && visit.otherConfig) {
      add('load', { url: page }, 'fail', `the page's banner uses the config ${visit.bannerConfig === 'inline' ? 'inline in the page' : visit.bannerConfig}, not ${configSource} this run judges by: scan it in a run of its own`);
      continue;
    }
    for (const id of visit.named) seen.add(id);
    const matching = (name) => declared.filter((declaration) => matchesCookieName(name, declaration.name));
    for (const cookie of visit.cookies) for (const { service } of matching(cookie.name)) seen.add(service.id);
    // A cookieless vendor shows by its script: a request under its adapter's URL.
    for (const { service, base } of adapterBases) {
      let prefix;
      try {
        prefix = new URL(base, page).href;
      } catch {
        continue;
      }
      if (visit.requests.some((request) => request.url.startsWith(prefix))) seen.add(service.id);
    }
    const strict = phase !== 'after-accept';

    /** Judges one cookie or storage name; `item` says which; `deleted`: a cookie set during the visit and gone by its end. */
    const judgeName = (kind, name, item, what, deleted = false) => {
      if (kind === 'cookie' && consentCookies.includes(name)) return;
      const owners = matching(name);
      const gone = deleted ? '; it was set, then deleted again during the visit' : '';
      if (strict) {
        if (owners.some((owner) => (phase === 'before-decision' ? owner.beforeDecision : owner.afterRefusal))) return;
        if (owners.length) {
          const ids = [...new Set(owners.map((owner) => `"${owner.service.id}"`))].join(', ');
          add(kind, item, 'fail', `${what} is declared by ${ids}, which needs consent, but ${deleted ? 'was set' : 'exists'} ${when}${deleted ? ', then deleted again during the visit' : ''}`);
        } else add(kind, item, 'fail', `${what} is declared by no service, and only a necessary service's may exist ${when}${gone}`);
      } else if (!owners.length) {
        const suggestion = suggestOwner(name, config);
        add('undeclared', { ...item, ...(suggestion.service ? { suggestedService: suggestion.service } : {}) }, 'warn', `${what} is declared by no service; ${suggestion.text}${gone}`);
      }
    };
    const seenItems = new Set();
    const once = (key) => !seenItems.has(key) && seenItems.add(key);
    for (const cookie of visit.cookies) {
      if (once(`cookie ${cookie.name} ${cookie.domain} ${cookie.path}`)) judgeName('cookie', cookie.name, { name: cookie.name, domain: cookie.domain }, `the cookie "${cookie.name}" (${cookie.domain})`, cookie.deleted);
    }
    for (const entry of visit.storage) {
      if (once(`storage ${entry.area} ${entry.key}`)) judgeName('storage', entry.key, { area: entry.area, key: entry.key }, `the ${entry.area} name "${entry.key}"`);
    }
    if (!strict) continue;
    const siteOrigin = new URL(page).origin;
    const foreign = (url) => {
      const origin = originOf(url);
      return origin !== null && origin !== siteOrigin && !accepted.has(origin) ? origin : null;
    };
    for (const request of visit.requests) {
      const origin = foreign(request.url) && new URL(request.url).origin;
      if (origin && once(`request ${request.url}`)) {
        const what = request.type === 'websocket' ? 'a WebSocket connection' : request.type === 'ping' ? 'a beacon' : `a request (${request.type})`;
        add('request', { url: request.url, type: request.type }, 'fail', `${what} goes to ${origin}, another origin, ${when}`);
      }
    }
    for (const hint of visit.hints) {
      const origin = foreign(hint.url);
      if (origin && once(`hint ${hint.rel} ${hint.url}`)) {
        add('resource-hint', { url: hint.url, rel: hint.rel, source: hint.source }, 'fail', `a ${hint.rel} hint (${hint.source === 'header' ? 'Link: header' : '<link> element'}) reaches out to ${origin}, another origin, ${when}`);
      }
    }
  }

  const pagesScanned = visits.some((visit) => !visit.error);
  if (pagesScanned) {
    for (const category of config.categories) {
      for (const service of category.services) {
        if (!needsConsent(category, service) || seen.has(service.id)) continue;
        findings.push({
          page: null,
          phase: 'after-accept',
          kind: 'unseen-service',
          item: { service: service.id },
          severity: 'warn',
          why: `the service "${service.id}" needs consent but was never seen on any page of this run (no cookie of its own, no data-consent or consent-embed naming it): remove it from the config if the site no longer uses it`,
        });
      }
    }
  }
  return sortFindings(findings);
}

const KIND_ORDER = ['load', 'cookie', 'storage', 'request', 'resource-hint', 'undeclared', 'unseen-service'];
const PHASE_ORDER = ['before-decision', 'after-reject', 'after-accept'];
/** The item as one string to sort by: a URL, a cookie or storage name, a service id. */
const itemKey = (item) => [item.url, item.area, item.key, item.name, item.domain, item.service, item.rel].filter(Boolean).join(' ');

/** One order for every report: by page (the run's own last), phase, kind, item. */
function sortFindings(findings) {
  const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  return findings.sort(
    (a, b) =>
      Number(a.page === null) - Number(b.page === null) ||
      compare(a.page ?? '', b.page ?? '') ||
      PHASE_ORDER.indexOf(a.phase) - PHASE_ORDER.indexOf(b.phase) ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      compare(itemKey(a.item), itemKey(b.item)),
  );
}
