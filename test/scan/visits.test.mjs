// What a visit sees beyond the state a page ends in, and what it leaves alone: cookies that
// are set and deleted again during the visit are judged like any other; the banner's receipts
// never reach the site's consent log while the page's own requests still do; and a page whose
// banner uses another config (a relative src, inline JSON, or against --config) is reported,
// not judged.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brief, FIXTURES, reportFolder, RESOLVER, runCli, startSite } from './site.mjs';

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

const page = (name) => `${site.url}/test/fixtures/scan/${name}.html`;
const findingsOn = (report, name) => brief(report.findings.filter((finding) => finding.page === page(name)));
const on = (name, findings) => findings.map((finding) => ({ page: `/test/fixtures/scan/${name}.html`, ...finding }));

describe('cookies that exist only for a while', () => {
  let run;
  before(async () => {
    run = await runCli([RESOLVER, '--settle', '200', page('transient')], { json: join(folder, 'transient.json') });
  });

  it('a cookie set and deleted again fails before any decision and after "Reject all"; deletions are no writes', () => {
    assert.equal(run.code, 1, run.stderr);
    const cookie = (phase, name, severity = 'fail') => ({ phase, kind: severity === 'fail' ? 'cookie' : 'undeclared', item: { name, domain: 'localhost' }, severity });
    // _stat: set by an ungated tracker, deleted by the banner's cleaner; probe: by its own script; srv_id: set by a Set-Cookie header.
    // Not old_id, old_visit, old_tab (deletions) nor elsewhere (refused by the browser).
    assert.deepEqual(findingsOn(run.report, 'transient'), on('transient', [
      cookie('before-decision', '_stat'),
      cookie('before-decision', 'probe'),
      cookie('before-decision', 'srv_id'),
      cookie('after-reject', '_stat'),
      cookie('after-reject', 'probe'),
      cookie('after-reject', 'srv_id'),
      cookie('after-accept', 'probe', 'warn'),
      cookie('after-accept', 'srv_id', 'warn'),
    ]));
  });

  it('the finding says the cookie was set and deleted again', () => {
    const whys = run.report.findings.filter((finding) => finding.item.name === 'probe').map((finding) => finding.why);
    assert.deepEqual(whys, [
      'the cookie "probe" (localhost) is declared by no service, and only a necessary service\'s may exist before any decision; it was set, then deleted again during the visit',
      'the cookie "probe" (localhost) is declared by no service, and only a necessary service\'s may exist after "Reject all"; it was set, then deleted again during the visit',
      'the cookie "probe" (localhost) is declared by no service; no service of the config looks like its owner: declare it with the service that sets it; it was set, then deleted again during the visit',
    ]);
  });
});

describe('the consent log', () => {
  let run;
  before(async () => {
    site.hits.length = 0;
    run = await runCli([RESOLVER, '--settle', '200', page('receipts')], { json: join(folder, 'receipts.json') });
  });

  it('no receipt of the scan\'s clicks reaches the log endpoint, and none is reported', () => {
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(site.hits.filter((hit) => hit.endsWith(' /test/scan-log/receipts')), []);
    const pixel = { kind: 'request', item: { url: `http://tracker.test:${site.port}/pixel.gif`, type: 'image' }, severity: 'fail' };
    assert.deepEqual(findingsOn(run.report, 'receipts'), on('receipts', [
      { phase: 'before-decision', ...pixel },
      { phase: 'after-reject', ...pixel },
    ]));
  });

  it('the page\'s own requests beside the endpoint still go through: once per load (the config read, three visits, two reloads)', () => {
    const count = (hit) => site.hits.filter((candidate) => candidate === hit).length;
    assert.equal(count('POST /test/scan-log/receipts?from=page'), 6);
    assert.equal(count('GET /test/scan-log/receipts-archive'), 6);
  });
});

describe('a page whose banner uses another config is reported, not judged', () => {
  const mismatch = (name, uses, judgedBy) => ({
    page: page(name),
    phase: 'before-decision',
    kind: 'load',
    item: { url: page(name) },
    severity: 'fail',
    why: `the page's banner uses the config ${uses}, not ${judgedBy} this run judges by: scan it in a run of its own`,
  });
  const own = ({ page: url, phase, kind, item, severity, why }) => ({ page: url, phase, kind, item, severity, why });

  it('the first page\'s config inline, another page\'s by a relative src', async () => {
    const { code, report } = await runCli([RESOLVER, '--settle', '200', page('config-inline'), page('config-relative')], { json: join(folder, 'inline-first.json') });
    assert.equal(code, 1);
    assert.equal(report.config.source, `inline in ${page('config-inline')}`);
    assert.deepEqual(report.findings.map(own), [mismatch('config-relative', `${site.url}/test/fixtures/scan/config-extra.json`, `inline in ${page('config-inline')}`)]);
  });

  it('with --config, each page\'s config is compared with the file by content: the same JSON inline is judged', async () => {
    const file = join(FIXTURES, 'config.json');
    const { code, stderr, report } = await runCli([RESOLVER, '--settle', '200', '--config', file, page('clean'), page('config-inline'), page('config-relative')], { json: join(folder, 'with-file.json') });
    assert.equal(code, 1);
    assert.doesNotMatch(stderr, /not clickable/);
    assert.deepEqual(report.findings.map(own), [mismatch('config-relative', `${site.url}/test/fixtures/scan/config-extra.json`, file)]);
    assert.deepEqual(report.pages.map((summary) => summary.ok), [true, true, false]);
  });

  it('with --config, an inline config of other content is reported as inline', async () => {
    const file = join(FIXTURES, 'config-extra.json');
    const { code, report } = await runCli([RESOLVER, '--settle', '200', '--config', file, page('config-inline')], { json: join(folder, 'inline-other.json') });
    assert.equal(code, 1);
    assert.deepEqual(report.findings.filter((finding) => finding.page).map(own), [mismatch('config-inline', 'inline in the page', file)]);
  });
});
