import { expect } from '@open-wc/testing';
import { ConfigError, parseConfig } from '../../src/core/config.js';
import { lintConfig } from '../../src/check/lint.js';
import { AdapterSchema } from '../../src/adapters/schema.js';
import { configSchema } from '../../src/core/config-schema.js';
import { testConfig } from '../support/core.js';

/** The problems parseConfig reports for the input, as "path: message" lines. */
function problemsOf(input: unknown): string[] {
  try {
    parseConfig(input);
  } catch (error) {
    expect(error).to.be.instanceOf(ConfigError);
    return (error as ConfigError).problems.map((problem) => `${problem.path}: ${problem.message}`);
  }
  throw new Error('the config was accepted');
}

const mutate = (change: (config: any) => void) => {
  const config = structuredClone(testConfig()) as any;
  change(config);
  return config;
};

describe('config validation', () => {
  it('accepts a complete config, as an object and as JSON text', () => {
    const config = testConfig();
    expect(parseConfig(config)).to.deep.equal(config);
    expect(parseConfig(JSON.stringify(config))).to.deep.equal(config);
  });

  it('reports text that is not JSON', () => {
    const [problem] = problemsOf('{"revision": 1,');
    expect(problem).to.match(/^\$: is not valid JSON/);
  });

  it('names the path of a duplicate id and where it was first used', () => {
    const problems = problemsOf(mutate((config) => (config.categories[2].services[1].id = 'stats')));
    expect(problems).to.deep.equal(['$.categories[2].services[1].id: duplicate id "stats" (already used at $.categories[1].services[0].id)']);
  });

  it('treats a service id equal to a category id as a duplicate', () => {
    expect(problemsOf(mutate((config) => (config.categories[2].services[0].id = 'statistics')))[0]).to.match(/^\$\.categories\[2\]\.services\[0\]\.id: duplicate id "statistics"/);
  });

  it('requires every listed language in every text map', () => {
    const problems = problemsOf(
      mutate((config) => {
        config.languages = ['en', 'de'];
        config.categories[0].services[0].purpose = { en: 'Keeps your session.' };
      }),
    );
    expect(problems).to.deep.equal(['$.categories[0].services[0].purpose: missing the "de" text (listed in "languages")']);
  });

  it('accepts a plain string text for all listed languages', () => {
    expect(() => parseConfig(mutate((config) => (config.languages = ['en', 'de'])))).not.to.throw();
  });

  it('caps expiresDays at 395 days (13 months)', () => {
    expect(problemsOf(mutate((config) => (config.cookie = { expiresDays: 400 })))).to.deep.equal(['$.cookie.expiresDays: must be at most 395 (13 months)']);
    expect(() => parseConfig(mutate((config) => (config.cookie = { expiresDays: 395 })))).not.to.throw();
  });

  it('rejects a cookie pattern that is no regular expression', () => {
    expect(problemsOf(mutate((config) => (config.categories[1].services[0].cookies[1].pattern = '^_sx_(')))).to.deep.equal([
      '$.categories[1].services[0].cookies[1].pattern: is not a valid regular expression',
    ]);
  });

  it('wants exactly one of name and pattern for a cookie', () => {
    expect(problemsOf(mutate((config) => (config.categories[1].services[0].cookies[0].pattern = '^_st'))))
      .to.deep.equal(['$.categories[1].services[0].cookies[0]: needs exactly one of "name" or "pattern"']);
  });

  it('names a misspelt property', () => {
    expect(problemsOf(mutate((config) => (config.categories[1].services[0].privacypolicy = '/p')))).to.deep.equal([
      '$.categories[1].services[0].privacypolicy: unknown property "privacypolicy"',
    ]);
  });

  it('names a missing required field and a wrong type', () => {
    const problems = problemsOf(
      mutate((config) => {
        delete config.revision;
        config.categories[0].required = 'yes';
      }),
    );
    expect(problems).to.have.members(['$.revision: is required', '$.categories[0].required: must be boolean, not "yes"']);
  });

  it('refuses javascript: links and bad ids', () => {
    const problems = problemsOf(
      mutate((config) => {
        config.links.privacy = 'javascript:alert(1)';
        config.categories[2].id = 'Media Stuff';
      }),
    );
    expect(problems).to.have.members([
      '$.links.privacy: must be a relative URL or start with https:, http: or mailto:',
      '$.categories[2].id: must be 1 to 40 lower-case letters, digits, "-" or "_", starting with a letter or digit',
    ]);
  });

  it('wants at least one service in a category', () => {
    expect(problemsOf(mutate((config) => (config.categories[2].services = []))))
      .to.deep.equal(['$.categories[2].services: needs at least one service']);
  });

  it('checks text overrides against the known keys', () => {
    expect(problemsOf(mutate((config) => (config.texts = { en: { acceptAll: 'Yes to all', acceptEverything: 'x' } }))))
      .to.deep.equal(['$.texts.en.acceptEverything: unknown property "acceptEverything"']);
  });
});

