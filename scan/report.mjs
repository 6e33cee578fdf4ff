// The report of a run as data: what --json writes, and what the text and HTML reports are
// made from. One shape for all three, so they cannot tell different stories.
import { readFileSync } from 'node:fs';
import { PHASES } from './visit.mjs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/**
 * @typedef {object} PageSummary
 * @property {string} url
 * @property {boolean} ok no failure on this page
 * @property {number} failures
 * @property {number} warnings
 * @property {Record<string, { cookies: number, storage: number, requests: number, hints: number, ms: number, error?: string, pending?: string[] }>} visits counts by phase, how long each
 *   visit took, and the requests still in flight when a wait for network idle ran out of time (the record may miss their effects)
 *
 * @typedef {object} ScanReport
 * @property {{ name: 'consent-banner-scan', version: string }} tool
 * @property {string} date ISO 8601
 * @property {string} site origin of the first page
 * @property {{ source: string, revision: number, hash: string }} config
 * @property {{ strict: boolean, allowOrigins: string[], shard: string | null }} options
 * @property {PageSummary[]} pages
 * @property {import('./judge.mjs').Finding[]} findings
 * @property {{ pages: number, failedPages: number, failures: number, warnings: number, passed: boolean }} totals
 */

/**
 * @param {{ pages: string[], visits: import('./visit.mjs').VisitRecord[], findings: import('./judge.mjs').Finding[], loaded: import('./config.mjs').LoadedConfig, options: import('./options.mjs').ScanOptions, date?: Date }} run
 * @returns {ScanReport}
 */
export function buildReport({ pages, visits, findings, loaded, options, date = new Date() }) {
  const summaries = pages.map((url) => {
    const own = findings.filter((finding) => finding.page === url);
    const failures = own.filter((finding) => finding.severity === 'fail').length;
    /** @type {PageSummary['visits']} */
    const visitCounts = {};
    for (const phase of PHASES) {
      const visit = visits.find((candidate) => candidate.page === url && candidate.phase === phase);
      if (!visit) continue;
      visitCounts[phase] = { cookies: visit.cookies.length, storage: visit.storage.length, requests: visit.requests.length, hints: visit.hints.length, ms: visit.ms ?? 0, ...(visit.error ? { error: visit.error } : {}), ...(visit.pending ? { pending: visit.pending } : {}) };
    }
    return { url, ok: failures === 0, failures, warnings: own.length - failures, visits: visitCounts };
  });
  const failures = findings.filter((finding) => finding.severity === 'fail').length;
  const warnings = findings.length - failures;
  return {
    tool: { name: 'consent-banner-scan', version },
    date: date.toISOString(),
    site: pages.length ? new URL(pages[0]).origin : '',
    config: { source: loaded.source, revision: loaded.config.revision, hash: loaded.hash },
    options: { strict: options.strict, allowOrigins: options.allowOrigins, shard: options.shard ? `${options.shard.index}/${options.shard.count}` : null },
    pages: summaries,
    findings,
    totals: { pages: summaries.length, failedPages: summaries.filter((page) => !page.ok).length, failures, warnings, passed: failures === 0 && (!options.strict || warnings === 0) },
  };
}

/** A finding's item in words: `cookie "_ga" (.example.org)`, a URL, `localStorage "key"`. */
export function describeItem({ kind, item }) {
  if (item.service && kind === 'unseen-service') return `service "${item.service}"`;
  if (item.url && kind === 'load') return item.url;
  if (item.url) return `${item.url}${item.rel ? ` (${item.rel})` : item.type ? ` (${item.type})` : ''}`;
  if (item.area) return `${item.area} "${item.key}"`;
  return `cookie "${item.name}" (${item.domain})`;
}

export const PHASE_TITLES = { 'before-decision': 'Before any decision', 'after-reject': 'After "Reject all"', 'after-accept': 'After "Accept all"' };
