// Prints the min+gzip size of the drop-in entry and of each chunk, and fails the build
// when the whole drop-in exceeds the budget. The entry alone is what a returning
// visitor with a valid decision downloads; chunks load only when the dialog shows.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 15 * 1000;
const dist = new URL('../dist/', import.meta.url);
const files = ['consent-banner.js', ...readdirSync(new URL('chunks/', dist)).map((name) => `chunks/${name}`)];
let total = 0;
for (const file of files) {
  const source = readFileSync(new URL(file, dist));
  const gzipped = gzipSync(source, { level: 9 }).length;
  total += gzipped;
  console.log(`${file.padEnd(40)} ${String(source.length).padStart(7)} B min  ${String(gzipped).padStart(6)} B min+gzip`);
}
console.log(`${'drop-in total'.padEnd(40)} ${' '.repeat(15)} ${String(total).padStart(6)} B min+gzip (budget ${BUDGET_BYTES} B)`);
if (total > BUDGET_BYTES) {
  console.error(`size budget exceeded by ${total - BUDGET_BYTES} B`);
  process.exit(1);
}
