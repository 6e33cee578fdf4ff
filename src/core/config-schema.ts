/**
 * The one definition of the consent configuration. The TypeScript types
 * (`ConsentConfig` and friends), the runtime validation (`parseConfig` in
 * validate.ts) and the published `consent-config.schema.json` (scripts/build-schema.mjs)
 * all come from the valibot schema below, so they cannot drift apart.
 *
 * Checks that JSON Schema cannot express (unique ids across the whole file, a record that
 * stores) live in `crossCheck`, run by the same pipeline; texts complete for every listed
 * language in `languageProblems`, which only the full schema (src/adapters/schema.ts) runs.
 */
import * as v from 'valibot';
import { patternToWildcard } from './cookie-names.js';
import { needsConsent } from './necessary.js';
import { formatPath, isWebUrl, MAX_EXPIRES_DAYS } from './config-basics.js';
import { serviceTag } from './record.js';
import { TEXT_KEYS, type TextKey } from '../texts/keys.js';

export { DEFAULT_EXPIRES_DAYS, formatPath, isWebUrl, MAX_EXPIRES_DAYS } from './config-basics.js';

export { DIALOG_TEXT_KEYS, EMBED_TEXT_KEYS, TABLE_TEXT_KEYS, TEXT_KEYS } from '../texts/keys.js';
export type { DialogTextKey, EmbedTextKey, TableTextKey, TextKey } from '../texts/keys.js';

/** Lower-case ids keep the consent cookie short and free of characters that need escaping. */
const ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,39}$/;
const LANGUAGE_PATTERN = /^[a-z]{2,3}$/;

const Id = v.pipe(v.string(), v.regex(ID_PATTERN, 'must be 1 to 40 lower-case letters, digits, "-" or "_", starting with a letter or digit'));
const NonEmpty = v.pipe(v.string(), v.minLength(1, 'must not be empty'));
const Url = v.pipe(NonEmpty, v.check(isWebUrl, 'must be http:, https: or relative to the page'));
/** One schema for the three places that take a language code: every page view builds the schema. */
const Language = v.pipe(v.string(), v.regex(LANGUAGE_PATTERN, 'must be a language code such as "en" or "de"'));
const WholeNumber = v.pipe(v.number(), v.integer('must be a whole number'));

/** A text: one string for every language, or a map from language code to string. */
const Text = v.union(
  [NonEmpty, v.record(Language, NonEmpty)],
  'must be a string or an object of strings by language code',
);

