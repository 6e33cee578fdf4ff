// Prints the min+gzip size of every file of the drop-in and checks two budgets:
// - the banner: the entry and every chunk it can load for the consent dialog;
//   a returning visitor with a valid decision downloads only the entry;
// - the embed: the chunks that load only on pages with a <consent-embed>.
// The split comes from dist/chunks.json, the chunk graph the rollup build writes.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGETS = { banner: 15_000, embed: 4_000 };
const ENTRY = 'consent-banner.js';
const EMBED_MODULE = 'src/ui/consent-embed.ts';

const dist = new URL('../dist/', import.meta.url);
const graph = JSON.parse(readFileSync(new URL('chunks.json', dist), 'utf8'));
const embedRoot = Object.keys(graph).find((file) => graph[file].modules.includes(EMBED_MODULE));

/** Every file reachable from `start`, without passing through `stop`. */
function reachable(start, stop) {
  const seen = new Set();
  const visit = (file) => {
    if (file === stop || seen.has(file)) return;
    seen.add(file);
    for (const next of [...graph[file].imports, ...graph[file].dynamicImports]) visit(next);
  };
  visit(start);
  return seen;
}

const banner = reachable(ENTRY, embedRoot);
const embed = new Set([...reachable(embedRoot)].filter((file) => !banner.has(file)));
const sizes = Object.fromEntries(Object.keys(graph).map((file) => [file, gzipSync(readFileSync(new URL(file, dist)), { level: 9 }).length]));
const sum = (files) => [...files].reduce((total, file) => total + sizes[file], 0);

for (const file of Object.keys(graph)) {
  const part = banner.has(file) ? 'banner' : 'embed';
  const min = readFileSync(new URL(file, dist)).length;
  console.log(`${file.padEnd(40)} ${part.padEnd(7)} ${String(min).padStart(7)} B min  ${String(sizes[file]).padStart(6)} B min+gzip`);
}
let failed = false;
for (const [part, files] of [['banner', banner], ['embed', embed]]) {
  const total = sum(files);
  console.log(`${(part + ' total').padEnd(48)} ${' '.repeat(15)} ${String(total).padStart(6)} B min+gzip (budget ${BUDGETS[part]} B)`);
  if (total > BUDGETS[part]) {
    console.error(`${part} size budget exceeded by ${total - BUDGETS[part]} B`);
    failed = true;
  }
}
console.log(`${'drop-in total (banner + embed)'.padEnd(48)} ${' '.repeat(15)} ${String(sum(Object.keys(graph))).padStart(6)} B min+gzip`);
if (failed) process.exit(1);
