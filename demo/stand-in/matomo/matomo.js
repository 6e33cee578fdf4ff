// Local stand-in for matomo.js: it follows the consent commands of the _paq queue the way
// Matomo documents them, sets a _pk_id cookie and sends a hit to matomo.php only with
// consent, and shows on the page what it received.
(function () {
  const report = document.getElementById('matomo-report');
  const calls = [];
  const state = { requireConsent: false, consent: false, url: '', site: '' };
  let heldPageView = false;
  const show = () => report && (report.textContent = `Matomo stand-in received: ${calls.join(', ')}.`);
  const hit = () => {
    document.cookie = `_pk_id.${state.site}.d3m0=${Date.now().toString(36)}; path=/; max-age=${395 * 24 * 3600}; SameSite=Lax`;
    fetch(`${state.url}?idsite=${state.site}&action_name=${encodeURIComponent(document.title)}`).catch(() => {});
  };
  const run = ([name, ...args]) => {
    calls.push(name);
    if (name === 'requireConsent') state.requireConsent = true;
    else if (name === 'setTrackerUrl') state.url = args[0];
    else if (name === 'setSiteId') state.site = args[0];
    else if (name === 'setConsentGiven') {
      state.consent = true;
      if (heldPageView) hit();
      heldPageView = false;
    } else if (name === 'forgetConsentGiven') state.consent = false;
    else if (name === 'trackPageView') (state.requireConsent && !state.consent ? (heldPageView = true) : hit());
    show();
    document.dispatchEvent(new CustomEvent('demo-stats-ran'));
  };
  (Array.isArray(window._paq) ? window._paq : []).forEach(run);
  window._paq = { push: (...commands) => commands.forEach(run) };
})();
