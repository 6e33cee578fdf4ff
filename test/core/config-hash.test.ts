import { expect } from '@open-wc/testing';
import { canonicalJson, configHash, sha256 } from '../../src/core/config-hash.js';

describe('config hash', () => {
  it('is SHA-256 as FIPS 180-4 gives it (one block, two blocks, UTF-8)', () => {
    // The examples of FIPS 180-4 (NIST's published test vectors).
    expect(sha256('abc')).to.equal('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).to.equal('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
    expect(sha256('')).to.equal('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('agrees with the browser’s own SHA-256 on texts of every length around the block edges, in any script', async () => {
    for (let length = 0; length < 200; length++) {
      const text = Array.from({ length }, (_, index) => String.fromCodePoint(32 + ((index * 7919 + length) % 3000))).join('');
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
      expect(sha256(text), `length ${length}`).to.equal(Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join(''));
    }
  });

  it('ignores key order and white space, and nothing else', () => {
    const config = JSON.parse('{ "revision": 2, "categories": [ { "id": "stats", "label": { "de": "Statistik", "en": "Statistics" } } ] }');
    const reordered = JSON.parse('{"categories":[{"label":{"en":"Statistics","de":"Statistik"},"id":"stats"}],"revision":2}');
    expect(canonicalJson(config)).to.equal('{"categories":[{"id":"stats","label":{"de":"Statistik","en":"Statistics"}}],"revision":2}');
    expect(configHash(reordered)).to.equal(configHash(config));
    expect(configHash({ ...config, revision: 3 })).not.to.equal(configHash(config));
    expect(configHash(JSON.parse(JSON.stringify(config).replace('Statistik', 'Statistiken')))).not.to.equal(configHash(config));
  });
});
