// The privacy officer's command: full validation and lint of a config file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const demoFile = readFileSync(new URL('../../demo/consent.json', import.meta.url), 'utf8');
// Without its stamp: the tests below change it, and a stamp that no longer fits would be one more warning.
const { checked: demoStamp, ...demo } = JSON.parse(demoFile);
const folder = mkdtempSync(join(tmpdir(), 'consent-check-'));

/** FNV-1a, 32 bits, over UTF-16 code units: written here apart from src/, to check the stamp. */
function fnv1a(text) {
  let hash = 0x811c9dc5;
  for (const unit of text.split('').map((char) => char.charCodeAt(0))) hash = Math.imul(hash ^ unit, 0x01000193) >>> 0;
  return hash;
}

function check(config, ...flags) {
  const file = join(folder, `config-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof config === 'string' ? config : JSON.stringify(config));
  const result = spawnSync(process.execPath, [new URL('../../bin/consent-banner-check.mjs', import.meta.url).pathname, ...flags, file], { encoding: 'utf8' });
  return { status: result.status, out: result.stdout.replaceAll(file, 'FILE'), err: result.stderr.replaceAll(file, 'FILE') };
}

describe('consent-banner-check', () => {
  it('accepts the demo config, stamped', () => {
    assert.deepEqual(check(demoFile), { status: 0, out: 'FILE: valid, stamped\n', err: '' });
    assert.deepEqual(check(demo), { status: 0, out: 'FILE: valid, not stamped\n', err: '' });
  });

  it('fails on an error, with its path, including adapter settings the page checks only in part', () => {
    const config = structuredClone(demo);
    config.categories[1].services[0].adapter.mode = 'cookiefree';
    const result = check(config);
    assert.equal(result.status, 1);
    assert.equal(result.err, 'FILE: error at $.categories[1].services[0].adapter.mode: must be "consent" or "cookieless"\n');
  });

  it('warns about statistics in the necessary category, and passes once it is justified', () => {
    const config = structuredClone(demo);
    config.categories[0].services.push({ id: 'econda', name: 'econda', provider: 'econda GmbH', purpose: 'Reach measurement', privacyPolicy: 'https://www.econda.de/datenschutz', cookies: [{ name: 'emos_*', expires: '30 days' }] });
    const warned = check(config);
    assert.equal(warned.status, 0);
    assert.match(warned.err, /^FILE: warning at \$\.categories\[0\]\.services\[1\]: "econda" looks like statistics or media/);
    assert.equal(warned.out, 'FILE: valid, not stamped, 1 warning(s)\n');
    config.categories[0].services[1].necessaryJustification = 'Our data protection officer approved it.';
    assert.deepEqual(check(config), { status: 0, out: 'FILE: valid, not stamped\n', err: '' });
  });

  it('warns about an adapter that asks to measure before consent without a justification; --strict fails on it', () => {
    const config = structuredClone(demo);
    config.categories[1].services[0].adapter.mode = 'cookieless';
    const warning = 'FILE: warning at $.categories[1].services[0].adapter.mode: measures before consent only with a "necessaryJustification" on the service; without one it waits for consent\n';
    assert.deepEqual(check(config), { status: 0, out: 'FILE: valid, not stamped, 1 warning(s)\n', err: warning });
    assert.deepEqual(check(config, '--strict'), { status: 1, out: 'FILE: valid, not stamped, 1 warning(s)\n', err: warning });
    config.categories[1].services[0].necessaryJustification = { en: 'Counts page views without cookies or visitor ids; agreed with our data protection officer.' };
    config.categories[1].services[0].necessaryJustification.de = 'Zählt Seitenaufrufe ohne Cookies und Besucherkennung; mit unserem Datenschutzbeauftragten abgestimmt.';
    assert.deepEqual(check(config, '--strict'), { status: 0, out: 'FILE: valid, not stamped\n', err: '' });
    assert.equal(check(demo, '--strict').status, 0);
  });

  it('suggests the wildcard name for a v1 pattern, and refuses a pattern that could run in more than linear time', () => {
    const config = structuredClone(demo);
    config.categories[1].services[0].cookies[0] = { pattern: '^_pk_id\\.', expires: '13 months' };
    const warned = check(config);
    assert.deepEqual(warned, {
      status: 0,
      out: 'FILE: valid, not stamped, 1 warning(s)\n',
      err: 'FILE: warning at $.categories[1].services[0].cookies[0].pattern: write it as "name": "_pk_id.*" (a wildcard name, shown to visitors as written)\n',
    });
    config.categories[1].services[0].cookies[0].pattern = '^(a+)+$';
    const refused = check(config);
    assert.equal(refused.status, 1);
    assert.equal(refused.err, 'FILE: error at $.categories[1].services[0].cookies[0].pattern: must be a prefix, suffix or whole name; write a wildcard "name" such as "_pk_id.*"\n');
  });

  it('refuses configs whose decision could never be stored', () => {
    const config = structuredClone(demo);
    config.revision = 2 ** 53;
    config.cookie.name = '__Host-consent';
    const result = check(config);
    assert.equal(result.status, 1);
    assert.equal(
      result.err,
      'FILE: error at $.revision: must be at most 9007199254740991\nFILE: error at $.cookie.name: must be 1 to 64 letters, digits, "-" or "_", not starting like a cookie prefix ("__Host-")\n',
    );
  });

  it('refuses links that are no web page however they are written, with their paths', () => {
    const config = structuredClone(demo);
    config.links.privacy = '\tjavascript:void(fetch(1))';
    config.links.imprint = 'java\nscript:alert(1)';
    const result = check(config);
    assert.equal(result.status, 1);
    assert.equal(
      result.err,
      'FILE: error at $.links.privacy: must be http:, https: or relative to the page\nFILE: error at $.links.imprint: must be http:, https: or relative to the page\n',
    );
  });

  it('--stamp writes the stamp into a config that passed, keeps the file as written, and says when an edit made it stale', () => {
    const file = join(folder, 'stamp-me.json');
    // Written by hand, with its own layout, to see that the stamp goes in without reformatting the file.
    const text = `{\n    "$schema": "../dist/consent-config.schema.json",\n    "revision": 1,\n    "links": {"privacy": "/privacy"},\n    "categories": [{"id": "necessary", "required": true, "label": "Necessary", "services": [{"id": "cms", "name": "CMS"}]}]\n}\n`;
    writeFileSync(file, text);
    const run = (...flags) => spawnSync(process.execPath, [new URL('../../bin/consent-banner-check.mjs', import.meta.url).pathname, ...flags, file], { encoding: 'utf8' });
    // The stamp over this file's JSON (without the stamp), worked out apart from the CLI: FNV-1a in base 36.
    const stamp = `1.${fnv1a(JSON.stringify(JSON.parse(text))).toString(36)}`;
    assert.equal(run('--stamp').stdout, `${file}: valid, stamped now (${stamp})\n`);
    assert.equal(readFileSync(file, 'utf8'), text.replace('.json",\n', `.json",\n    "checked": "${stamp}",\n`));
    assert.deepEqual([run().stdout, run('--strict').status], [`${file}: valid, stamped\n`, 0]);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"revision": 1', '"revision": 2'));
    const stale = run('--strict');
    assert.equal(stale.status, 1);
    assert.equal(stale.stderr, `${file}: warning at $.checked: the file changed since it was stamped, so pages validate it on every view again; stamp it again with --stamp\n`);
    assert.match(run('--stamp').stdout, /: valid, stamped now \(1\.[0-9a-z]+\)\n$/);
    assert.equal(run('--strict').status, 0);
  });

  it('--stamp leaves a config that fails untouched', () => {
    const config = { ...structuredClone(demo), revision: -1 };
    const file = join(folder, 'broken.json');
    writeFileSync(file, JSON.stringify(config));
    const result = spawnSync(process.execPath, [new URL('../../bin/consent-banner-check.mjs', import.meta.url).pathname, '--stamp', file], { encoding: 'utf8' });
    assert.equal(result.status, 1);
    assert.equal(readFileSync(file, 'utf8'), JSON.stringify(config));
  });

  it('reports text that is not JSON', () => {
    const result = check('{"revision": 1,');
    assert.equal(result.status, 1);
    assert.match(result.err, /^FILE: error at \$: is not valid JSON/);
  });
});
