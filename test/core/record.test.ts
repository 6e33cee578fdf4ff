import { expect } from '@open-wc/testing';
import { maxRecordLength } from '../../src/core/config-schema.js';
import { decodeRecord, encodeRecord, newConsentId, serviceTag, type DecisionRecord } from '../../src/core/record.js';

const tags = (...ids: string[]) => ids.map(serviceTag);

const record: DecisionRecord = {
  consentId: 'aBcDeFgHi1',
  decidedAt: Date.UTC(2026, 10, 21, 12, 0, 0),
  revision: 3,
  method: 'custom',
  granted: tags('stats', 'video'),
  denied: tags('heatmap', 'social'),
};

describe('decision record', () => {
  it('survives a round trip through its cookie form, and says it was written for this place', () => {
    expect(decodeRecord(encodeRecord(record, ''), [''], record.decidedAt)).to.deep.equal({ ...record, inPlace: true });
    expect(decodeRecord(encodeRecord(record, 'example.org'), ['example.org'], record.decidedAt)).to.deep.equal({ ...record, inPlace: true });
  });

  it('tells a record written for another place (host or shared domain) from one of this place', () => {
    const hostOnly = encodeRecord(record, '');
    expect(decodeRecord(hostOnly, ['example.org', ''], record.decidedAt)).to.deep.equal({ ...record, inPlace: false });
    expect(decodeRecord(hostOnly, ['example.org'], record.decidedAt)).to.equal('is unreadable, truncated or changed');
  });

  it('stores a refusal of everything, the largest revision and the latest time', () => {
    const refusal = { ...record, method: 'reject-all' as const, granted: [], denied: tags('stats', 'heatmap', 'video', 'social') };
    expect(decodeRecord(encodeRecord(refusal, ''), [''], record.decidedAt)).to.deep.equal({ ...refusal, inPlace: true });
    const extreme = { ...record, revision: Number.MAX_SAFE_INTEGER, decidedAt: 36 ** 8 * 1000 - 1000 };
    expect(decodeRecord(encodeRecord(extreme, ''), [''], extreme.decidedAt)).to.deep.equal({ ...extreme, inPlace: true });
  });

  it('is short, needs no escaping in a cookie, and never longer than its worst case', () => {
    const value = encodeRecord(record, '');
    expect(encodeURIComponent(value)).to.equal(value);
    // 4 services: 2 + 10 + 1 + 6 (time) + 1 + 1 (revision) + 1 + 8 + 1 + 8 + 1 + check
    expect(value.length).to.be.at.most(45);
    expect(`__Host-consent=${value}`.length).to.be.at.most(maxRecordLength('consent', record.revision, 4));
  });

  it('rejects truncated, altered and foreign values', () => {
    const value = encodeRecord(record, '');
    const broken = [
      value.slice(0, value.length - 3),
      value.replace(/^2c/, '2a'),
      value.replace(/^2c/, '2x'),
      value.replace(/^2/, '1'),
      value.replace(serviceTag('stats'), serviceTag('heatmap')),
      value.toUpperCase(),
      '1.abcdefghij12.t5m0qz.3.c.stats~video.heatmap~social.1x2k9a',
      '{"granted":["stats"]}',
      '',
    ];
    for (const candidate of broken) expect(decodeRecord(candidate, [''], record.decidedAt), candidate).to.be.a('string');
  });

  it('rejects a service listed as granted and denied', () => {
    const both = encodeRecord({ ...record, denied: tags('stats') }, '');
    expect(decodeRecord(both, [''], record.decidedAt)).to.equal('grants and denies the same service');
  });

  it('rejects a decision time in the future', () => {
    expect(decodeRecord(encodeRecord(record, ''), [''], record.decidedAt - 3 * 24 * 3600 * 1000)).to.equal('was decided in the future');
  });

  it('makes a new random consent id each time', () => {
    const ids = new Set(Array.from({ length: 50 }, newConsentId));
    expect(ids.size).to.equal(50);
    for (const id of ids) expect(id).to.match(/^[0-9A-Za-z]{10}$/);
  });

  it('gives each service a 4-character tag of its id', () => {
    expect(serviceTag('youtube')).to.match(/^[0-9a-z]{4}$/);
    expect(serviceTag('youtube')).to.equal(serviceTag('youtube'));
    expect(serviceTag('youtube')).not.to.equal(serviceTag('twitter'));
  });
});
