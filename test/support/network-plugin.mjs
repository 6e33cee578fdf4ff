/**
 * Test-runner commands that look at the browser from outside the page, through
 * puppeteer and the DevTools protocol:
 * - `network-record`: start recording every request the page (and its frames) makes;
 *   requests to other machines are answered here with a small stand-in, so tests that
 *   load a provider (after consent) stay offline and behave as with a live provider;
 * - `network-requests`: the URLs recorded so far;
 * - `browser-cookies`: every cookie the browser holds, of any site, HttpOnly ones included;
 * - `cookies-disabled`: turn cookie access from script off or on, as a browser setting would.
 */
const recordings = new WeakMap();
/** One DevTools session per page, kept open: emulation settings end when their session detaches. */
const clients = new WeakMap();

/** What a provider would send, reduced to a harmless minimum. */
function standIn(request) {
  const type = request.resourceType();
  if (type === 'document') return { status: 200, contentType: 'text/html', body: `<!doctype html><title>Stand-in</title><p>Stand-in for ${new URL(request.url()).hostname}</p>` };
  if (type === 'script') return { status: 200, contentType: 'text/javascript', body: '' };
  return { status: 204, body: '' };
}

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
        else await page.setRequestInterception(true);
        const listener = (request) => {
          urls.push(request.url());
          if (request.isInterceptResolutionHandled()) return;
          const { hostname, protocol } = new URL(request.url());
          if (!protocol.startsWith('http') || ['localhost', '127.0.0.1'].includes(hostname)) request.continue();
          else request.respond(standIn(request));
        };
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
