// URLs from the config (links, privacy policies, adapter URLs) pass only as http, https
// or relative to the page. The browser's own URL parser is the judge: whatever the config
// check accepts, `new URL()` must read as http: or https:, as a click on the link would.
import { expect } from '@open-wc/testing';
import { fullConfigSchema } from '../../src/adapters/schema.js';
import { ConfigError, parseConfig } from '../../src/core/validate.js';
import { testConfig } from '../support/core.js';
import { generator } from '../support/random.mjs';

const SCHEMES = ['javascript', 'data', 'vbscript', 'file', 'blob', 'about', 'mailto', 'ftp', 'ws', 'http', 'https', 'intent', 'jar'];
const NOISE = ['\t', '\n', '\r', ' ', '\u0000', '\u0001', '\u001f', '\u000b', '\u000c', '\u00a0', '\u200b', '\ufeff', '%09', '%0a', '&#58;', '%3a', '%3A'];

/** A URL as an attacker or a typo would write it: noise before and inside the scheme, mixed case, encoded characters. */
function generateUrl(seed: number): string {
  const random = generator(seed);
  const scheme = [...random.pick(SCHEMES)].map((letter) => (random.next() < 0.3 ? letter.toUpperCase() : letter));
  for (let count = random.int(0, 2); count > 0; count--) scheme.splice(random.int(0, scheme.length), 0, random.pick(NOISE));
  const lead = random.next() < 0.4 ? Array.from({ length: random.int(1, 3) }, () => random.pick(NOISE)).join('') : '';
  const separator = random.pick([':', ':', ':', '%3a', '&colon;', '', '://', ':/']);
  const rest = random.pick(['alert(1)', '//example.org/privacy', 'text/html,<script>alert(1)</script>', '/etc/passwd', 'a@b.example', 'void(0)', '']);
  return lead + scheme.join('') + separator + rest;
}

/** Whether a config with this URL in every URL field is accepted, by the page's check and by the full one. */
function accepted(url: string): boolean[] {
  const config = testConfig({ links: { privacy: url, imprint: url } });
  config.categories[1].services[0].privacyPolicy = url;
  config.categories[1].services.push({ id: 'matomo', name: 'Matomo', adapter: { type: 'matomo', url, siteId: 1 } as { type: string } });
  return [parseConfig, (input: unknown) => parseConfig(input, fullConfigSchema())].map((parse) => {
    try {
      parse(config);
      return true;
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      return false;
    }
  });
}

const isWeb = (url: string) => ['http:', 'https:'].includes(new URL(url, location.href).protocol);

describe('URLs in the config', () => {
  it('refuses every scripting, data and file URL, however it is written', () => {
    const hostile = [
      'javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', '\tjavascript:alert(1)', '\u0001javascript:alert(1)', '\u0000javascript:alert(1)',
      'java\tscript:alert(1)', 'java\nscript:alert(1)', 'java\rscript:alert(1)', '\tjava\nscript:void(fetch(1))', 'jav\u0009ascript:alert(1)',
      'data:text/html,<script>alert(1)</script>', ' data:text/html,x', 'DATA:text/html,x', 'd\nata:text/html,x',
      'vbscript:msgbox(1)', ' vbscript:x', 'vb\tscript:x', 'file:///etc/passwd', '\u001ffile:///etc/passwd', 'FILE:///etc',
      'mailto:office@example.org', 'ftp://example.org/', 'blob:https://example.org/x', 'about:blank',
    ];
    for (const url of hostile) expect(accepted(url), JSON.stringify(url)).to.deep.equal([false, false]);
  });

  it('takes http, https and relative URLs', () => {
    for (const url of ['/privacy', 'privacy.html', '../imprint', '?page=privacy', '#privacy', '//example.org/privacy', 'https://example.org/privacy', 'HTTP://example.org/', 'java%73cript:alert(1)']) {
      expect(accepted(url), url).to.deep.equal([true, true]);
      expect(isWeb(url), url).to.be.true;
    }
  });

  it('accepts only what the browser reads as http or https: 10,000 generated URLs', function () {
    this.timeout(120_000);
    let refused = 0;
    for (let seed = 1; seed <= 10_000; seed++) {
      const url = generateUrl(seed);
      const [page, full] = accepted(url);
      expect(page, `seed ${seed}: page and full check agree on ${JSON.stringify(url)}`).to.equal(full);
      if (page) expect(isWeb(url), `seed ${seed}: ${JSON.stringify(url)} was accepted`).to.be.true;
      else refused++;
    }
    // Both sides were reached: hostile URLs refused, harmless ones (relative, http) taken.
    expect(refused, 'refused').to.be.above(1000);
    expect(10_000 - refused, 'accepted').to.be.above(1000);
  });
});
