// Local stand-in for an analytics script: it sets a `_stat` cookie and says on the page
// that it ran, so the demo shows exactly when the gate lets statistics through.
document.cookie = `_stat=${Date.now().toString(36)}; path=/; max-age=${30 * 24 * 3600}; SameSite=Lax`;
const report = document.getElementById('stats-report');
if (report) report.textContent = `Statistics stand-in ran at ${new Date().toLocaleTimeString()} and set the _stat cookie.`;
document.dispatchEvent(new CustomEvent('demo-stats-ran'));
