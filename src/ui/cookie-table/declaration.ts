/**
 * The cookie declaration as data: what `<consent-cookie-table>` renders and what
 * `consent-banner-check --table` prints, taken from one validated config in one
 * language. No Lit and no DOM, so the page and the node-side check share it.
 *
 * The language: the one asked for when there are built-in texts for it (German,
 * English) or the config's `texts` give every table text in it; otherwise English, for
 * the table's own words and the config's texts alike, so the whole declaration is in
 * the one language it is marked with.
 */
import { localize } from '../../core/config.js';
import { isWebUrl } from '../../core/config-basics.js';
import type { ConsentConfig } from '../../core/config-schema.js';
import { declaredName } from '../../core/cookie-names.js';
import { needsConsent } from '../../core/necessary.js';
import { TABLE_TEXTS, type TableTexts } from './texts.js';

export interface DeclaredCookie {
  /** The declared name; a v1 `pattern` in its wildcard form (`_pk_id.*`). */
  name: string;
  /** How long it is kept (`expires`). */
  lifetime: string;
  /** Its own purpose, "" when the config gives none. */
  purpose: string;
}

export interface DeclaredService {
  id: string;
  name: string;
  /** "" when the config names none. */
  provider: string;
  purpose: string;
  /** An http(s) or relative URL (the config check allows no other), "" when none. */
  privacyPolicy: string;
  /** "" when the config declares no transfer. */
  thirdCountry: string;
  /** False for a service that runs without consent (a required category's, not doubted). */
  needsConsent: boolean;
  cookies: DeclaredCookie[];
}

export interface DeclaredCategory {
  id: string;
  label: string;
  /** "" when the config gives none. */
  description: string;
  services: DeclaredService[];
}

export interface CookieDeclaration {
  /** The language of everything below: the one asked for, or "en" (see above). */
  language: string;
  /** The table's own texts in that language, with the config's overrides. */
  texts: TableTexts;
  categories: DeclaredCategory[];
}

/**
 * Whether the table can speak `language`: built-in texts, or every table text given by the
 * config. (The keys come from the built-in texts: config-schema.ts is in the page's entry,
 * and reading its key list here would keep that list there.)
 */
const speaks = (config: ConsentConfig, language: string): boolean =>
  Object.hasOwn(TABLE_TEXTS, language) || Object.keys(TABLE_TEXTS.en).every((key) => config.texts?.[language]?.[key as keyof TableTexts]);

/** The declaration of `config` in `language` (a primary language code such as "de"). */
export function cookieDeclaration(config: ConsentConfig, language: string): CookieDeclaration {
  const lang = speaks(config, language) ? language : 'en';
  const text = (value: Parameters<typeof localize>[0]) => localize(value, lang);
  const builtIn = lang === 'de' ? TABLE_TEXTS.de : TABLE_TEXTS.en;
  return {
    language: lang,
    texts: { ...builtIn, ...config.texts?.[lang] } as TableTexts,
    categories: config.categories.map((category) => ({
      id: category.id,
      label: text(category.label),
      description: text(category.description),
      services: category.services.map((service) => ({
        id: service.id,
        name: service.name,
        provider: service.provider ?? '',
        purpose: text(service.purpose),
        // The config check allows no other URL; a config that skipped it gets no link either.
        privacyPolicy: service.privacyPolicy && isWebUrl(service.privacyPolicy) ? service.privacyPolicy : '',
        thirdCountry: text(service.thirdCountry),
        needsConsent: !!needsConsent(category, service),
        cookies: (service.cookies ?? []).map((cookie) => ({ name: declaredName(cookie), lifetime: text(cookie.expires), purpose: text(cookie.purpose) })),
      })),
    })),
  };
}

/** `tablePolicyLink` for a service: "Privacy policy of Google Ireland Ltd.". */
export const policyLinkText = (texts: TableTexts, service: DeclaredService): string => texts.tablePolicyLink.replace('{provider}', service.provider || service.name);
