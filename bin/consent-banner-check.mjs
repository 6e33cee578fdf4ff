#!/usr/bin/env node
// Checks consent configs the way a privacy officer needs before publishing one: the full
// schema (adapter settings included, which pages check only in part) and the lint
// (statistics or media placed in a required category without a justification).
// Usage: consent-banner-check [--strict] consent.json [more.json …]. Exit code 1 on any
// error, and with --strict (for a site's own CI) on any warning too.
import { readFileSync } from 'node:fs';
import { fullConfigSchema } from '../dist/lib/adapters/schema.js';
import { ConfigError, parseConfig } from '../dist/lib/core/config.js';
import { lintConfig } from '../dist/lib/check/lint.js';

const args = process.argv.slice(2);
const strict = args.includes('--strict');
const files = args.filter((arg) => arg !== '--strict');
if (files.length === 0 || files.some((file) => file.startsWith('--'))) {
  console.error('usage: consent-banner-check [--strict] consent.json [more.json …]');
  process.exit(2);
}
const fullSchema = fullConfigSchema();
let failed = false;
for (const file of files) {
  let config;
  try {
    config = parseConfig(readFileSync(file, 'utf8'), fullSchema);
  } catch (error) {
    if (!(error instanceof ConfigError)) {
      console.error(`${file}: ${error.message}`);
      failed = true;
      continue;
    }
    for (const { path, message } of error.problems) console.error(`${file}: error at ${path}: ${message}`);
    failed = true;
    continue;
  }
  const warnings = lintConfig(config);
  for (const { path, message } of warnings) console.warn(`${file}: warning at ${path}: ${message}`);
  console.log(`${file}: valid${warnings.length ? `, ${warnings.length} warning(s)` : ''}`);
  if (strict && warnings.length) failed = true;
}
process.exit(failed ? 1 : 0);
