/**
 * The one definition of the consent configuration. The TypeScript types
 * (`ConsentConfig` and friends), the runtime validation (`parseConfig` in
 * config.ts) and the published `consent-config.schema.json` (scripts/build-schema.mjs)
 * all come from the valibot schema below, so they cannot drift apart.
 *
 * Checks that JSON Schema cannot express (unique ids across the whole file, texts
 * complete for every listed language) live in `crossCheck`, run by the same pipeline.
 */
import * as v from 'valibot';

/** Keys of the dialog's texts that a config may override per language. */
export const DIALOG_TEXT_KEYS = [
  'title', 'intro', 'acceptAll', 'rejectAll', 'settings', 'save', 'close',
  'settingsTitle', 'settingsIntro', 'privacy', 'imprint', 'alwaysOn', 'on', 'off',
  'provider', 'purpose', 'cookies', 'thirdCountry', 'providerPrivacy', 'services',
] as const;
/** Keys of the embed placeholder's own texts (it also uses `thirdCountry` and `providerPrivacy`). */
export const EMBED_TEXT_KEYS = ['loadVideo', 'loadContent', 'alwaysAllow', 'embedNotice', 'embedUnavailable'] as const;
export const TEXT_KEYS = [...DIALOG_TEXT_KEYS, ...EMBED_TEXT_KEYS] as const;
export type DialogTextKey = (typeof DIALOG_TEXT_KEYS)[number];
export type EmbedTextKey = (typeof EMBED_TEXT_KEYS)[number];
export type TextKey = DialogTextKey | EmbedTextKey;

/** Lower-case ids keep the consent cookie short and free of characters that need escaping. */
const ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,39}$/;
const LANGUAGE_PATTERN = /^[a-z]{2,3}$/;

const isRegExp = (source: string) => {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
};

/** Links come from config, so only harmless schemes may pass (never `javascript:`). */
const isSafeUrl = (url: string) => !/^[a-z][a-z0-9+.-]*:/i.test(url) || /^(https?|mailto):/i.test(url);

const Id = v.pipe(v.string(), v.regex(ID_PATTERN, 'must be 1 to 40 lower-case letters, digits, "-" or "_", starting with a letter or digit'));
const NonEmpty = v.pipe(v.string(), v.minLength(1, 'must not be empty'));
const Url = v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.check(isSafeUrl, 'must be a relative URL or start with https:, http: or mailto:'));

/** A text: one string for every language, or a map from language code to string. */
const Text = v.union(
  [NonEmpty, v.record(v.pipe(v.string(), v.regex(LANGUAGE_PATTERN, 'must be a language code such as "en" or "de"')), NonEmpty)],
  'must be a string or an object mapping language codes to strings',
);

const Cookie = v.pipe(
  v.strictObject({
    name: v.optional(NonEmpty),
    pattern: v.optional(v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.check(isRegExp, 'is not a valid regular expression'))),
    expires: Text,
    purpose: v.optional(Text),
    domain: v.optional(NonEmpty),
    path: v.optional(v.pipe(v.string(), v.startsWith('/', 'must start with "/"'))),
  }),
  v.check((cookie) => !cookie.name !== !cookie.pattern, 'needs exactly one of "name" or "pattern"'),
);

/** At most 13 months (395 days): the longest any authority accepts for keeping a choice. */
export const MAX_EXPIRES_DAYS = 395;
export const DEFAULT_EXPIRES_DAYS = 182;

const Texts = v.strictObject(Object.fromEntries(TEXT_KEYS.map((key) => [key, v.optional(NonEmpty)])) as Record<TextKey, v.OptionalSchema<typeof NonEmpty, undefined>>);

/**
 * What every page view checks of an adapter: that it is an object. Its type and settings
 * are checked by src/adapters/ when it loads (errors name the JSON path, the adapter does
 * not start), and described in full in the published JSON Schema.
 */
const AdapterReference = v.custom<{ type: string }>((value) => typeof value === 'object' && value !== null, 'must be an object');

/**
 * The whole config, built around an adapter schema: the page checks adapters loosely
 * (AdapterReference); the published JSON Schema and the adapter loader use the full one.
 */
export function configSchema<TAdapter extends v.GenericSchema<unknown, { type: string }>>(adapter: TAdapter) {
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
    revision: v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(0, 'must not be negative')),
    languages: v.optional(v.array(v.pipe(v.string(), v.regex(LANGUAGE_PATTERN, 'must be a language code such as "en" or "de"')))),
    cookie: v.optional(
      v.strictObject({
        name: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1 to 64 letters, digits, "-" or "_"'))),
        expiresDays: v.optional(
          v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(1, 'must be at least 1'), v.maxValue(MAX_EXPIRES_DAYS, `must be at most ${MAX_EXPIRES_DAYS} (13 months)`)),
        ),
        domain: v.optional(NonEmpty),
      }),
    ),
    links: v.strictObject({ privacy: Url, imprint: v.optional(Url) }),
    texts: v.optional(v.record(v.pipe(v.string(), v.regex(LANGUAGE_PATTERN, 'must be a language code such as "en" or "de"')), Texts)),
    /** Global Privacy Control and Do Not Track: true (default) stores them as a refusal without asking; false asks as usual. */
    signals: v.optional(v.boolean()),
    categories: v.pipe(v.array(Category), v.minLength(1, 'needs at least one category')),
  });
  return v.pipe(
    ConfigObject,
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      for (const problem of crossCheck(dataset.value as ConsentConfig)) {
        const path = problem.path.map((key) => ({ type: 'object', origin: 'value', input: {}, key, value: undefined }));
        addIssue({ message: problem.message, path: path as unknown as [v.IssuePathItem, ...v.IssuePathItem[]] });
      }
    }),
  );
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

/** Checks across the whole file: ids unique over categories and services, texts complete. */
export function crossCheck(config: ConsentConfig): CrossCheckProblem[] {
  const problems: CrossCheckProblem[] = [];
  const seen = new Map<string, string>();
  const claim = (id: string, path: (string | number)[]) => {
    const where = seen.get(id);
    if (where) problems.push({ path: [...path, 'id'], message: `duplicate id "${id}" (already used at ${where})` });
    else seen.set(id, formatPath([...path, 'id']));
  };
  const languages = config.languages ?? [];
  const requireLanguages = (text: unknown, path: (string | number)[]) => {
    if (!text || typeof text !== 'object') return;
    for (const language of languages) {
      if (!(language in text)) problems.push({ path, message: `missing the "${language}" text (listed in "languages")` });
    }
  };
  config.categories.forEach((category, c) => {
    claim(category.id, ['categories', c]);
    requireLanguages(category.label, ['categories', c, 'label']);
    requireLanguages(category.description, ['categories', c, 'description']);
    category.services.forEach((service, s) => {
      const servicePath = ['categories', c, 'services', s];
      claim(service.id, servicePath);
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

/** `['categories', 1, 'id']` -> `$.categories[1].id`: the form every config error names. */
export function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : `${out}.${key}`), '$');
}

