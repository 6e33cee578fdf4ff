/**
 * A config's stamp. `consent-banner-check --stamp` writes it, as `"checked"`, into a config
 * that passed the full check. A page whose config carries its current stamp uses the config
 * as it is: the validator (validate.ts, with the schema) is neither downloaded nor run on
 * that page view. Any change to the file makes the stamp stale, and so does a library whose
 * page schema became stricter (it raises STAMP_EPOCH): the page then validates as before,
 * and a broken config fails closed with the JSON path of each problem. The stamp is no
 * signature: it vouches for an unchanged file, not for who wrote it (whoever can change the
 * config can change the page anyway).
 */
import { fnv1a } from './record.js';

/** Raised whenever the page's schema refuses something an earlier one let pass. */
export const STAMP_EPOCH = 1;

/** The stamp for a config (parsed JSON): the epoch and a hash of its JSON text without the stamp. */
export function configStamp(config: object): string {
  const { checked: _stamp, ...rest } = config as { checked?: unknown };
  return `${STAMP_EPOCH}.${fnv1a(JSON.stringify(rest)).toString(36)}`;
}

/** Whether a config (parsed JSON) carries its current stamp. */
export const isStamped = (config: unknown): boolean =>
  typeof config === 'object' && config !== null && (config as { checked?: unknown }).checked === configStamp(config);