describe('config lint', () => {
  const necessaryWith = (service: Record<string, unknown>) =>
    mutate((config) => config.categories[0].services.push({ id: 'extra', name: 'Extra', ...service }));

  it('warns about statistics cookies in the necessary category, naming the path', () => {
    expect(lintConfig(parseConfig(necessaryWith({ cookies: [{ pattern: '^emos_', expires: '30 days' }] })))).to.deep.equal([
      { path: '$.categories[0].services[1]', message: '"extra" looks like statistics or media (the cookie "^emos_") but is required; move it or give a "necessaryJustification"' },
    ]);
    expect(lintConfig(parseConfig(necessaryWith({ cookies: [{ name: '_ga', expires: '2 years' }] })))).to.have.length(1);
  });

  it("recognises each adapter vendor's cookies, as the adapter deletes them, by name or by pattern", () => {
    for (const cookie of [{ name: '_pk_id.1.abc' }, { name: 'mtm_consent' }, { pattern: '^(_pk_|mtm_)' }, { name: 'emos_jcvid' }, { name: '_gid' }, { pattern: '^_gcl_au' }]) {
      const warnings = lintConfig(parseConfig(necessaryWith({ cookies: [{ ...cookie, expires: '1 year' }] })));
      expect(warnings, JSON.stringify(cookie)).to.have.length(1);
    }
    expect(lintConfig(parseConfig(necessaryWith({ cookies: [{ name: 'pk_session', expires: 'session' }, { pattern: '^cms_', expires: 'session' }] })))).to.deep.equal([]);
  });

  it('warns about an analytics adapter in the necessary category', () => {
    const warnings = lintConfig(parseConfig(necessaryWith({ adapter: { type: 'matomo', url: '/m/', siteId: 1 } })));
    expect(warnings.map((warning) => warning.message)).to.deep.equal(['"extra" looks like statistics or media (the matomo adapter) but is required; move it or give a "necessaryJustification"']);
  });

  it('accepts a written justification, and says nothing about session cookies or optional categories', () => {
    expect(lintConfig(parseConfig(necessaryWith({ cookies: [{ name: '_pk_id', expires: '13 months' }], necessaryJustification: 'Agreed with the data protection officer on 1 March.' })))).to.deep.equal([]);
    expect(lintConfig(parseConfig(testConfig()))).to.deep.equal([]);
    expect(lintConfig(parseConfig(mutate((config) => config.categories[1].services[0].cookies.push({ name: '_ga', expires: '2 years' }))))).to.deep.equal([]);
  });
});

describe('adapter settings in the full schema', () => {
  const full = configSchema(AdapterSchema);
  const withAdapter = (adapter: Record<string, unknown>) => mutate((config) => (config.categories[1].services[0].adapter = adapter));

  it('accepts each adapter with its settings', () => {
    for (const adapter of [
      { type: 'matomo', url: '/matomo/', siteId: '3', mode: 'cookieless' },
      { type: 'econda', src: '/emos3.js', settings: { siteid: 'x' } },
      { type: 'gtag', id: 'G-ABC123', grants: ['analytics_storage'] },
      { type: 'plausible', domain: 'example.org', beforeConsent: true },
    ]) expect(() => parseConfig(withAdapter(adapter), full), adapter.type).not.to.throw();
  });

  it('names the path of a wrong adapter setting', () => {
    expect(problemsOf2(withAdapter({ type: 'gtag', id: 'UA 1' }))).to.deep.equal(['$.categories[1].services[0].adapter.id: must be a Google tag id such as "G-ABC123"']);
    expect(problemsOf2(withAdapter({ type: 'matomo', url: '/m/', siteId: 1, mode: 'cookiefree' }))).to.deep.equal(['$.categories[1].services[0].adapter.mode: must be "consent" or "cookieless"']);
  });

  function problemsOf2(input: unknown): string[] {
    try {
      parseConfig(input, full);
    } catch (error) {
      return (error as ConfigError).problems.map((problem) => `${problem.path}: ${problem.message}`);
    }
    throw new Error('the config was accepted');
  }
});
