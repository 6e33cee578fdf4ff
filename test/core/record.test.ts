import { expect } from '@open-wc/testing';
import { decodeRecord, encodeRecord, newConsentId, type DecisionRecord } from '../../src/core/record.js';

const record: DecisionRecord = {
  consentId: 'abcdefghij12',
  decidedAt: Date.UTC(2026, 10, 21, 12, 0, 0),
  revision: 3,
  method: 'custom',
  granted: ['stats', 'video'],
  denied: ['heatmap', 'social'],
};

describe('decision record', () => {
  it('survives a round trip through its cookie form', () => {
    expect(decodeRecord(encodeRecord(record), record.decidedAt)).to.deep.equal(record);
  });

  it('stores a refusal of everything', () => {
    const refusal = { ...record, method: 'reject-all' as const, granted: [], denied: ['stats', 'heatmap', 'video', 'social'] };
    expect(decodeRecord(encodeRecord(refusal), record.decidedAt)).to.deep.equal(refusal);
  });

  it('is short and needs no escaping in a cookie', () => {
    const value = encodeRecord(record);
    expect(value.length).to.be.below(90);
    expect(encodeURIComponent(value)).to.equal(value);
  });

  it('rejects truncated, altered and foreign values', () => {
    const value = encodeRecord(record);
    const broken = [
      value.slice(0, value.length - 12),
      value.slice(0, value.indexOf('.social') + 2) + value.slice(value.lastIndexOf('.')),
      value.replace('stats~video', 'video~stats'),
      value.replace('.c.', '.x.'),
      value.replace(/^1\./, '2.'),
      value.replace('stats', 'Stats'),
      '{"granted":["stats"]}',
      '',
    ];
    for (const candidate of broken) expect(decodeRecord(candidate, record.decidedAt), candidate).to.be.a('string');
  });

  it('rejects a service listed as granted and denied', () => {
    const both = encodeRecord({ ...record, denied: ['stats'] });
    expect(decodeRecord(both, record.decidedAt)).to.equal('grants and denies the same service');
    expect(decodeRecord(encodeRecord(record).replace(/\.[a-z0-9]+$/, '.0'), record.decidedAt)).to.equal('is truncated or changed (check value)');
  });

  it('rejects a decision time in the future', () => {
    expect(decodeRecord(encodeRecord(record), record.decidedAt - 3 * 24 * 3600 * 1000)).to.equal('was decided in the future');
  });

  it('makes a new random consent id each time', () => {
    const ids = new Set(Array.from({ length: 50 }, newConsentId));
    expect(ids.size).to.equal(50);
    for (const id of ids) expect(id).to.match(/^[a-z0-9]{12}$/);
  });
});
