// The summary for people on stdout: a line per page, then the failures by page and phase,
// then the warnings, then the total.
import { describeItem, PHASE_TITLES } from './report.mjs';
import { PHASES } from './visit.mjs';

/** @param {import('./report.mjs').ScanReport} report */
export function textReport(report) {
  const lines = [`consent-banner-scan ${report.tool.version}: ${report.pages.length} page(s) of ${report.site} against config revision ${report.config.revision} (${report.config.source}, hash ${report.config.hash.slice(0, 12)}…)`, ''];
  for (const page of report.pages) lines.push(`${page.ok ? '✓' : '✗'} ${page.url}  ${page.failures} failure(s), ${page.warnings} warning(s)`);
  const section = (title, severity) => {
    const chosen = report.findings.filter((finding) => finding.severity === severity);
    if (!chosen.length) return;
    lines.push('', `${title}:`);
    for (const page of [...report.pages.map((summary) => summary.url), null]) {
      const ofPage = chosen.filter((finding) => finding.page === page);
      if (!ofPage.length) continue;
      lines.push(`  ${page ?? 'whole run'}`);
      for (const phase of PHASES) {
        const ofPhase = ofPage.filter((finding) => finding.phase === phase);
        if (!ofPhase.length) continue;
        lines.push(`    ${PHASE_TITLES[phase]}:`);
        for (const finding of ofPhase) lines.push(`      ${severity === 'fail' ? '✗' : '!'} ${finding.kind} ${describeItem(finding)}: ${finding.why}`);
      }
    }
  };
  section('Failures', 'fail');
  section('Warnings', 'warn');
  const { totals } = report;
  lines.push('', `Total: ${totals.pages} page(s), ${totals.failedPages} with failures; ${totals.failures} failure(s), ${totals.warnings} warning(s): ${totals.passed ? 'passed' : 'FAILED'}`);
  return `${lines.join('\n')}\n`;
}
