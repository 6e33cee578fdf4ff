/**
 * consent-banner's public API, free of side effects: importing it registers no
 * element and gates nothing. Import `consent-banner/define.js` for that (the drop-in
 * bundle does it for you).
 */
export { consent, ConsentStore } from './core/store.js';
export type { ConsentChange, ConsentDecision, ConsentListener, ConsentReadyDetail, DecisionChange } from './core/store.js';
export type { DecisionMethod } from './core/record.js';
export { checkConfig, parseConfig, ConfigError, type ConfigProblem } from './core/validate.js';
export { configStamp } from './core/config-stamp.js';
export type { ConsentConfig, CategoryConfig, ServiceConfig, CookieConfig, LocalizedText, TextKey, TableTextKey, AdapterConfig } from './core/config-schema.js';
export type { ConsentErrorDetail, ConsentErrorKind } from './core/errors.js';
export { startGate } from './core/gate.js';
export { startCleaner, deleteCookies } from './core/cleaner.js';
export { startTabSync } from './core/tabs.js';
export { startAdapters, type AdaptersStop } from './adapters/api.js';
export { lintConfig } from './check/lint.js';
export { ConsentBanner } from './ui/banner/consent-banner.js';
export { ConsentEmbed } from './ui/embed/consent-embed.js';
export { ConsentCookieTable } from './ui/cookie-table/consent-cookie-table.js';
export { cookieDeclaration, type CookieDeclaration, type DeclaredCategory, type DeclaredService, type DeclaredCookie } from './ui/cookie-table/declaration.js';
