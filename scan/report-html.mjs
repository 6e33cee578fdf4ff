// A self-contained HTML report a privacy officer can file: no external assets, every string
// escaped, headings and tables with header cells, readable printed or on screen.
import { describeItem, PHASE_TITLES } from './report.mjs';
import { PHASES } from './visit.mjs';

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text made safe for HTML content and quoted attributes. */
export const escapeHtml = (value) => String(value).replace(/[&<>"']/g, (character) => ESCAPES[character]);

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1a1a1a;background:#fff}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}th,td{border:1px solid #777;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#eee}td.item{word-break:break-all;font-family:ui-monospace,monospace;font-size:.9em}.fail{color:#a00000;font-weight:bold}.warn{color:#6b4a00;font-weight:bold}.ok{color:#046b1c;font-weight:bold}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:bold}dd{margin:0;word-break:break-all}`;

const severityCell = (severity) => (severity === 'fail' ? '<td class="fail">✗ fails</td>' : '<td class="warn">! warning</td>');

function findingsTable(findings, caption) {
  const rows = findings.map((finding) => `<tr>${severityCell(finding.severity)}<td>${escapeHtml(PHASE_TITLES[finding.phase])}</td><td>${escapeHtml(finding.kind)}</td><td class="item">${escapeHtml(describeItem(finding))}</td><td>${escapeHtml(finding.why)}</td></tr>`);
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr><th scope="col">Result</th><th scope="col">Phase</th><th scope="col">Kind</th><th scope="col">Item</th><th scope="col">Why</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** @param {import('./report.mjs').ScanReport} report */
export function htmlReport(report) {
  const { totals } = report;
  const summaryRows = report.pages.map(
    (page) => `<tr><td class="${page.ok ? 'ok' : 'fail'}">${page.ok ? '✓ passed' : '✗ fails'}</td><th scope="row" class="item">${escapeHtml(page.url)}</th><td>${page.failures}</td><td>${page.warnings}</td></tr>`,
  );
  const pageSections = report.pages.map((page) => {
    const own = report.findings.filter((finding) => finding.page === page.url);
    const ordered = PHASES.flatMap((phase) => own.filter((finding) => finding.phase === phase));
    return `<section><h3>${escapeHtml(page.url)}</h3>${ordered.length ? findingsTable(ordered, `Findings on ${page.url}`) : '<p class="ok">✓ Nothing found.</p>'}</section>`;
  });
  const runFindings = report.findings.filter((finding) => finding.page === null);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Consent scan of ${escapeHtml(report.site)}: ${totals.passed ? 'passed' : 'failed'}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Consent scan of ${escapeHtml(report.site)}</h1>
<p class="${totals.passed ? 'ok' : 'fail'}">${totals.passed ? '✓ Passed' : '✗ Failed'}: ${totals.pages} page(s), ${totals.failedPages} with failures; ${totals.failures} failure(s), ${totals.warnings} warning(s).</p>
<dl>
<dt>Date</dt><dd>${escapeHtml(report.date)}</dd>
<dt>Tool</dt><dd>${escapeHtml(`${report.tool.name} ${report.tool.version}`)}</dd>
<dt>Site</dt><dd>${escapeHtml(report.site)}</dd>
<dt>Config</dt><dd>${escapeHtml(report.config.source)}</dd>
<dt>Config revision</dt><dd>${escapeHtml(report.config.revision)}</dd>
<dt>Config hash</dt><dd>${escapeHtml(report.config.hash)}</dd>
<dt>Strict</dt><dd>${report.options.strict ? 'yes: warnings fail too' : 'no'}</dd>
<dt>Origins accepted before consent</dt><dd>${report.options.allowOrigins.length ? escapeHtml(report.options.allowOrigins.join(', ')) : 'none'}</dd>
</dl>
<p>Each page was visited three times in a fresh browser profile: before any decision, after "Reject all" and after "Accept all". Before a decision and after a refusal, anything undeclared or non-essential fails; after "Accept all", names no service declares and services never seen are warnings.</p>
<h2>Summary</h2>
<table><caption>Pages scanned</caption><thead><tr><th scope="col">Result</th><th scope="col">Page</th><th scope="col">Failures</th><th scope="col">Warnings</th></tr></thead><tbody>${summaryRows.join('')}</tbody></table>
<h2>Findings by page</h2>
${pageSections.join('\n')}
${runFindings.length ? `<h2>Findings of the whole run</h2>${findingsTable(runFindings, 'Findings of the whole run')}` : ''}
</main>
</body>
</html>
`;
}
