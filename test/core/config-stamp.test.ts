import { expect } from '@open-wc/testing';
import { configStamp, isStamped } from '../../src/core/config-stamp.js';

// The hashes below were worked out apart from this code (FNV-1a over the UTF-16 code units
// of the JSON text, in base 36), so a change to how the stamp is made fails here: every
// stamped config of every site would go stale with it.
describe('config stamp', () => {
  it('is the epoch and the FNV-1a hash of the JSON text, without the stamp itself', () => {
    expect(configStamp({})).to.equal('1.nf0rvp');
    expect(configStamp({ revision: 1 })).to.equal('1.1yx06hv');
    expect(configStamp({ checked: '1.whatever', revision: 1 })).to.equal('1.1yx06hv');
    expect(configStamp({ revision: 1, cookie: { name: 'é' } })).to.equal('1.ysok41');
  });

  it('fits only the very content it was made for: key order, a space in a text, an added key', () => {
    const config = { revision: 1, checked: '1.1yx06hv' };
    expect(isStamped(config)).to.be.true;
    expect(isStamped({ checked: '1.1yx06hv', revision: 1 }), 'key order does not count for the stamp member').to.be.true;
    expect(isStamped({ ...config, revision: 2 })).to.be.false;
    expect(isStamped({ ...config, languages: ['en'] })).to.be.false;
    expect(isStamped({ revision: 1 }), 'no stamp').to.be.false;
    expect(isStamped({ revision: 1, checked: '2.1yx06hv' }), 'another epoch').to.be.false;
    for (const input of [null, 'text', 1, []]) expect(isStamped(input)).to.be.false;
  });
});
