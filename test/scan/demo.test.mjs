// The demo is clean: scanned like a privacy officer would, each of its two sites (the
// institute with its privacy page, and the research centre with econda's anonymised
// measurement before consent) passes with no failure and no warning.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brief, reportFolder, RESOLVER, runCli, startSite } from './site.mjs';

let site;
let folder;
before(async () => {
  site = await startSite();
  folder = reportFolder();
});
after(() => {
  site?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('the demo passes the scan', () => {
  it('the institute: /demo/ and its privacy page', async () => {
    const { code, stdout, stderr, report } = await runCli([RESOLVER, '--settle', '200', `${site.url}/demo/`, `${site.url}/demo/privacy.html`], { json: join(folder, 'demo.json') });
    assert.deepEqual(brief(report.findings), []);
    assert.equal(code, 0, stdout + stderr);
    assert.equal(report.config.source, `${site.url}/demo/consent.json`);
    // What it looked at: the CMS session and the consent cookie before a decision; the statistics cookies after "Accept all".
    assert.deepEqual(report.pages.map((page) => page.visits['before-decision'].cookies), [1, 1]);
    assert.deepEqual(report.pages.map((page) => page.visits['after-accept'].cookies), [4, 3]);
  });

  it('the research centre, German and English, with its anonymised econda measurement before consent', async () => {
    const { code, stdout, stderr, report } = await runCli([RESOLVER, '--settle', '200', `${site.url}/demo/research-centre/`, `${site.url}/demo/research-centre/en.html`], { json: join(folder, 'research-centre.json') });
    assert.deepEqual(brief(report.findings), []);
    assert.equal(code, 0, stdout + stderr);
    assert.equal(report.config.source, `${site.url}/demo/research-centre/consent.json`);
    // PHPSESSID and econda's session cookie emos_jcsid before a decision: both declared as allowed without consent.
    assert.deepEqual(report.pages.map((page) => page.visits['before-decision'].cookies), [2, 2]);
  });

  it('a page of the other demo judged by the first one\'s config is reported, not judged', async () => {
    const { code, report } = await runCli([RESOLVER, '--settle', '200', `${site.url}/demo/privacy.html`, `${site.url}/demo/research-centre/en.html`], { json: join(folder, 'mixed.json') });
    assert.equal(code, 1);
    const mismatch = report.findings.find((finding) => finding.page?.endsWith('/research-centre/en.html') && finding.phase === 'before-decision');
    assert.equal(mismatch.kind, 'load');
    assert.equal(mismatch.why, `the page's banner uses the config ${site.url}/demo/research-centre/consent.json, not ${site.url}/demo/consent.json this run judges by: scan it in a run of its own`);
    // Its banner is not clicked (its consent cookie has another name): the one finding is all.
    assert.deepEqual(brief(report.findings.filter((finding) => finding.page?.endsWith('/research-centre/en.html'))).map((finding) => finding.kind), ['load']);
  });
});
