/**
 * The warning about each required service that necessary.ts treats as optional, with its
 * path. `consent-banner-check` prints it; the page reports it once per config, and loads
 * this file only then, since a config that needs it is rare.
 */
import { reportError } from './errors.js';
import type { ConfigProblem } from './validate.js';
import type { ConsentConfig } from './config-schema.js';
import { necessaryDoubt } from './necessary.js';

/** Every service of a required category that is treated as optional, with its path and the warning. */
export function necessaryDoubts(config: ConsentConfig): ConfigProblem[] {
  return config.categories.flatMap((category, c) =>
    category.services.flatMap((service, s) => {
      const sign = category.required && necessaryDoubt(service);
      return sign
        ? [{ path: `$.categories[${c}].services[${s}]`, message: `"${service.id}" looks like statistics or media (${sign}) but is required without a "necessaryJustification"; it waits for consent` }]
        : [];
    }),
  );
}

/** Warns on the page about each of them (`consent-error` and `console.warn`): the store calls this, in this file, so that every page view does not download it. */
export function reportNecessaryDoubts(config: ConsentConfig): void {
  for (const { path, message } of necessaryDoubts(config)) reportError('config', path, message, console.warn);
}
