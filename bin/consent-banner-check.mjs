#!/usr/bin/env node
// Checks consent configs the way a privacy officer needs before publishing one: the full
// schema (adapter settings included, which pages check only in part) and the lint
// (statistics or media placed in a required category without a justification).
// Usage: consent-banner-check [--strict] [--stamp] [--upload URL [--token-file F]] consent.json [more.json …].
// Exit code 1 on any error, and with --strict (for a site's own CI) on any warning too.
// With --stamp, each config that passed gets its stamp (`"checked"`, src/core/config-stamp.ts)
// written into the file: pages then use it without downloading and running the validator.
// A stamp that no longer fits the file (edited since) is a warning.
// With --table html|markdown [--lang xx] and one config: once it passes, its cookie declaration
// (what <consent-cookie-table> shows) goes to stdout, and the check's own lines to stderr.
// With --upload, once every file has passed, each config is sent as a snapshot to the
// consent-log server at URL, so the receipts of its visitors can be shown with the texts
// they saw; the token comes from --token-file or the environment (CONSENT_LOG_TOKEN).
import { readFileSync, writeFileSync } from 'node:fs';
import { fullConfigSchema } from '../dist/lib/adapters/schema.js';
import { ConfigError, parseConfig } from '../dist/lib/core/validate.js';
import { configHash } from '../dist/lib/core/config-hash.js';
import { configStamp } from '../dist/lib/core/config-stamp.js';
import { lintConfig } from '../dist/lib/check/lint.js';
import { formatDeclaration } from '../dist/lib/check/declaration-format.js';

const usage = [
  'usage: consent-banner-check [--strict] [--stamp] [--upload <log server URL> [--token-file F]] consent.json [more.json …]',
  '       consent-banner-check [--strict] --table html|markdown [--lang xx] consent.json',
].join('\n');
function usageError(problem) {
  if (problem) console.error(`consent-banner-check: ${problem}`);
  console.error(usage);
  process.exit(2);
}

let strict = false;
let stamp = false;
let uploadTo;
let tokenFile;
let table;
let tableLanguage;
const files = [];
const args = process.argv.slice(2);
for (let index = 0; index < args.length; index++) {
  const arg = args[index];
  if (arg === '--strict') strict = true;
  else if (arg === '--stamp') stamp = true;
  else if (arg === '--upload' || arg === '--token-file' || arg === '--table' || arg === '--lang') {
    const value = args[++index];
    if (value === undefined || value.startsWith('--')) usageError(`${arg} needs a value`);
    if (arg === '--upload') uploadTo = value;
    else if (arg === '--token-file') tokenFile = value;
    else if (arg === '--table') table = value;
    else tableLanguage = value;
  } else if (arg.startsWith('--')) usageError(`unknown option ${arg}`);
  else files.push(arg);
}
if (files.length === 0) usageError();
if (tokenFile !== undefined && uploadTo === undefined) usageError('--token-file is only used with --upload');
if (table !== undefined) {
  if (table !== 'html' && table !== 'markdown') usageError(`--table takes "html" or "markdown", not "${table}"`);
  if (uploadTo !== undefined) usageError('--table prints one config\'s declaration; it cannot be combined with --upload');
  if (files.length !== 1) usageError(`--table needs exactly one config file, not ${files.length}`);
}
if (tableLanguage !== undefined) {
  if (table === undefined) usageError('--lang is only used with --table');
  // A primary language subtag, as the page reads <html lang> ("de-AT" -> "de").
  if (!/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(tableLanguage)) usageError(`--lang needs a language code such as "de" or "en", not "${tableLanguage}"`);
  tableLanguage = tableLanguage.split('-')[0].toLowerCase();
}
/** With --table, stdout holds the declaration only: the check reports on stderr. */
const report = table === undefined ? console.log : console.error;

/** Where snapshots go: `<URL>/snapshots`, the URL being where the log server is mounted. */
let snapshotsUrl;
let token;
if (uploadTo !== undefined) {
  let base;
  try {
    base = new URL(uploadTo);
  } catch {
    usageError(`--upload needs the log server's URL (http or https), not "${uploadTo}"`);
  }
  if (!['http:', 'https:'].includes(base.protocol)) usageError(`--upload needs an http or https URL, not "${uploadTo}"`);
  base.search = '';
  base.hash = '';
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  snapshotsUrl = new URL('snapshots', base);
  try {
    token = tokenFile === undefined ? process.env.CONSENT_LOG_TOKEN?.trim() : readFileSync(tokenFile, 'utf8').trim();
  } catch (error) {
    console.error(`consent-banner-check: cannot read the token file: ${error.message}`);
    process.exit(1);
  }
  if (!token) {
    console.error(`consent-banner-check: --upload needs the log server's token: set CONSENT_LOG_TOKEN or pass --token-file F${tokenFile === undefined ? '' : ` (${tokenFile} is empty)`}`);
    process.exit(1);
  }
}

