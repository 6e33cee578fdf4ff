/**
 * The cookie declaration as data: what `<consent-cookie-table>` renders and what
 * `consent-banner-check --table` prints, taken from one validated config in one
 * language. No Lit and no DOM, so the page and the node-side check share it.
 *
 * The language (tableLanguage): the one asked for when there are built-in texts for it
 * (the 24 official EU languages) or the config's `texts` give every table text in it, and
 * the config's `languages`, if given, list it; otherwise English, for the table's own words
 * and the config's texts alike, so the whole declaration is in the one language it is
 * marked with.
 */
import { localize } from '../shared/localize.js';
import { isWebUrl } from '../../core/config-basics.js';
import type { ConsentConfig } from '../../core/config-schema.js';
import { declaredName } from '../../core/cookie-names.js';
import { needsConsent } from '../../core/necessary.js';
import { TABLE_TEXT_KEYS, type TableTexts } from '../../texts/keys.js';
import { TABLE_TEXT_FILES } from '../../texts/table-texts.js';

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

/** The language the table is in, asked for `requested` (a primary language code such as "de"); see above. */
export const tableLanguage = (config: ConsentConfig, requested: string): string =>
  (Object.hasOwn(TABLE_TEXT_FILES, requested) || TABLE_TEXT_KEYS.every((key) => config.texts?.[requested]?.[key])) && (config.languages?.includes(requested) ?? true)
    ? requested
    : 'en';

/** The declaration of `config` in `language` (from tableLanguage), with that language's built-in texts. */
export function cookieDeclaration(config: ConsentConfig, language: string, builtIn: TableTexts): CookieDeclaration {
  const text = (value: Parameters<typeof localize>[0]) => localize(value, language);
  return {
    language,
    texts: { ...builtIn, ...config.texts?.[language] } as TableTexts,
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
