import { expect, oneEvent } from '@open-wc/testing';
import { fullConfigSchema } from '../../src/adapters/schema.js';
import { ConfigError, parseConfig } from '../../src/core/validate.js';
import { configHash } from '../../src/core/config-hash.js';
import type { ConsentConfig } from '../../src/core/config-schema.js';
import type { ConsentErrorDetail } from '../../src/core/errors.js';
import { ConsentStore } from '../../src/core/store.js';
import { clearCookies, testConfig } from '../support/core.js';

/** Records what the page hands to navigator.sendBeacon (and sends nothing) while `run` goes on. */
async function beacons(run: () => Promise<void>): Promise<[string, unknown][]> {
  const sent: [string, unknown][] = [];
  Object.defineProperty(navigator, 'sendBeacon', { configurable: true, value: (url: string, body: string) => sent.push([url, JSON.parse(body)]) > 0 });
  try {
    await run();
  } finally {
    delete (navigator as { sendBeacon?: unknown }).sendBeacon;
  }
  return sent;
}

const withLog = (endpoint: string): ConsentConfig => ({ ...testConfig(), log: { endpoint } });

describe('consent receipts', () => {
  beforeEach(clearCookies);
  afterEach(clearCookies);

  it('a decision hands one receipt to the browser, with the config hash and the service ids', async () => {
    const config = withLog('/consent-log/receipts');
    const store = new ConsentStore();
    store.configure(config);
    const sent = await beacons(async () => {
      store.saveSelection(['stats']);
      await store.receipt;
    });
    const decision = store.decision!;
    expect(sent).to.deep.equal([
      [
        '/consent-log/receipts',
        {
          consentId: decision.consentId,
          decidedAt: Date.parse(decision.decidedAt),
          revision: config.revision,
          configHash: configHash(config),
          method: 'custom',
          granted: ['stats'],
          denied: ['heatmap', 'video', 'social'],
          lang: 'en',
          version: '0.1.0',
          path: location.pathname,
        },
      ],
    ]);
  });

  it('a config without a log sends nothing and never loads the receipt code', async () => {
    const store = new ConsentStore();
    store.configure(testConfig());
    const receipt = store.receipt;
    const sent = await beacons(async () => store.acceptAll());
    expect(sent).to.deep.equal([]);
    expect(store.receipt).to.equal(receipt);
  });

  for (const endpoint of ['http://elsewhere.test/consent-log', '//elsewhere.test/consent-log', 'javascript:alert(1)', 'consent-log']) {
    it(`refuses the endpoint ${endpoint}, says so, and sends nothing`, async () => {
      const store = new ConsentStore();
      store.configure(withLog(endpoint));
      const error = oneEvent(document, 'consent-error');
      const sent = await beacons(async () => {
        store.rejectAll();
        await store.receipt;
      });
      expect(sent).to.deep.equal([]);
      const { detail } = (await error) as CustomEvent<ConsentErrorDetail>;
      expect(detail.kind).to.equal('log');
      expect(detail.path).to.equal('$.log.endpoint');
      expect(detail.message).to.include(`was not sent to "${endpoint}"`);
    });
  }

  it('the check (full schema) takes a path on the site or an https: URL, and refuses anything else at $.log.endpoint', () => {
    for (const endpoint of ['/consent-log/receipts', 'https://log.example.org/receipts']) expect(parseConfig(withLog(endpoint), fullConfigSchema()).log).to.deep.equal({ endpoint });
    for (const endpoint of ['http://elsewhere.test/consent-log', '//elsewhere.test/consent-log', 'consent-log']) {
      try {
        parseConfig(withLog(endpoint), fullConfigSchema());
        expect.fail(`${endpoint} passed`);
      } catch (error) {
        expect((error as ConfigError).problems, endpoint).to.deep.equal([{ path: '$.log.endpoint', message: 'must be a path on this site ("/consent-log") or an https: URL' }]);
      }
    }
  });
});