const Cookie = v.pipe(
  v.strictObject({
    /** The cookie's name; `*` stands for any characters (`_pk_id.*`). */
    name: v.optional(v.pipe(v.string(), v.regex(/[^*]/, 'must hold more than "*" (that would be every cookie)'))),
    /** v1: a regular expression that a wildcard name can say (`^_pk_id\\.` is `_pk_id.*`); use `name` instead. */
    pattern: v.optional(
      v.pipe(
        NonEmpty,
        v.check(
          (pattern) => /[^*]/.test(patternToWildcard(pattern) ?? '*'),
          'must be a prefix, suffix or whole name; write a wildcard "name" such as "_pk_id.*"',
        ),
      ),
    ),
    expires: Text,
    purpose: v.optional(Text),
    domain: v.optional(NonEmpty),
    path: v.optional(v.pipe(v.string(), v.regex(/^\//, 'must start with "/"'))),
    /**
     * Set by the service's reduced mode (econda's anonymised measurement), which runs without
     * consent when the service has a `necessaryJustification`: the page then leaves this cookie
     * to the adapter, which deletes it when that mode stops.
     */
    reducedMode: v.optional(v.boolean()),
  }),
  v.check((cookie) => !cookie.name !== !cookie.pattern, 'needs exactly one of "name" or "pattern"'),
);


/** Text overrides as the published schema and `consent-banner-check` check them: known keys only. */
export const textsSchema = () => v.strictObject(Object.fromEntries(TEXT_KEYS.map((key) => [key, v.optional(NonEmpty)])) as Record<TextKey, v.OptionalSchema<typeof NonEmpty, undefined>>);
/** On the page an unknown text key does no harm (nothing shows it), so only the values are checked. */
const PageTexts = v.record(v.string(), NonEmpty) as v.GenericSchema<unknown, Partial<Record<TextKey, string>>>;

/**
 * What every page view checks of an adapter: that it is an object. Its type and settings
 * are checked by src/adapters/ when it loads (errors name the JSON path, the adapter does
 * not start), and described in full in the published JSON Schema.
 */
const AdapterReference = v.custom<{ type: string }>((value) => !!value && typeof value === 'object', 'must be an object');

/**
 * The whole config, built around an adapter schema: the page checks adapters loosely
 * (AdapterReference); the published JSON Schema and the adapter loader use the full one.
 * The same for the text keys and the log endpoint: the page needs only their type (the
 * receipt code judges its endpoint itself when it sends), the check CLI judges them fully.
 */
export function configSchema<TAdapter extends v.GenericSchema<unknown, { type: string }>>(
  adapter: TAdapter,
  texts: v.GenericSchema<unknown, Partial<Record<TextKey, string>>> = PageTexts,
  endpoint: v.GenericSchema<unknown, string> = NonEmpty,
) {
  const Service = v.strictObject({
    id: Id,
    name: NonEmpty,
    provider: v.optional(NonEmpty),
    purpose: v.optional(Text),
    privacyPolicy: v.optional(Url),
    thirdCountry: v.optional(Text),
    cookies: v.optional(v.array(Cookie)),
    adapter: v.optional(adapter),
    /** Why a service that looks like statistics or media belongs in a required category. */
    necessaryJustification: v.optional(Text),
    /** Whether withdrawing this service reloads the page when its gated scripts ran on it (default: the config's `reloadOnWithdrawal`). */
    reloadOnWithdrawal: v.optional(v.boolean()),
  });

  const Category = v.strictObject({
    id: Id,
    required: v.optional(v.boolean()),
    label: Text,
    description: v.optional(Text),
    services: v.pipe(v.array(Service), v.minLength(1, 'needs at least one service')),
  });

  const ConfigObject = v.strictObject({
    $schema: v.optional(v.string()),
    /** Written by `consent-banner-check --stamp` (config-stamp.ts): pages use a config with its current stamp without validating it. */
    checked: v.optional(v.pipe(v.string(), v.regex(/^\d+\.[0-9a-z]{1,7}$/, 'is written by "consent-banner-check --stamp"; stamp the file again or remove it'))),
    revision: v.pipe(
      WholeNumber,
      v.minValue(0, 'must not be negative'),
      // Beyond this a JSON number no longer reads back exactly, and the record could not match it.
      v.maxValue(Number.MAX_SAFE_INTEGER, `must be at most ${Number.MAX_SAFE_INTEGER}`),
    ),
    languages: v.optional(v.array(Language)),
    cookie: v.optional(
      v.strictObject({
        // A cookie token. The banner adds "__Host-" on https; a prefix of its own ("__Host-", "__Secure-",
        // any "__Word-" a browser may give a meaning) would keep http from storing it.
        name: v.optional(v.pipe(v.string(), v.regex(/^(?!__[A-Za-z]+-)[\w-]{1,64}$/, 'must be 1 to 64 letters, digits, "-" or "_", not starting like a cookie prefix ("__Host-")'))),
        expiresDays: v.optional(
          v.pipe(WholeNumber, v.minValue(1, 'must be at least 1'), v.maxValue(MAX_EXPIRES_DAYS, `must be at most ${MAX_EXPIRES_DAYS} (13 months)`)),
        ),
        domain: v.optional(NonEmpty),
      }),
    ),
    links: v.strictObject({ privacy: Url, imprint: v.optional(Url) }),
    texts: v.optional(v.record(Language, texts)),
    /** Global Privacy Control and Do Not Track: true (default) stores them as a refusal without asking; false asks as usual. */
    signals: v.optional(v.boolean()),
    /**
     * true (default): a withdrawal reloads the page once when the withdrawn service's gated
     * scripts ran on it and no adapter stops them, so nothing of them keeps running.
     */
    reloadOnWithdrawal: v.optional(v.boolean()),
    /** Proof of consent: where every decision made on the page sends its receipt (a path on this site, or an https: URL). */
    log: v.optional(v.strictObject({ endpoint })),
    categories: v.pipe(v.array(Category), v.minLength(1, 'needs at least one category')),
  });
  // (An arrow with its type spelled out: ConsentConfig is inferred from this very schema.)
  return v.pipe(ConfigObject, problemCheck<v.InferOutput<typeof ConfigObject>>((config: unknown): CrossCheckProblem[] => crossCheck(config as ConsentConfig)));
}

/** A valibot action that reports a whole-config check's problems at their JSON paths. */
export function problemCheck<TConfig>(check: (config: unknown) => CrossCheckProblem[]): v.RawCheckAction<TConfig> {
  return v.rawCheck<TConfig>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    // parseConfig reads only each path item's key.
    for (const problem of check(dataset.value)) addIssue({ message: problem.message, path: problem.path.map((key) => ({ key })) as unknown as [v.IssuePathItem, ...v.IssuePathItem[]] });
  });
}

/** The schema every page view validates the config with. */
export const ConfigSchema = configSchema(AdapterReference);

export type ConsentConfig = v.InferOutput<typeof ConfigSchema>;
export type CategoryConfig = ConsentConfig['categories'][number];
export type ServiceConfig = CategoryConfig['services'][number];
export type CookieConfig = NonNullable<ServiceConfig['cookies']>[number];
export type LocalizedText = ServiceConfig['name'] | NonNullable<ServiceConfig['purpose']>;
export type AdapterConfig = NonNullable<ServiceConfig['adapter']>;

export interface CrossCheckProblem {
  path: (string | number)[];
  message: string;
}

/**
 * Longest `name=value` the schema lets a config's record (record.ts) reach. Browsers keep at
 * least 4096 bytes per cookie, but this one travels with every request to the site.
 */
export const MAX_RECORD_LENGTH = 1024;

/**
 * The longest `name=value` a record (record.ts) can take: `__Host-` prefix, the largest time,
 * every service stored. Here, not beside the record's code: only the schema needs it, and the
 * page loads the schema only for an unstamped config.
 */
export const maxRecordLength = (cookieName: string, revision: number, optionalServices: number): number =>
  // "__Host-" (7), name, "=" (1), "2a" + id (12), ".zzzzzzzz." (10), revision, "..." (3), check (5), 4 per service
  38 + cookieName.length + revision.toString(36).length + 4 * optionalServices;

/** Checks across the whole file: ids unique over categories and services, a record that stores. */
export function crossCheck(config: ConsentConfig): CrossCheckProblem[] {
  const problems: CrossCheckProblem[] = [];
  const seen = new Map<string, string>();
  const claim = (id: string, path: (string | number)[]) => {
    const where = seen.get(id);
    if (where) problems.push({ path: [...path, 'id'], message: `duplicate id "${id}" (already used at ${where})` });
    else seen.set(id, formatPath([...path, 'id']));
  };
  const tags = new Map<string, string>();
  let optionalServices = 0;
  config.categories.forEach((category, c) => {
    claim(category.id, ['categories', c]);
    category.services.forEach((service, s) => {
      const servicePath = ['categories', c, 'services', s];
      claim(service.id, servicePath);
      // A required service the page treats as optional (necessary.ts) is stored like one.
      if (!needsConsent(category, service)) return;
      optionalServices++;
      // The record stores a 4-character tag per optional service; two must not share one.
      const tag = serviceTag(service.id);
      const other = tags.get(tag);
      if (other && other !== service.id) problems.push({ path: [...servicePath, 'id'], message: `shares its tag in the consent cookie with "${other}"; rename one` });
      tags.set(tag, service.id);
    });
  });
  const length = maxRecordLength(config.cookie?.name ?? 'consent', config.revision, optionalServices);
  if (length > MAX_RECORD_LENGTH) {
    problems.push({ path: ['categories'], message: `make a consent cookie of up to ${length} bytes; at most ${MAX_RECORD_LENGTH}: use fewer optional services` });
  }
  return problems;
}

/**
 * Texts complete for every language that `languages` lists: checked by the published
 * schema's users (`consent-banner-check`); on the page a missing text falls back to English.
 */
export function languageProblems(config: ConsentConfig): CrossCheckProblem[] {
  const problems: CrossCheckProblem[] = [];
  const requireLanguages = (text: unknown, path: (string | number)[]) => {
    if (!text || typeof text !== 'object') return;
    for (const language of config.languages ?? []) {
      if (!(language in text)) problems.push({ path, message: `missing the "${language}" text (listed in "languages")` });
    }
  };
  config.categories.forEach((category, c) => {
    requireLanguages(category.label, ['categories', c, 'label']);
    requireLanguages(category.description, ['categories', c, 'description']);
    category.services.forEach((service, s) => {
      const servicePath = ['categories', c, 'services', s];
      requireLanguages(service.purpose, [...servicePath, 'purpose']);
      requireLanguages(service.thirdCountry, [...servicePath, 'thirdCountry']);
      service.cookies?.forEach((cookie, k) => {
        requireLanguages(cookie.expires, [...servicePath, 'cookies', k, 'expires']);
        requireLanguages(cookie.purpose, [...servicePath, 'cookies', k, 'purpose']);
      });
    });
  });
  return problems;
}
