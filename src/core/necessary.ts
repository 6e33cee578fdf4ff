/**
 * "Necessary" means strictly necessary (ePrivacy Art. 5(3), § 25 TDDDG). A service of a
 * required category whose adapter or cookies mark it as statistics or media runs before
 * any choice only when `necessaryJustification` says why it is necessary; without one it
 * is treated as optional: it waits for consent, a refusal or withdrawal stops and cleans it,
 * and the page warns once (in the words of necessary-doubts.ts). One rule, here, for the
 * page (the store and the config check) and for `consent-banner-check`, where `--strict`
 * turns the warning into a failure.
 */
import type { CategoryConfig, ServiceConfig } from './config-schema.js';
import { declaredName, matchesCookieName } from './cookie-names.js';

/**
 * Cookies of reach measurement and embedded media: those of the vendors we have adapters for
 * (Matomo, econda, Google; each adapter deletes its own on withdrawal), Hotjar, Meta,
 * Microsoft Clarity and YouTube.
 */
export const TRACKING_COOKIES = ['_pk_*', 'mtm_*', 'emos_*', '_ga*', '_gid', '_gat*', '_gcl*', '_hj*', '_fbp', '_clck', '_clsk', 'VISITOR_INFO1_LIVE', 'YSC'];

/** Whether a declared cookie name, or the literal start of a wildcard name, is a tracker's. */
const isTrackingCookie = (declared: string): boolean => TRACKING_COOKIES.some((tracker) => matchesCookieName(declared.split('*')[0], tracker));

/**
 * What makes a service look like statistics or media ("the matomo adapter", 'the cookie
 * "_pk_id.*"'), unless it gives a justification; null when it may be necessary.
 */
export function necessaryDoubt(service: ServiceConfig): string | null {
  if (service.necessaryJustification) return null;
  const cookie = service.cookies?.map(declaredName).find(isTrackingCookie);
  return service.adapter ? `the ${service.adapter.type} adapter` : cookie ? `the cookie "${cookie}"` : null;
}

/** Whether (truthy) a service waits for consent: in an optional category, or doubted in a required one. */
export const needsConsent = (category: CategoryConfig, service: ServiceConfig) => !category.required || necessaryDoubt(service);
