// The floor of the benchmark: the least a consent script loaded from a file can do, with
// nothing of what makes a consent tool (no config, no categories, no settings, no styles,
// no language, no record beyond one flag). It reads one cookie; with consent it runs the
// gated script at once, without it shows a modal dialog with the same words and buttons as
// the other pages, and "Accept all" stores the flag and runs the script. Every consent
// library does at least this, so no library can beat its times by much: ratios against
// vanilla-cookieconsent that lie below this one's are out of reach for any of them.
(() => {
  const run = () =>
    document.querySelectorAll('script[type="text/plain"][data-consent]').forEach((blocked) => {
      const script = document.createElement('script');
      script.src = blocked.src;
      blocked.replaceWith(script);
    });
  if (/(^|; )floor=1/.test(document.cookie)) return run();
  const dialog = document.createElement('dialog');
  dialog.className = 'floor';
  dialog.innerHTML =
    '<h2>Your privacy choices</h2><p>With your consent we also use optional services for: Statistics. The site works without them. You can change your choice at any time under "Cookie settings" at the foot of every page.</p>' +
    '<p><a href="/privacy">Privacy policy</a> <a href="/imprint">Imprint</a></p><button value="1">Accept all</button> <button value="0">Reject all</button> <button>Settings</button>';
  dialog.addEventListener('click', ({ target }) => {
    if (!target.value) return;
    document.cookie = `floor=${target.value}; path=/; max-age=15552000; samesite=lax`;
    dialog.close();
    if (target.value === '1') run();
  });
  document.body.append(dialog);
  dialog.showModal();
})();