const fullSchema = fullConfigSchema();
let failed = false;
/** The files that passed, with their text, for the upload. */
const passed = [];
for (const file of files) {
  let config;
  let text;
  try {
    // Without a byte order mark, as a browser's fetch hands the page the text (editors on Windows write one).
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    config = parseConfig(text, fullSchema);
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
  // Over the file as parsed (the page hashes that), not over the validated copy, whose keys come in schema order.
  const expectedStamp = configStamp(JSON.parse(text));
  if (!stamp && config.checked !== undefined && config.checked !== expectedStamp) {
    warnings.push({ path: '$.checked', message: 'the file changed since it was stamped, so pages validate it on every view again; stamp it again with --stamp' });
  }
  for (const { path, message } of warnings) console.warn(`${file}: warning at ${path}: ${message}`);
  if (strict && warnings.length) failed = true;
  let state = config.checked === expectedStamp ? 'stamped' : 'not stamped';
  if (stamp && !(strict && warnings.length) && config.checked !== expectedStamp) {
    try {
      text = withStamp(text, expectedStamp);
      writeFileSync(file, text);
      state = `stamped now (${expectedStamp})`;
    } catch (error) {
      console.error(`${file}: ${error.message}`);
      failed = true;
      continue;
    }
  }
  report(`${file}: valid, ${state}${warnings.length ? `, ${warnings.length} warning(s)` : ''}`);
  passed.push({ file, text, config });
}
if (table !== undefined) {
  if (failed) {
    console.error('consent-banner-check: no table, as the config did not pass the check');
    process.exit(1);
  }
  process.stdout.write(await formatDeclaration(passed[0].config, tableLanguage ?? 'en', table));
  process.exit(0);
}
if (failed && snapshotsUrl) console.error('consent-banner-check: nothing uploaded, as not every config passed the check');
if (failed || !snapshotsUrl) process.exit(failed ? 1 : 0);

/**
 * The config's text with its stamp as the top-level `"checked"`: the old value replaced, or
 * a new member after `"$schema"` (or first), indented like the file's other members. Read
 * back before it is written, so a stamp that landed anywhere else is an error, never a file.
 */
function withStamp(text, value) {
  const indent = /\n([ \t]+)"/.exec(text)?.[1];
  const member = indent === undefined ? `"checked":"${value}",` : `\n${indent}"checked": "${value}",`;
  const stamped = /"checked"\s*:\s*"[^"\\]*"/.test(text)
    ? text.replace(/("checked"\s*:\s*)"[^"\\]*"/, `$1"${value}"`)
    : /^\s*\{\s*"\$schema"\s*:\s*"[^"\\]*"\s*,/.test(text)
      ? text.replace(/^(\s*\{\s*"\$schema"\s*:\s*"[^"\\]*"\s*,)/, `$1${member}`)
      : text.replace(/^(\s*\{)/, `$1${member}`);
  if (JSON.parse(stamped).checked !== value) throw new Error('could not write the stamp into the file; add "checked": "" at its top level and stamp again');
  return stamped;
}

/**
 * Sends one config as a snapshot and checks that the server stored it under the hash the
 * banner puts into its receipts (the raw config as loaded, hashed by the one definition).
 */
async function upload({ file, text }) {
  const expected = configHash(JSON.parse(text));
  let response;
  try {
    response = await fetch(snapshotsUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: text,
      redirect: 'error',
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    const reason = error.name === 'TimeoutError' ? 'no answer within 30 s' : (error.cause?.message ?? error.message);
    throw new Error(`cannot reach the log server at ${snapshotsUrl}: ${reason}`);
  }
  const body = await response.text();
  let answer;
  try {
    answer = JSON.parse(body);
  } catch {
    answer = undefined;
  }
  if (response.status === 401) throw new Error(`the log server at ${snapshotsUrl} refused the token (401): check CONSENT_LOG_TOKEN or --token-file`);
  if (!response.ok) {
    const message = typeof answer?.error === 'string' ? answer.error : body.slice(0, 200) || response.statusText;
    throw new Error(`the log server at ${snapshotsUrl} answered ${response.status}: ${message}`);
  }
  if (typeof answer?.hash !== 'string') throw new Error(`the log server at ${snapshotsUrl} answered ${response.status} without a hash; is it a consent-log server?`);
  if (answer.hash !== expected) throw new Error(`the log server stored the snapshot as ${answer.hash}, but its receipts will carry ${expected}; are the server and this check the same version?`);
  console.log(`${file}: uploaded, snapshot ${answer.hash}${response.status === 200 ? ' (already there)' : ''}`);
}

for (const entry of passed) {
  try {
    await upload(entry);
  } catch (error) {
    console.error(`${entry.file}: ${error.message}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
