/**
 * What every adapter shares: the settings it cannot work without are checked (errors
 * name the JSON path, and the adapter does not start: fail closed; anything else unknown
 * falls back to the strictest behaviour), and it is told the service's state on start and
 * after every decision, while its service is part of the store's current config.
 *
 * The full settings are described once, in schema.ts: for the types, the published JSON
 * Schema and `consent-banner-check`. The page does not run that schema: it would cost
 * every visitor the bytes of a second validator run.
 */
import { deleteCookies } from '../core/cleaner.js';
import { formatPath, isWebUrl } from '../core/config-basics.js';
import type { AdapterConfig, ServiceConfig } from '../core/config-schema.js';
import { reportError } from '../core/errors.js';
import { externalScript } from '../core/scripts.js';
import type { ConsentStore } from '../core/store.js';

export interface AdapterContext {
  /**
   * Loads a vendor script with the page's nonce, after a `consent-adapter-load` event the site
   * can hook into. Returns the script element: attributes set on it right away are there when
   * the script runs (an added script runs in a later task).
   */
  load(src: string): HTMLScriptElement;
  /** The settings ask for a pre-consent mode (`PRE_CONSENT_MODES`) and the service justifies it. */
  preConsent: boolean;
  /**
   * Whether that mode may measure now: before any decision, and after a refusal only when
   * the settings say `"afterRefusal": "continue"`. Otherwise a refusal stops it.
   */
  preConsentNow(decided: boolean): boolean;
}

/**
 * The setting and value with which each adapter measures before consent: Matomo without
 * cookies, econda anonymised (its session cookie only), Google's "advanced" consent mode
 * (cookieless pings), Plausible before consent.
 * Such a mode runs only when the service gives a `necessaryJustification`; without one the
 * adapter waits for consent and reports why. The lint (`consent-banner-check`) uses the
 * same table.
 */
export const PRE_CONSENT_MODES: Record<string, [setting: string, value: unknown]> = {
  matomo: ['mode', 'cookieless'],
  econda: ['mode', 'anonymised'],
  gtag: ['mode', 'advanced'],
  plausible: ['beforeConsent', true],
};

/** The setting of an adapter that asks to measure before consent, or null. */
export function preConsentSetting(adapter: { type: string } & Record<string, unknown>): string | null {
  const [setting, value] = Object.hasOwn(PRE_CONSENT_MODES, adapter.type) ? PRE_CONSENT_MODES[adapter.type] : [];
  return setting !== undefined && adapter[setting] === value ? setting : null;
}

/** Why a pre-consent mode does not run: the page's error and the CLI's warning say the same. */
export const UNJUSTIFIED_PRE_CONSENT = 'measures before consent only with a "necessaryJustification" on the service; without one it waits for consent';

export interface Adapter {
  /**
   * The service's state: on start, and after each decision. `decided` is false while the
   * visitor has not decided yet (the vendor must then do nothing).
   */
  apply(granted: boolean, decided: boolean): void;
}

/** Starts an adapter for a service of the store's config; returns the function that stops it. */
export type AdapterStarter = (service: ServiceConfig, path: (string | number)[], store: ConsentStore) => () => void;

/** A required setting: its name, and the test a usable value passes. */
export type Requirement = [name: string, test: (value: unknown) => boolean, expected: string];

export const isText = (value: unknown): boolean => (typeof value === 'string' && value !== '') || typeof value === 'number';

/**
 * A URL setting (`what` names it in the error): a URL a vendor script may come from, http,
 * https, or relative to the page (never `javascript:` or `data:`). An optional one may be
 * left out.
 */
export const urlSetting = (name: string, what: string, optional?: boolean): Requirement => [
  name,
  (value) => (optional && value === undefined) || (typeof value === 'string' && value !== '' && isWebUrl(value)),
  `${what} (http:, https: or relative to the page)`,
];

/**
 * The cookies the Matomo and Google adapters delete on withdrawal (core/necessary.ts lists
 * them among the trackers; econda's adapter deletes every `emos_` cookie itself).
 */
export const VENDOR_COOKIES = { matomo: ['_pk_*', 'mtm_*'], gtag: ['_ga*', '_gid', '_gat*', '_gcl*'] };

/** Deletes the vendor's cookies, on withdrawal or refusal. */
export const deleteVendorCookies = (vendor: keyof typeof VENDOR_COOKIES): void => {
  deleteCookies(VENDOR_COOKIES[vendor].map((name) => ({ name })));
};

/** Reports a problem with the setting `name` of the adapter at `path` (its JSON path as keys). */
export const reportSetting = (path: (string | number)[], name: string, message: string): void => reportError('config', formatPath([...path, name]), message);

/** Reports a setting the adapter cannot work with: it does not start. */
export const refuseSetting = (path: (string | number)[], name: string, expected: string): void => reportSetting(path, name, `must be ${expected}; the adapter does not start`);

/** Whether the service belongs to the config the store holds now (not one it has replaced). */
export const isCurrent = (store: ConsentStore, service: ServiceConfig): boolean =>
  !!store.config?.categories.some((category) => category.services.includes(service));

export function adapterStarter<TSettings>(requirements: Requirement[], create: (settings: TSettings, context: AdapterContext) => Adapter): AdapterStarter {
  return (service, path, store) => {
    const settings = service.adapter as Record<string, unknown>;
    const missing = requirements.filter(([name, test]) => !test(settings[name]));
    for (const [name, , expected] of missing) refuseSetting(path, name, expected);
    // Nothing touches the vendor for a config that has been replaced meanwhile.
    if (missing.length || !isCurrent(store, service)) return () => {};
    const preConsent = preConsentSetting(settings as AdapterConfig);
    const justified = !!service.necessaryJustification;
    if (preConsent && !justified) reportSetting(path, preConsent, UNJUSTIFIED_PRE_CONSENT);
    const context: AdapterContext = {
      preConsent: !!preConsent && justified,
      preConsentNow: (decided) => context.preConsent && (!decided || settings.afterRefusal === 'continue'),
      load(src) {
        document.dispatchEvent(new CustomEvent('consent-adapter-load', { detail: { service: service.id, type: service.adapter!.type, src }, bubbles: true }));
        return document.head.appendChild(externalScript(src));
      },
    };
    const adapter = create(settings as TSettings, context);
    adapter.apply(store.isGranted(service.id), store.decision !== null);
    const stop = store.subscribe((_store, change) => {
      if (!isCurrent(store, service)) stop();
      else if (change.type === 'decision') adapter.apply(store.isGranted(service.id), true);
    });
    return stop;
  };
}
