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

  it('warns about a language without built-in texts that the config gives only in part, and not about one it gives in full', () => {
    const config = structuredClone(demo);
    config.texts = { ...config.texts, eu: { title: 'Zure pribatutasun-aukerak', acceptAll: 'Denak onartu' }, pl: { title: 'Prywatność' } };
    assert.deepEqual(check(config), {
      status: 0,
      out: 'FILE: valid, not stamped, 1 warning(s)\n',
      err: 'FILE: warning at $.texts.eu: "eu" has no built-in texts, and 32 are missing here ("intro", "transfers", "rejectAll", …): the dialog shows them in English\n',
    });
    // Every text of the dialog, the settings and the placeholders: nothing left in English.
    const keys = 'title intro transfers acceptAll rejectAll settings save close settingsTitle settingsIntro privacy imprint alwaysOn on off partlyOn provider purpose cookies cookieName lifetime thirdCountry providerPrivacy services framed justification reload consentId newWindow loadVideo loadContent alwaysAllow embedNotice embedUnavailable';
    config.texts.eu = Object.fromEntries(keys.split(' ').map((key) => [key, `eu ${key}`]));
    assert.deepEqual(check(config), { status: 0, out: 'FILE: valid, not stamped\n', err: '' });
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

  it('reads a file saved with a byte order mark, as the page does', () => {
    // (Editors on Windows write one; a browser's fetch drops it before the page parses the text.)
    const result = check(`\uFEFF${JSON.stringify(demo)}`);
    assert.deepEqual([result.status, result.err, result.out], [0, '', 'FILE: valid, not stamped\n']);
  });
});

