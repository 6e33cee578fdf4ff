/**
 * Turns whatever the site supplied (JSON text or an object) into a validated, typed
 * `ConsentConfig`, or throws a `ConfigError` listing every problem with its JSON path.
 * The drop-in loads this (with the schema) only for a config without a current stamp.
 */
import * as v from 'valibot';
import { issueMessages } from './issue-messages.js';
import { ConfigSchema, formatPath, type ConsentConfig } from './config-schema.js';

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
