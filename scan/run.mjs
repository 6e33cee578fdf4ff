// A whole run: discover the pages, read the config, visit every page in its three phases
// (a bounded number of pages at a time, in one browser), judge, report. Returns the exit
// code: 0 clean, 1 anything failed (or, with --strict, warned), 2 usage errors.
import { writeFile } from 'node:fs/promises';
import { bannerConfigHashes, configFromFile, configFromPage, ScanConfigError } from './config.mjs';
import { discoverPages } from './discover.mjs';
import { judge } from './judge.mjs';
import { launchBrowser, MissingBrowserError } from './browser.mjs';
import { parseOptions, UsageError, USAGE } from './options.mjs';
import { progress } from './progress.mjs';
import { buildReport } from './report.mjs';
import { htmlReport } from './report-html.mjs';
import { textReport } from './report-text.mjs';
import { PHASES, visitPage } from './visit.mjs';

/** Runs `work` over `items`, at most `limit` at a time, keeping the order of the results. */
async function pool(items, limit, work) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * @param {string[]} args
 * @param {{ stdout?: NodeJS.WriteStream, stderr?: NodeJS.WriteStream }} [streams]
 * @returns {Promise<number>} the exit code: 0, 1 or 2
 */
export async function runScan(args, { stdout = process.stdout, stderr = process.stderr } = {}) {
  const fail = (message) => {
    stderr.write(`consent-banner-scan: ${message}\n`);
    return 1;
  };
  let options;
  try {
    options = parseOptions(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    stderr.write(`consent-banner-scan: ${error.message}\n${USAGE}\n`);
    return 2;
  }

  let discovered;
  try {
    discovered = await discoverPages(options);
  } catch (error) {
    return fail(`cannot discover the pages: ${error.message}`);
  }
  const { pages } = discovered;
  if (options.list) {
    stdout.write(pages.map((url) => `${url}\n`).join(''));
    return 0;
  }
  if (!pages.length) return fail(discovered.all.length ? `shard ${options.shard.index}/${options.shard.count} has no page of the ${discovered.all.length} found` : 'found no page to scan');

  let loaded = options.config ? await configFromFile(options.config).catch((error) => error) : undefined;
  if (loaded instanceof Error) return configProblem(loaded, stderr);

  let browser;
  try {
    browser = await launchBrowser(options.browserArgs);
  } catch (error) {
    if (error instanceof MissingBrowserError) return fail(error.message);
    throw error;
  }
  try {
    if (!loaded) {
      try {
        loaded = await configFromPage(browser, discovered.all[0], options.timeout);
      } catch (error) {
        return configProblem(error, stderr);
      }
    }
    const { config } = loaded;
    // Pages whose banner uses another config than this (compared by content) are reported, not judged.
    const configSource = loaded.source;
    const visitOptions = {
      timeout: options.timeout,
      settle: options.settle,
      consentCookie: config.cookie?.name ?? 'consent',
      configHash: loaded.hash,
      bannerConfigHash: bannerConfigHashes(),
      logEndpoint: config.log?.endpoint,
    };
    const bar = progress(stderr, pages.length);
    /** @type {Map<string, number>} */
    const visitsLeft = new Map(pages.map((url) => [url, PHASES.length]));
    const tasks = pages.flatMap((url) => PHASES.map((phase) => ({ url, phase })));
    /** Visits finished so far, to judge each page as soon as its three are done. */
    const finished = [];
    const visits = await pool(tasks, options.concurrency, async ({ url, phase }) => {
      const record = await visitPage(browser, url, phase, visitOptions);
      finished.push(record);
      const left = visitsLeft.get(url) - 1;
      visitsLeft.set(url, left);
      if (left === 0) {
        const ofPage = finished.filter((visit) => visit.page === url);
        bar.pageDone(url, !judge({ config, visits: ofPage, allowOrigins: options.allowOrigins, configSource }).some((finding) => finding.page === url && finding.severity === 'fail'));
      }
      return record;
    });
    bar.end();
    const findings = judge({ config, visits, allowOrigins: options.allowOrigins, configSource });
    const report = buildReport({ pages, visits, findings, loaded, options });
    stdout.write(textReport(report));
    try {
      if (options.json) await writeFile(options.json, `${JSON.stringify(report, null, 2)}\n`);
      if (options.html) await writeFile(options.html, htmlReport(report));
    } catch (error) {
      return fail(`cannot write the report: ${error.message}`);
    }
    return report.totals.passed ? 0 : 1;
  } finally {
    await browser.close();
  }
}

/** A config that cannot be used: every problem with its JSON path, exit 1. */
function configProblem(error, stderr) {
  if (!(error instanceof ScanConfigError)) throw error;
  stderr.write(`consent-banner-scan: ${error.message}\n`);
  for (const { path, message } of error.problems) stderr.write(`consent-banner-scan: error at ${path}: ${message}\n`);
  return 1;
}
