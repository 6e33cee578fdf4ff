// The demo's "under the hood" panel: the current decision and the page's cookies,
// refreshed on every consent event. It reads only the public events.
// `?layout=box&theme=dark` in the address tries the banner's layouts and themes.
const banner = document.querySelector('consent-banner');
for (const [name, value] of new URLSearchParams(location.search)) {
  if (name === 'layout' || name === 'theme') banner.setAttribute(name, value);
}

const decisionOutput = document.getElementById('panel-decision');
const cookiesOutput = document.getElementById('panel-cookies');
const errorsOutput = document.getElementById('panel-errors');
let decision = null;

function describe() {
  if (!decision) return 'No decision stored yet.';
  return [
    `Method: ${decision.method}`,
    `Granted: ${decision.grantedServices.join(', ')}`,
    `Denied: ${decision.deniedServices.join(', ') || '–'}`,
    `Decided: ${decision.decidedAt}`,
    `Config revision: ${decision.revision}`,
    `Consent id: ${decision.consentId}`,
  ].join('\n');
}

function refresh() {
  decisionOutput.textContent = describe();
  const cookies = document.cookie.split(';').map((pair) => pair.trim()).filter(Boolean);
  cookiesOutput.textContent = cookies.length ? cookies.join('\n') : 'No cookies.';
}

document.addEventListener('consent-ready', (event) => {
  decision = event.detail.decision;
  refresh();
});
document.addEventListener('consent-change', (event) => {
  decision = event.detail;
  refresh();
});
document.addEventListener('consent-error', (event) => {
  errorsOutput.hidden = false;
  errorsOutput.textContent += `${event.detail.kind} error at ${event.detail.path}: ${event.detail.message}\n`;
});
document.addEventListener('demo-stats-ran', refresh);
refresh();
