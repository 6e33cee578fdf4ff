/**
 * Doubts about a valid config, for the privacy officer (`consent-banner-check`, or
 * `lintConfig` from the package). Two of them the page acts on too, by the same code: a
 * required service that looks like statistics or media without a `necessaryJustification`
 * waits for consent (core/necessary.ts), and so does an adapter that asks to measure
 * before consent without one (adapters/shared.ts).
 */
import { preConsentSetting, UNJUSTIFIED_PRE_CONSENT } from '../adapters/shared.js';
import type { ConfigProblem } from '../core/validate.js';
import { formatPath, type AdapterConfig, type ConsentConfig } from '../core/config-schema.js';
import { declaredName } from '../core/cookie-names.js';
import { needsConsent } from '../core/necessary.js';
import { necessaryDoubts } from '../core/necessary-doubts.js';
import { BUILT_IN_LANGUAGES, DIALOG_TEXT_KEYS, EMBED_TEXT_KEYS } from '../texts/keys.js';

export function lintConfig(config: ConsentConfig): ConfigProblem[] {
  return [...necessaryDoubts(config), ...unjustifiedPreConsent(config), ...missingInformation(config), ...patternAdvice(config), ...partialLanguages(config)];
}

/**
 * A language without built-in texts that the config's `texts` give only in part: the
 * dialog speaks it, and shows English for every text left out, marked as that language.
 */
function partialLanguages(config: ConsentConfig): ConfigProblem[] {
  return Object.entries(config.texts ?? {}).flatMap(([language, texts]) => {
    if ((BUILT_IN_LANGUAGES as readonly string[]).includes(language)) return [];
    const missing = [...DIALOG_TEXT_KEYS, ...EMBED_TEXT_KEYS].filter((key) => !texts[key]);
    return missing.length
      ? [{ path: formatPath(['texts', language]), message: `"${language}" has no built-in texts, and ${missing.length} are missing here (${missing.slice(0, 3).map((key) => `"${key}"`).join(', ')}${missing.length > 3 ? ', …' : ''}): the dialog shows them in English` }]
      : [];
  });
}

/**
 * Consent is informed only when the visitor can learn who receives the data, what for, and
 * where to read more: the first layer names each optional service's provider and purpose,
 * the settings link its privacy policy.
 */
function missingInformation(config: ConsentConfig): ConfigProblem[] {
  return config.categories.flatMap((category, c) =>
    category.services.flatMap((service, s) => {
      const missing = needsConsent(category, service) ? (['provider', 'purpose', 'privacyPolicy'] as const).filter((key) => !service[key]) : [];
      return missing.length
        ? [{ path: formatPath(['categories', c, 'services', s]), message: `"${service.id}" needs consent but has no ${missing.map((key) => `"${key}"`).join(', ').replace(/, ([^,]+)$/, ' or $1')}: visitors should learn who receives their data, what for, and where to read more` }]
        : [];
    }),
  );
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
