// Prints the min+gzip size of every file of the drop-in and checks a budget per part:
// - banner: the entry and every chunk the consent dialog's first layer needs, for a
//   stamped config (`consent-banner-check --stamp`), with the largest language's texts;
// - returning: the entry alone, all that a returning visitor with a valid decision
//   downloads on a page without embeds (part of banner, budgeted on its own);
// - validate: the validator with the config schema, loaded only for an unstamped config;
// - doubts: the warning about a required service that waits for consent (core/necessary.ts),
//   loaded only for a config that has one;
// - settings: the dialog's settings layer, loaded when the visitor asks for it;
// - embed: the chunks that load only on pages with a <consent-embed>;
// - cookie-table: the chunks that load only on pages with a <consent-cookie-table>;
// - adapters: the chunks that load only when the config names a vendor adapter: the starter
//   and all four vendors, the most a site can load (one with a single vendor loads the
//   starter and that vendor only);
// Each part counts its texts in the largest language (a visitor downloads one): the
// dialog's in banner, the settings layer's in settings, the placeholder's in embed, the
// cookie table's in cookie-table.
// - first view with embeds: banner and embed together.
// The split comes from dist/chunks.json, the chunk graph the rollup build writes.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGETS = { 'first view with embeds': 18_530, banner: 14_455, returning: 6_700, validate: 2_515, settings: 2_670, embed: 4_075, adapters: 3_065, receipt: 1_135, doubts: 325, 'cookie-table': 2_965 };
const ENTRY = 'consent-banner.js';
/** A chunk holding one of these modules starts a part of its own. */
const PART_ROOTS = { validate: (module) => module === 'src/core/validate.ts', settings: (module) => module === 'src/ui/banner/settings.ts', embed: (module) => module === 'src/ui/embed/consent-embed.ts', 'cookie-table': (module) => module === 'src/ui/cookie-table/consent-cookie-table.ts', adapters: (module) => module.startsWith('src/adapters/'), receipt: (module) => module === 'src/core/receipt.ts', doubts: (module) => module === 'src/core/necessary-doubts.ts' };

const dist = new URL('../dist/', import.meta.url);
const graph = JSON.parse(readFileSync(new URL('chunks.json', dist), 'utf8'));
const roots = Object.fromEntries(Object.entries(PART_ROOTS).map(([part, isRoot]) => [part, Object.keys(graph).filter((file) => graph[file].modules.some(isRoot))]));
const allRoots = new Set(Object.values(roots).flat());
/** Chunks of one language each (src/texts/ui/fr.ts?part=dialog, src/texts/table/fr.ts): a page loads one of them. */
const languageFiles = (pattern) => Object.keys(graph).filter((file) => graph[file].modules.some((module) => pattern.test(module)));
const TEXTS = { banner: languageFiles(/^src\/texts\/ui\/\w+\.ts\?part=dialog$/), settings: languageFiles(/\?part=settings$/), embed: languageFiles(/\?part=embed$/), 'cookie-table': languageFiles(/^src\/texts\/table\//) };

/** Every file reachable from `starts`, without entering `stops`. */
function reachable(starts, stops = new Set()) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file) || (stops.has(file) && !starts.includes(file))) return;
    seen.add(file);
    for (const next of [...graph[file].imports, ...graph[file].dynamicImports]) visit(next);
  };
  starts.forEach(visit);
  return seen;
}

const sizes = Object.fromEntries(Object.keys(graph).map((file) => [file, gzipSync(readFileSync(new URL(file, dist)), { level: 9 }).length]));
const largest = (files) => files.reduce((max, file) => (sizes[file] > (sizes[max] ?? -1) ? file : max), undefined);
const languageStops = new Set(Object.values(TEXTS).flat());
const parts = { banner: reachable([ENTRY], new Set([...allRoots, ...languageStops])) };
const returning = new Set([ENTRY]);
// A part's chunks import shared code from the entry; the walk stops there, at the other parts and at the languages.
for (const part of Object.keys(PART_ROOTS)) parts[part] = new Set([...reachable(roots[part], new Set([ENTRY, ...allRoots, ...languageStops]))].filter((file) => !parts.banner.has(file)));
for (const [part, files] of Object.entries(TEXTS)) parts[part].add(largest(files));
const sum = (files) => [...files].reduce((total, file) => total + sizes[file], 0);
const partOf = (file) => Object.keys(TEXTS).find((part) => TEXTS[part].includes(file)) ?? Object.keys(parts).find((part) => parts[part].has(file));

// Of the language files, only the largest of each kind is listed.
const listed = Object.keys(graph).filter((file) => !languageStops.has(file) || Object.values(parts).some((files) => files.has(file)));
for (const file of listed) {
  const min = readFileSync(new URL(file, dist)).length;
  console.log(`${file.padEnd(40)} ${partOf(file).padEnd(9)} ${String(min).padStart(7)} B min  ${String(sizes[file]).padStart(6)} B min+gzip`);
}
let failed = false;
const withEmbeds = new Set([...parts.banner, ...parts.embed]);
for (const [part, files] of [...Object.entries(parts).slice(0, 1), ['returning', returning], ...Object.entries(parts).slice(1), ['first view with embeds', withEmbeds]]) {
  const total = sum(files);
  console.log(`${(part + ' total').padEnd(50)} ${' '.repeat(15)} ${String(total).padStart(6)} B min+gzip (budget ${BUDGETS[part]} B)`);
  if (total > BUDGETS[part]) {
    console.error(`${part} size budget exceeded by ${total - BUDGETS[part]} B`);
    failed = true;
  }
}
console.log(`${'drop-in total'.padEnd(50)} ${' '.repeat(15)} ${String(sum(Object.keys(graph))).padStart(6)} B min+gzip`);
if (failed) process.exit(1);
