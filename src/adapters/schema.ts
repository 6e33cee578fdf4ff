/**
 * The settings of each adapter: checked when the adapter loads (the page's own config
 * check only looks at `type`), and part of the published JSON Schema through
 * `fullConfigSchema()`.
 */
import * as v from 'valibot';
import { ENDPOINT_PATTERN } from '../core/receipt.js';
import { configSchema, isWebUrl, languageProblems, problemCheck, textsSchema, type ConsentConfig } from '../core/config-schema.js';

const Url = v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.check(isWebUrl, 'must be http:, https: or relative to the page'));

/**
 * What a pre-consent mode does after the visitor refused: "stop" (default) or "continue"
 * (measuring as before consent, for a privacy officer who has justified it as necessary).
 */
const AfterRefusal = v.picklist(['stop', 'continue'], 'must be "stop" or "continue"');

export const MatomoSchema = v.strictObject({
  type: v.literal('matomo'),
  /** Base URL of the Matomo installation, e.g. "/matomo/" or "https://stats.example.org/". */
  url: Url,
  siteId: v.union([v.pipe(v.string(), v.minLength(1, 'must not be empty')), v.number()], 'must be a string or a number'),
  /**
   * "consent" (default): no request and no cookie before consent. "cookieless": measures without
   * cookies until consent; only with a `necessaryJustification` on the service.
   */
  mode: v.optional(v.picklist(['consent', 'cookieless'], 'must be "consent" or "cookieless"')),
  afterRefusal: v.optional(AfterRefusal),
});

export const EcondaSchema = v.strictObject({
  type: v.literal('econda'),
  /** URL of econda's emos3 script. */
  src: Url,
  /** Handed to econda as emos3.defaults. */
  settings: v.optional(v.record(v.string(), v.unknown())),
  /** Sent with emos3.send once allowed. */
  pageView: v.optional(v.record(v.string(), v.unknown())),
  /**
   * "consent" (default): no request and no cookie before consent. "anonymised": measures
   * anonymously (session cookie only) before consent, and in full after it; only with a
   * `necessaryJustification` on the service.
   */
  mode: v.optional(v.picklist(['consent', 'anonymised'], 'must be "consent" or "anonymised"')),
  /** econda's settings for its anonymised measurement: laid over `settings` while it runs. */
  anonymised: v.optional(v.record(v.string(), v.unknown())),
  afterRefusal: v.optional(AfterRefusal),
});

export const GtagSchema = v.strictObject({
  type: v.literal('gtag'),
  id: v.pipe(v.string(), v.regex(/^[A-Z]{1,3}-[A-Z0-9-]+$/, 'must be a Google tag id such as "G-ABC123"')),
  /** "basic" (default): Google's script loads only after consent. "advanced": it loads at once, with everything denied; only with a `necessaryJustification`. */
  mode: v.optional(v.picklist(['basic', 'advanced'], 'must be "basic" or "advanced"')),
  afterRefusal: v.optional(AfterRefusal),
  /** Consent types the service grants (default: analytics_storage). */
  grants: v.optional(v.array(v.picklist(['analytics_storage', 'ad_storage', 'ad_user_data', 'ad_personalization'], 'must be a consent type of Google consent mode'))),
});

export const PlausibleSchema = v.strictObject({
  type: v.literal('plausible'),
  /** The site's domain as registered with Plausible. */
  domain: v.pipe(v.string(), v.minLength(1, 'must not be empty')),
  src: v.optional(Url),
  /** Plausible sets no cookie; the privacy officer may decide to run it before consent, with a `necessaryJustification`. */
  beforeConsent: v.optional(v.boolean()),
  afterRefusal: v.optional(AfterRefusal),
});

export const AdapterSchema = v.variant('type', [MatomoSchema, EcondaSchema, GtagSchema, PlausibleSchema], 'must have a "type" of "matomo", "econda", "gtag" or "plausible"');

export type MatomoSettings = v.InferOutput<typeof MatomoSchema>;
export type EcondaSettings = v.InferOutput<typeof EcondaSchema>;
export type GtagSettings = v.InferOutput<typeof GtagSchema>;
export type PlausibleSettings = v.InferOutput<typeof PlausibleSchema>;

/** The config schema in full, as the published JSON Schema and `consent-banner-check` describe and check it. */
export function fullConfigSchema() {
  // Where receipts may go: a path on the site itself, or an https: URL (a receipt names a consent id).
  const endpoint = v.pipe(v.string(), v.regex(ENDPOINT_PATTERN, 'must be a path on this site ("/consent-log") or an https: URL'));
  const schema = configSchema(AdapterSchema, textsSchema(), endpoint);
  return v.pipe(schema, problemCheck<v.InferOutput<typeof schema>>((config) => languageProblems(config as ConsentConfig)));
}
