// The scan's command line: turns argv into the options of a run, or a UsageError that says
// exactly what is wrong (the CLI prints it with the usage line and exits 2).

export const USAGE = `usage: consent-banner-scan [options] <url …>
  --config FILE          judge against this config (default: the one the first page's <consent-banner> uses)
  --sitemap URL          add the pages of a sitemap (urlset or sitemapindex, nested)
  --crawl                add same-origin links found from the start URLs
  --depth N              how many links (or nested sitemaps) deep to go (default 2)
  --max-pages N          at most this many pages in all (default 50)
  --concurrency N        pages visited in parallel (default 2)
  --shard i/n            after discovery, scan every n-th page starting at the i-th (1 ≤ i ≤ n)
  --json FILE            write the report as JSON
  --html FILE            write the report as a self-contained HTML page
  --allow-origin ORIGIN  a third-party origin accepted before consent (repeatable)
  --strict               warnings fail too
  --browser-arg FLAG     an extra Chromium flag (repeatable)
  --timeout MS           page load timeout (default 30000)
  --settle MS            how long the network must be quiet to count as idle (default 500)
  --list                 print the pages the run would scan (after discovery and --shard), visit none`;

export class UsageError extends Error {
  name = 'UsageError';
}

/**
 * @typedef {object} ScanOptions
 * @property {string[]} urls start URLs, as given
 * @property {string} [config] config file
 * @property {string} [sitemap] sitemap URL
 * @property {boolean} crawl
 * @property {number} depth
 * @property {number} maxPages
 * @property {number} concurrency
 * @property {{ index: number, count: number }} [shard] 1-based index
 * @property {string} [json]
 * @property {string} [html]
 * @property {string[]} allowOrigins normalised origins
 * @property {boolean} strict
 * @property {string[]} browserArgs
 * @property {number} timeout
 * @property {number} settle
 * @property {boolean} list
 */

const VALUE_OPTIONS = new Set(['--config', '--sitemap', '--depth', '--max-pages', '--concurrency', '--shard', '--json', '--html', '--allow-origin', '--browser-arg', '--timeout', '--settle']);

/** A web URL or a UsageError naming the option (or "a page URL") it came from. */
function webUrl(value, what) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${what} must be an absolute http or https URL, not "${value}"`);
  }
  if (!['http:', 'https:'].includes(url.protocol)) throw new UsageError(`${what} must be an http or https URL, not "${value}"`);
  return url;
}

function whole(value, option, min) {
  if (!/^\d+$/.test(value) || Number(value) < min) throw new UsageError(`${option} needs a whole number of at least ${min}, not "${value}"`);
  return Number(value);
}

/**
 * @param {string[]} args argv without node and the script
 * @returns {ScanOptions}
 */
export function parseOptions(args) {
  /** @type {ScanOptions} */
  const options = { urls: [], crawl: false, depth: 2, maxPages: 50, concurrency: 2, allowOrigins: [], strict: false, browserArgs: [], timeout: 30_000, settle: 500, list: false };
  for (let index = 0; index < args.length; index++) {
    let arg = args[index];
    let value;
    // --option=value as well as --option value.
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    if (equals > 0) {
      value = arg.slice(equals + 1);
      arg = arg.slice(0, equals);
    }
    if (VALUE_OPTIONS.has(arg)) {
      if (value === undefined) {
        value = args[++index];
        // A Chromium flag starts with "--" itself, so only --browser-arg may take one.
        if (value === undefined || (value.startsWith('--') && arg !== '--browser-arg')) throw new UsageError(`${arg} needs a value`);
      }
    } else if (value !== undefined) throw new UsageError(['--crawl', '--strict', '--list'].includes(arg) ? `${arg} takes no value` : `unknown option ${arg}`);
    switch (arg) {
      case '--config': options.config = value; break;
      case '--sitemap': options.sitemap = webUrl(value, '--sitemap').href; break;
      case '--crawl': options.crawl = true; break;
      case '--strict': options.strict = true; break;
      case '--list': options.list = true; break;
      case '--depth': options.depth = whole(value, arg, 0); break;
      case '--max-pages': options.maxPages = whole(value, arg, 1); break;
      case '--concurrency': options.concurrency = whole(value, arg, 1); break;
      case '--timeout': options.timeout = whole(value, arg, 1); break;
      case '--settle': options.settle = whole(value, arg, 0); break;
      case '--json': options.json = value; break;
      case '--html': options.html = value; break;
      case '--browser-arg': options.browserArgs.push(value); break;
      case '--allow-origin': {
        const url = webUrl(value, '--allow-origin');
        if (url.origin !== value.replace(/\/$/, '')) throw new UsageError(`--allow-origin takes an origin (scheme, host and port, such as https://cdn.example.org), not "${value}"`);
        options.allowOrigins.push(url.origin);
        break;
      }
      case '--shard': {
        const match = /^(\d+)\/(\d+)$/.exec(value);
        const [shardIndex, count] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
        if (!match || count < 1 || shardIndex < 1 || shardIndex > count) throw new UsageError(`--shard takes i/n with 1 ≤ i ≤ n (such as 2/3), not "${value}"`);
        options.shard = { index: shardIndex, count };
        break;
      }
      default:
        if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
        options.urls.push(webUrl(arg, 'a page URL').href);
    }
  }
  if (options.urls.length === 0 && !options.sitemap) throw new UsageError('give at least one page URL (or --sitemap URL)');
  if (options.urls.length === 0 && options.crawl) throw new UsageError('--crawl needs at least one start URL');
  return options;
}
