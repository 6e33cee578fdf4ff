// Every config the schema accepts can store a decision: for generated configs of every
// shape the schema allows (odd cookie names, the largest revisions, as many services with
// ids as long as the schema lets the record hold), a decision is taken, the page is
// "reloaded" (a new store reads the browser's cookie jar against the same config) and it
// finds the same decision, with nothing to ask. Configs come from a seeded generator, so
// a failure names a seed that reproduces it.
import { expect } from '@open-wc/testing';
import { ConfigError, parseConfig } from '../../src/core/validate.js';
import { MAX_RECORD_LENGTH, type ConsentConfig } from '../../src/core/config-schema.js';
import { ConsentStore } from '../../src/core/store.js';
import { clearCookies, collectEvents } from '../support/core.js';
import { generator } from '../support/random.mjs';

const ID_START = 'abcdefghijklmnopqrstuvwxyz0123456789';
const ID_REST = `${ID_START}_-`;
const TOKEN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
/** Names that once failed: object keys of a plain object, and long ones. */
const COOKIE_NAMES = ['constructor', '__proto__', 'valueOf', 'toString', 'hasOwnProperty', 'consent', 'c', 'x'.repeat(64)];

function generateConfig(seed: number): unknown {
  const random = generator(seed);
  let serial = 0;
  // Ids as long as allowed, made unique by a serial number at the end.
  const id = () => {
    const suffix = `-${serial++}`;
    return random.pick([...ID_START]) + random.text(ID_REST, 0, 39 - suffix.length) + suffix;
  };
  const revision = random.pick([0, 1, random.int(2, 1000), 1_000_000_000, random.int(0, Number.MAX_SAFE_INTEGER), Number.MAX_SAFE_INTEGER]);
  const cookieName = random.next() < 0.5 ? random.pick(COOKIE_NAMES) : random.text(TOKEN, 1, 64);
  // Around the most optional services the record can hold: some configs just fit, some (refused) do not.
  const most = Math.floor((MAX_RECORD_LENGTH - 38 - cookieName.length - revision.toString(36).length) / 4);
  const optionalServices = random.pick([1, random.int(1, 12), random.int(1, most), most, most + 1]);
  const categories: unknown[] = [{ id: id(), required: true, label: 'Necessary', services: [{ id: id(), name: 'Session' }] }];
  for (let left = optionalServices; left > 0; ) {
    const count = Math.min(left, random.int(1, 60));
    left -= count;
    categories.push({ id: id(), label: { en: 'Optional', de: 'Optional' }, services: Array.from({ length: count }, () => ({ id: id(), name: 'Service', cookies: [{ name: `${random.text(TOKEN, 1, 10)}*`, expires: '1 day' }] })) });
  }
  const cookie: Record<string, unknown> = { name: cookieName };
  if (random.next() < 0.5) cookie.expiresDays = random.int(1, 395);
  return { revision, cookie, links: { privacy: '/privacy' }, categories };
}

/** Takes a random decision of every kind the visitor has. */
function decide(store: ConsentStore, config: ConsentConfig, seed: number): void {
  const random = generator(seed ^ 0x5eed);
  const optional = config.categories.filter((category) => !category.required).flatMap((category) => category.services.map((service) => service.id));
  const kind = random.int(0, 3);
  if (kind === 0) store.acceptAll();
  else if (kind === 1) store.rejectAll();
  else if (kind === 2) store.saveSelection(optional.filter(() => random.next() < 0.5));
  else store.grantService(random.pick(optional));
}

describe('every valid config stores a decision', () => {
  afterEach(clearCookies);

  it('decide, reload, the same decision and nothing to ask: 1,000 generated valid configs', function () {
    // Thousands of cookie writes: more than the usual test needs on a busy machine.
    this.timeout(120_000);
    const errors = collectEvents('consent-error');
    let valid = 0;
    let refused = 0;
    let longest = 0;
    try {
      for (let seed = 1; valid < 1000; seed++) {
        let config: ConsentConfig;
        try {
          config = parseConfig(generateConfig(seed));
        } catch (error) {
          if (!(error instanceof ConfigError)) throw error;
          refused++;
          continue;
        }
        valid++;
        clearCookies();
        const page = new ConsentStore();
        page.configure(config);
        decide(page, config, seed);
        const record = document.cookie.split('; ').find((pair) => pair.startsWith(`${config.cookie!.name}=`));
        expect(record, `seed ${seed}: the record was stored`).to.be.a('string');
        longest = Math.max(longest, record!.length);
        const reloaded = new ConsentStore();
        reloaded.configure(config);
        expect(reloaded.decision, `seed ${seed}`).to.deep.equal(page.decision);
        expect(reloaded.needsDecision, `seed ${seed}`).to.equal(page.needsDecision);
        if (page.decision!.method !== 'placeholder') expect(reloaded.needsDecision, `seed ${seed}: no dialog after a full decision`).to.be.false;
        expect(errors.events, `seed ${seed}`).to.deep.equal([]);
      }
    } finally {
      errors.stop();
    }
    // The generator reached the limit from both sides: configs near it stored, those past it were refused.
    expect(refused, 'configs past the size limit were generated and refused').to.be.above(50);
    expect(longest, 'records near the limit were stored').to.be.above(MAX_RECORD_LENGTH - 7 - 40);
    expect(longest).to.be.at.most(MAX_RECORD_LENGTH - '__Host-'.length);
  });
});
