/**
 * The keys of every built-in text, in one place: the config schema lets a config override
 * each of them per language, and each language file in ui/ and table/ must give them all.
 */

/** The dialog's first layer and its settings layer. */
export const DIALOG_TEXT_KEYS = [
  'title', 'intro', 'transfers', 'acceptAll', 'rejectAll', 'settings', 'save', 'close',
  'settingsTitle', 'settingsIntro', 'privacy', 'imprint', 'alwaysOn', 'on', 'off', 'partlyOn',
  'provider', 'purpose', 'cookies', 'cookieName', 'lifetime', 'thirdCountry', 'providerPrivacy', 'services', 'framed',
  'justification', 'reload', 'consentId', 'newWindow',
] as const;
/** The embed placeholder's own texts (it also uses `thirdCountry`, `providerPrivacy`, `framed` and `newWindow`). */
export const EMBED_TEXT_KEYS = ['loadVideo', 'loadContent', 'alwaysAllow', 'embedNotice', 'embedUnavailable'] as const;
/** The cookie declaration's texts (`<consent-cookie-table>` and `consent-banner-check --table`). */
export const TABLE_TEXT_KEYS = [
  'tableService', 'tablePurpose', 'tableCookies', 'tableThirdCountry', 'tableConsent', 'tablePrivacy',
  'tableProvider', 'tableLifetime', 'tableNoCookies', 'tableNoThirdCountry', 'tableRequired', 'tableOptional', 'tablePolicyLink',
] as const;
export const TEXT_KEYS = [...DIALOG_TEXT_KEYS, ...EMBED_TEXT_KEYS, ...TABLE_TEXT_KEYS] as const;
export type DialogTextKey = (typeof DIALOG_TEXT_KEYS)[number];
export type EmbedTextKey = (typeof EMBED_TEXT_KEYS)[number];
export type TableTextKey = (typeof TABLE_TEXT_KEYS)[number];
export type TextKey = DialogTextKey | EmbedTextKey | TableTextKey;

/** What a language file in ui/ gives: the dialog's, the settings layer's and the placeholder's texts. */
export type UiTexts = Record<DialogTextKey | EmbedTextKey, string>;
/**
 * The parts of a ui/ file that load separately: the dialog's first layer and frame, the
 * settings layer's own texts, the embed placeholder's. The drop-in builds one file per part
 * and language from each ui/ file (rollup.config.mjs), so a visitor who only decides on the
 * first layer downloads a third of their language; a text shared by two parts is in both.
 */
export const TEXT_PARTS = {
  dialog: ['title', 'intro', 'transfers', 'acceptAll', 'rejectAll', 'settings', 'save', 'close', 'settingsTitle', 'privacy', 'imprint', 'framed', 'newWindow'],
  settings: ['settingsIntro', 'alwaysOn', 'on', 'off', 'partlyOn', 'provider', 'purpose', 'cookies', 'cookieName', 'lifetime', 'thirdCountry', 'providerPrivacy', 'services', 'justification', 'reload', 'consentId'],
  embed: ['loadVideo', 'loadContent', 'alwaysAllow', 'embedNotice', 'embedUnavailable', 'thirdCountry', 'providerPrivacy', 'framed', 'newWindow'],
} as const satisfies Record<string, readonly (keyof UiTexts)[]>;
export type TextPart = keyof typeof TEXT_PARTS;
/** The texts of one part. */
export type PartTexts<P extends TextPart> = Pick<UiTexts, (typeof TEXT_PARTS)[P][number]>;
/** What a language file in table/ gives. */
export type TableTexts = Record<TableTextKey, string>;

/** The languages with built-in texts: the 24 official languages of the EU. */
export const BUILT_IN_LANGUAGES = ['bg', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fi', 'fr', 'ga', 'hr', 'hu', 'it', 'lt', 'lv', 'mt', 'nl', 'pl', 'pt', 'ro', 'sk', 'sl', 'sv'] as const;
export type BuiltInLanguage = (typeof BUILT_IN_LANGUAGES)[number];
