// Local stand-in for econda's emos3.js, so the demo loads nothing from econda. It sends
// what was queued before it arrived and every later emos3.send call to a local URL, which
// answers and stores nothing. Each send sets econda's session cookie emos_jcsid, and the
// visitor id emos_jcvid unless emos3.defaults say `anonymous: true` (how this stand-in
// models econda's anonymised measurement; econda's own setting is the site's to give).
(function () {
  const emos3 = window.emos3;
  const report = () => {
    const element = document.getElementById('econda-report');
    if (!element) return;
    const mode = emos3.defaults?.anonymous === true ? 'anonymised (session cookie only, no visitor id)' : 'full (with visitor id)';
    element.textContent = `econda stand-in: loaded ${window.econdaDemo.loads}×, ${window.econdaDemo.sent} page view(s) or event(s) sent; mode now ${mode}.`;
  };
  window.econdaDemo = { loads: (window.econdaDemo?.loads ?? 0) + 1, sent: 0, report };
  const send = (properties) => {
    const anonymous = emos3.defaults?.anonymous === true;
    window.econdaDemo.sent++;
    document.cookie = 'emos_jcsid=' + Math.random().toString(36).slice(2, 10) + '; path=/; SameSite=Lax';
    if (!anonymous && !/(^|; )emos_jcvid=/.test(document.cookie)) {
      document.cookie = 'emos_jcvid=' + Math.random().toString(36).slice(2, 12) + '; path=/; max-age=31536000; SameSite=Lax';
    }
    navigator.sendBeacon?.('/demo/stand-in/econda/hit', JSON.stringify({ anonymous, ...properties }));
    report();
    document.dispatchEvent(new CustomEvent('demo-stats-ran'));
  };
  const queued = emos3.stored ?? [];
  emos3.send = send;
  queued.forEach(send);
  // The adapter switches modes by changing emos3.defaults: show the mode after each decision.
  document.addEventListener('consent-change', () => queueMicrotask(report));
})();
