// Which pages a run visits: the start URLs, the pages of a sitemap (nested sitemap indexes
// included) and, with --crawl, the same-origin links found from the start URLs. Fetched
// with Node's own fetch (not the browser), so a host must resolve for this machine too.
// The list comes back without fragments, deduplicated and sorted; --shard picks from it.

/** A page address without its fragment; null for anything that is no http(s) URL. */
export function pageAddress(href, base) {
  let url;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  if (!['http:', 'https:'].includes(url.protocol)) return null;
  url.hash = '';
  return url.href;
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeXml = (text) => text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[\da-f]+);/gi, (_, name) => (name[0] === '#' ? String.fromCodePoint(Number(name[1] === 'x' || name[1] === 'X' ? `0${name.slice(1)}` : name.slice(1))) : ENTITIES[name.toLowerCase()]));

/** The text of a URL, or an Error saying why not. */
async function fetchText(url, timeout) {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeout), headers: { Accept: 'text/html, application/xml;q=0.9, */*;q=0.8' } }).catch((error) => {
    throw new Error(`cannot fetch ${url}: ${error.cause?.message ?? error.message}`);
  });
  if (!response.ok) throw new Error(`cannot fetch ${url}: HTTP ${response.status}`);
  return { text: await response.text(), type: response.headers.get('content-type') ?? '', url: response.url };
}

/**
 * The page URLs of a sitemap: a `urlset` gives its `<loc>`s, a `sitemapindex` the pages of
 * each sitemap it lists, down to `depth` levels of nesting. Stops at `limit` pages.
 * @param {string} sitemap
 * @param {{ depth: number, limit: number, timeout: number }} options
 * @returns {Promise<string[]>}
 */
export async function sitemapPages(sitemap, { depth, limit, timeout }) {
  const pages = [];
  const read = new Set();
  async function readSitemap(url, level) {
    if (read.has(url) || level > depth || pages.length >= limit) return;
    read.add(url);
    const { text } = await fetchText(url, timeout);
    const locations = [...text.matchAll(/<loc>\s*([^<]*?)\s*<\/loc>/g)].map((match) => decodeXml(match[1]));
    if (/<sitemapindex[\s>]/.test(text)) {
      for (const location of locations) {
        const address = pageAddress(location, url);
        if (address) await readSitemap(address, level + 1);
      }
    } else if (/<urlset[\s>]/.test(text)) {
      for (const location of locations) {
        const address = pageAddress(location, url);
        if (address && pages.length < limit) pages.push(address);
      }
    } else throw new Error(`${url} is neither a sitemap (<urlset>) nor a sitemap index (<sitemapindex>)`);
  }
  await readSitemap(sitemap, 0);
  return pages;
}

/** The href of every `<a>` in an HTML text, resolved against the page (and its `<base href>`). */
export function linksOf(html, pageUrl) {
  const attribute = (tag, name) => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(1).find((value) => value !== undefined);
  const baseTag = /<base\s[^>]*>/i.exec(html)?.[0];
  const base = (baseTag && pageAddress(decodeXml(attribute(baseTag, 'href') ?? ''), pageUrl)) || pageUrl;
  return [...html.matchAll(/<a\s[^>]*>/gi)].map((match) => attribute(match[0], 'href')).filter((href) => href !== undefined).map((href) => pageAddress(decodeXml(href), base)).filter(Boolean);
}

/**
 * Same-origin pages reachable from the start URLs in at most `depth` link steps, breadth
 * first, until `limit` pages are known (the start URLs included).
 * @param {string[]} starts
 * @param {{ depth: number, limit: number, timeout: number }} options
 */
export async function crawlPages(starts, { depth, limit, timeout }) {
  const known = new Set(starts.map((url) => pageAddress(url)));
  let level = [...known];
  for (let step = 0; step < depth && level.length && known.size < limit; step++) {
    const next = [];
    for (const url of level) {
      if (known.size >= limit) break;
      let page;
      try {
        page = await fetchText(url, timeout);
      } catch {
        continue; // The visit reports the page that cannot be loaded.
      }
      if (!/html/i.test(page.type)) continue;
      const origin = new URL(url).origin;
      for (const link of linksOf(page.text, page.url)) {
        if (known.size >= limit) break;
        if (new URL(link).origin !== origin || known.has(link)) continue;
        known.add(link);
        next.push(link);
      }
    }
    level = next;
  }
  return [...known];
}

/**
 * Every page of the run, sorted, then this shard's share of them.
 * @param {import('./options.mjs').ScanOptions} options
 * @returns {Promise<{ all: string[], pages: string[] }>}
 */
export async function discoverPages(options) {
  const found = new Set(options.urls.map((url) => pageAddress(url)));
  const fetchOptions = { depth: options.depth, timeout: options.timeout };
  if (options.sitemap) {
    for (const page of await sitemapPages(options.sitemap, { ...fetchOptions, limit: Math.max(options.maxPages - found.size, 0) })) found.add(page);
  }
  if (options.crawl) {
    for (const page of await crawlPages(options.urls, { ...fetchOptions, limit: Math.max(options.maxPages, found.size) })) {
      if (found.size >= options.maxPages) break;
      found.add(page);
    }
  }
  const all = [...found].sort();
  return { all, pages: shard(all, options.shard) };
}

/** Every n-th page starting at the i-th (1-based), or all of them without a shard. */
export const shard = (pages, which) => (which ? pages.filter((_, index) => index % which.count === which.index - 1) : pages);