describe('consent-banner-check --table', () => {
  /** A small config written for these tests; every expected text below is read from it by hand. */
  const declared = {
    revision: 2,
    links: { privacy: '/privacy' },
    categories: [
      {
        id: 'necessary',
        required: true,
        label: { en: 'Necessary', de: 'Notwendig' },
        services: [
          {
            id: 'cms',
            name: 'CMS <script>alert(1)</script>',
            provider: 'Press "Office"',
            purpose: { en: 'Keeps | your session', de: 'Hält Ihre Sitzung' },
            cookies: [{ name: 'PHPSESSID', expires: { en: 'end of session', de: 'Ende der Sitzung' } }],
          },
        ],
      },
      {
        id: 'media',
        label: { en: 'Media', de: 'Medien' },
        description: { en: 'Videos from\nanother site.', de: 'Videos einer\nanderen Website.' },
        services: [
          { id: 'video', name: 'Video host', provider: 'Video Corp.', purpose: 'Plays videos.', thirdCountry: 'USA', privacyPolicy: 'https://video.example/privacy?a=1&b=2', cookies: [{ pattern: '^vid_', expires: '1 year', purpose: 'Remembers the volume' }] },
          { id: 'posts', name: 'Posts', provider: 'Social Corp.', purpose: 'Shows posts.' },
        ],
      },
    ],
  };

  /** Runs the CLI with `args`, where FILE stands for a file holding `config` (each FILE a file of its own). */
  function run(config, ...args) {
    const files = [];
    const argv = args.map((arg) => {
      if (arg !== 'FILE') return arg;
      const file = join(folder, `table-${Math.random().toString(36).slice(2)}.json`);
      writeFileSync(file, typeof config === 'string' ? config : JSON.stringify(config));
      files.push(file);
      return file;
    });
    const result = spawnSync(process.execPath, [new URL('../../bin/consent-banner-check.mjs', import.meta.url).pathname, ...argv], { encoding: 'utf8' });
    const anonymous = (text) => files.reduce((out, file) => out.replaceAll(file, 'FILE'), text);
    return { status: result.status, out: anonymous(result.stdout), err: anonymous(result.stderr) };
  }

  it('prints the declaration as HTML with the element\'s table structure, every config string escaped', () => {
    const { status, out, err } = run(declared, '--table', 'html', 'FILE');
    assert.equal(status, 0);
    // The check still reports, on stderr: stdout is the fragment alone.
    assert.match(err, /^FILE: valid/m);
    assert.ok(out.startsWith('<div class="consent-cookie-table" lang="en">\n'));
    assert.ok(!out.includes('<script'), 'no markup from the config');
    const header =
      '<thead><tr><th scope="col">Service and provider</th><th scope="col">Purpose</th><th scope="col">Cookies and lifetime</th><th scope="col">Data sent outside the EU</th><th scope="col">Consent</th><th scope="col">Privacy policy</th></tr></thead>';
    assert.equal(out.split(header).length, 3, 'one header row per category');
    for (const snippet of [
      '<table>\n<caption>Necessary</caption>\n',
      '<tr><th scope="row">CMS &lt;script&gt;alert(1)&lt;/script&gt;<span class="provider">Provider: Press &quot;Office&quot;</span></th><td>Keeps | your session</td><td><ul><li><code>PHPSESSID</code> – Lifetime: end of session</li></ul></td><td>None declared</td><td>Required: runs without consent</td><td></td></tr>',
      '<table>\n<caption>Media<span class="description">Videos from\nanother site.</span></caption>\n',
      '<td><ul><li><code>vid_*</code> – Lifetime: 1 year<span class="cookie-purpose">Remembers the volume</span></li></ul></td><td>USA</td><td>Only with your consent</td><td><a href="https://video.example/privacy?a=1&amp;b=2">Privacy policy of Video Corp.</a></td></tr>',
      '<tr><th scope="row">Posts<span class="provider">Provider: Social Corp.</span></th><td>Shows posts.</td><td>Sets no cookies.</td><td>None declared</td><td>Only with your consent</td><td></td></tr>',
    ]) {
      assert.ok(out.includes(snippet), `missing: ${snippet}`);
    }
  });

  it('prints the declaration as Markdown: a heading and a table per category, pipes and line breaks escaped', () => {
    const { status, out } = run(declared, '--table', 'markdown', 'FILE');
    assert.equal(status, 0);
    const header = '| Service and provider | Purpose | Cookies and lifetime | Data sent outside the EU | Consent | Privacy policy |\n| --- | --- | --- | --- | --- | --- |\n';
    assert.ok(
      out.startsWith(
        '## Necessary\n\n' + header + '| **CMS &lt;script&gt;alert\\(1\\)&lt;/script&gt;**<br>Provider: Press &quot;Office&quot; | Keeps \\| your session | <code>PHPSESSID</code> – Lifetime: end of session | None declared | Required: runs without consent |  |\n\n',
      ),
      out,
    );
    assert.ok(
      out.endsWith(
        '## Media\n\nVideos from<br>another site.\n\n' +
          header +
          '| **Video host**<br>Provider: Video Corp. | Plays videos. | <code>vid\\_\\*</code> – Lifetime: 1 year (Remembers the volume) | USA | Only with your consent | [Privacy policy of Video Corp.](https://video.example/privacy?a=1&b=2) |\n' +
          '| **Posts**<br>Provider: Social Corp. | Shows posts. | Sets no cookies. | None declared | Only with your consent |  |\n',
      ),
      out,
    );
  });

  it('speaks German with --lang de', () => {
    const { status, out } = run(declared, '--table', 'markdown', '--lang', 'de', 'FILE');
    assert.equal(status, 0);
    assert.ok(
      out.startsWith(
        '## Notwendig\n\n| Dienst und Anbieter | Zweck | Cookies und Speicherdauer | Datenübermittlung außerhalb der EU | Einwilligung | Datenschutzerklärung |\n| --- | --- | --- | --- | --- | --- |\n' +
          '| **CMS &lt;script&gt;alert\\(1\\)&lt;/script&gt;**<br>Anbieter: Press &quot;Office&quot; | Hält Ihre Sitzung | <code>PHPSESSID</code> – Speicherdauer: Ende der Sitzung | Keine angegeben | Notwendig: läuft ohne Einwilligung |  |\n',
      ),
      out,
    );
    assert.ok(out.includes('## Medien\n\nVideos einer<br>anderen Website.\n'));
    const html = run(declared, '--table', 'html', '--lang', 'de', 'FILE').out;
    assert.ok(html.startsWith('<div class="consent-cookie-table" lang="de">\n'));
    assert.ok(html.includes('<td>Nur mit Ihrer Einwilligung</td>'));
  });

  it('takes the table texts from the config\'s texts, which the full schema knows', () => {
    const config = { ...structuredClone(declared), texts: { en: { tableConsent: 'Consent needed?', tableNoCookies: 'No cookies at all.' } } };
    const { status, out } = run(config, '--table', 'html', 'FILE');
    assert.equal(status, 0);
    assert.ok(out.includes('<th scope="col">Consent needed?</th>'));
    assert.ok(out.includes('<td>Shows posts.</td><td>No cookies at all.</td>'));
    config.texts.en.tableColour = 'blue';
    const refused = run(config, '--table', 'html', 'FILE');
    assert.equal(refused.status, 1);
    assert.match(refused.err, /^FILE: error at \$\.texts\.en\.tableColour: unknown property "tableColour"$/m);
  });

  it('prints no table for a config that fails the check', () => {
    const broken = structuredClone(declared);
    broken.categories[1].services[0].privacyPolicy = 'javascript:alert(1)';
    const { status, out, err } = run(broken, '--table', 'html', 'FILE');
    assert.equal(status, 1);
    assert.equal(out, '');
    assert.match(err, /^FILE: error at \$\.categories\[1\]\.services\[0\]\.privacyPolicy: must be http:, https: or relative to the page$/m);
  });

  for (const [name, args, message] of [
    ['a format it does not know', ['--table', 'pdf', 'FILE'], '--table takes "html" or "markdown", not "pdf"'],
    ['no format', ['FILE', '--table'], '--table needs a value'],
    ['two files', ['--table', 'html', 'FILE', 'FILE'], '--table needs exactly one config file, not 2'],
    ['--upload', ['--table', 'markdown', '--upload', 'http://localhost:9/log', 'FILE'], "--table prints one config's declaration; it cannot be combined with --upload"],
    ['--lang without --table', ['--lang', 'de', 'FILE'], '--lang is only used with --table'],
    ['a language that is no code', ['--table', 'html', '--lang', 'deutsch', 'FILE'], '--lang needs a language code such as "de" or "en", not "deutsch"'],
  ]) {
    it(`exits 2 on ${name}, saying what is wrong`, () => {
      const { status, out, err } = run(declared, ...args);
      assert.equal(status, 2);
      assert.equal(out, '');
      assert.equal(err.split('\n')[0], `consent-banner-check: ${message}`);
    });
  }
});
