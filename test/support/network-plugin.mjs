/**
 * Test-runner commands that look at the browser from outside the page, through
 * puppeteer and the DevTools protocol:
 * - `network-record`: start recording every request the page (and its frames) makes;
 * - `network-requests`: the URLs recorded so far;
 * - `browser-cookies`: every cookie the browser holds, of any site, HttpOnly ones included;
 * - `cookies-disabled`: turn cookie access from script off or on, as a browser setting would.
 */
const recordings = new WeakMap();
/** One DevTools session per page, kept open: emulation settings end when their session detaches. */
const clients = new WeakMap();

export function networkPlugin() {
  return {
    name: 'network',
    async executeCommand({ command, payload, session }) {
      if (!['network-record', 'network-requests', 'browser-cookies', 'cookies-disabled'].includes(command)) return undefined;
      const page = session.browser.getPage(session.id);
      if (command === 'network-record') {
        const urls = [];
        const previous = recordings.get(page);
        if (previous) page.off('request', previous.listener);
        const listener = (request) => urls.push(request.url());
        page.on('request', listener);
        recordings.set(page, { urls, listener });
        return true;
      }
      if (command === 'network-requests') return recordings.get(page)?.urls ?? [];
      if (!clients.has(page)) clients.set(page, await page.createCDPSession());
      const client = clients.get(page);
      if (command === 'browser-cookies') {
        const { cookies } = await client.send('Network.getAllCookies');
        return cookies.map(({ name, value, domain, path, expires, sameSite, secure }) => ({ name, value, domain, path, expires, sameSite, secure }));
      }
      await client.send('Emulation.setDocumentCookieDisabled', { disabled: Boolean(payload?.disabled) });
      return true;
    },
  };
}
