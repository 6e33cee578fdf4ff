/**
 * Turns whatever the site supplied (JSON text or an object) into a validated,
 * typed `ConsentConfig`, or throws a `ConfigError` listing every problem with its
 * JSON path. Also the small helpers that read a config: text lookup and id index.
 */
import * as v from 'valibot';
import { issueMessages } from './issue-messages.js';
import { ConfigSchema, formatPath, type CategoryConfig, type ConsentConfig, type LocalizedText, type ServiceConfig } from './config-schema.js';

export interface ConfigProblem {
  path: string;
  message: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(problems.map((problem) => `${problem.path}: ${problem.message}`).join('\n'));
    this.name = 'ConfigError';
  }
}

/**
 * Validates a config (JSON text or object): the config, or every problem with its JSON
 * path. `schema` is the page's by default, or the full one of `consent-banner-check`.
 * (A config is an object, never an array, so `Array.isArray` tells the two apart.)
 */
export function checkConfig(input: unknown, schema: v.GenericSchema<unknown, ConsentConfig> = ConfigSchema): ConsentConfig | ConfigProblem[] {
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch (error) {
      return [{ path: '$', message: `is not valid JSON (${(error as Error).message})` }];
    }
  }
  const result = v.safeParse(schema, data, issueMessages);
  return result.success
    ? result.output
    : result.issues.map((issue) => ({ path: formatPath((issue.path ?? []).map((item) => item.key as string | number)), message: issue.message }));
}

/** Like `checkConfig`, but throws a `ConfigError` with the problems. */
export function parseConfig(input: unknown, schema?: v.GenericSchema<unknown, ConsentConfig>): ConsentConfig {
  const result = checkConfig(input, schema);
  if (Array.isArray(result)) throw new ConfigError(result);
  return result;
}

/** Picks the text for a language: that language, else English, else the first one given. */
export function localize(text: LocalizedText | undefined, language: string): string {
  if (text === undefined || typeof text === 'string') return text ?? '';
  return text[language] ?? text.en ?? Object.values(text)[0] ?? '';
}

export interface ServiceEntry {
  service: ServiceConfig;
  category: CategoryConfig;
}

/**
 * The language of an element: the primary subtag of its own or nearest `lang` ("de-AT" ->
 * "de"), English for anything that is no 2- or 3-letter code. Texts are looked up in
 * plain objects by this code, where "constructor" would find Object's own members.
 */
export function languageOf(element: Element): string {
  const lang = element.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang;
  return (/^([a-z]{2,3})(-|$)/i.exec(lang)?.[1] ?? 'en').toLowerCase();
}

/** Service ids mapped to their service and category, in config order. */
export function indexServices(config: ConsentConfig): Map<string, ServiceEntry> {
  const index = new Map<string, ServiceEntry>();
  for (const category of config.categories) {
    for (const service of category.services) index.set(service.id, { service, category });
  }
  return index;
}
