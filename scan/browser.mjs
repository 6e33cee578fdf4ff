// Starts the headless Chromium the scan visits pages in. puppeteer-core is an optional peer
// dependency of the banner (theme developers never need it), so its absence is a clear
// message, not a stack trace. No browser is ever downloaded: Debian's Chromium, or CHROME_PATH.

/** The flags every run uses: no background traffic of the browser's own to mix into the record. */
export const CHROME_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export class MissingBrowserError extends Error {
  name = 'MissingBrowserError';
}

/**
 * @param {string[]} extraArgs --browser-arg flags
 * @returns {Promise<import('puppeteer-core').Browser>}
 */
export async function launchBrowser(extraArgs = []) {
  let puppeteer;
  try {
    ({ default: puppeteer } = await import('puppeteer-core'));
  } catch (error) {
    if (error.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new MissingBrowserError('the site scan needs puppeteer-core, an optional peer dependency: install it next to consent-banner (npm install --save-dev puppeteer-core) and have Chromium at /usr/bin/chromium or in CHROME_PATH');
  }
  const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
  try {
    return await puppeteer.launch({ executablePath, headless: true, args: [...CHROME_ARGS, ...extraArgs] });
  } catch (error) {
    throw new MissingBrowserError(`cannot start Chromium at ${executablePath} (set CHROME_PATH to another one): ${error.message.split('\n')[0]}`);
  }
}
