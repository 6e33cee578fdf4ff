import { expect } from '@open-wc/testing';
import { ConfigError, parseConfig } from '../../src/core/validate.js';
import { VENDOR_COOKIES } from '../../src/adapters/shared.js';
import { lintConfig } from '../../src/check/lint.js';
import { TRACKING_COOKIES } from '../../src/core/necessary.js';
import { fullConfigSchema } from '../../src/adapters/schema.js';
import { serviceTag } from '../../src/core/record.js';
import { testConfig } from '../support/core.js';

/** The problems parseConfig reports for the input (with the page's schema, or `schema`), as "path: message" lines. */
function problemsOf(input: unknown, schema?: Parameters<typeof parseConfig>[1]): string[] {
  try {
    parseConfig(input, schema);
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

  it('requires every listed language in every text map (the full schema; the page falls back to English)', () => {
    const config = mutate((config) => {
      config.languages = ['en', 'de'];
      config.categories[0].services[0].purpose = { en: 'Keeps your session.' };
    });
    expect(problemsOf(config, fullConfigSchema())).to.deep.equal(['$.categories[0].services[0].purpose: missing the "de" text (listed in "languages")']);
    expect(() => parseConfig(config)).not.to.throw();
  });

  it('accepts a plain string text for all listed languages', () => {
    expect(() => parseConfig(mutate((config) => (config.languages = ['en', 'de'])))).not.to.throw();
  });

  it('caps expiresDays at 395 days (13 months)', () => {
    expect(problemsOf(mutate((config) => (config.cookie = { expiresDays: 400 })))).to.deep.equal(['$.cookie.expiresDays: must be at most 395 (13 months)']);
    expect(() => parseConfig(mutate((config) => (config.cookie = { expiresDays: 395 })))).not.to.throw();
  });

  it('rejects a v1 pattern that says more than a wildcard name can, so no pattern ever runs as a regular expression', () => {
    for (const pattern of ['^_sx_(', '^(a+)+$', '^(_pk_|mtm_)', '^_ga.', '\\d+', '^x\\*', '^', '.*']) {
      expect(problemsOf(mutate((config) => (config.categories[1].services[0].cookies[1].pattern = pattern))), pattern).to.deep.equal([
        '$.categories[1].services[0].cookies[1].pattern: must be a prefix, suffix or whole name; write a wildcard "name" such as "_pk_id.*"',
      ]);
    }
  });

  it('takes wildcard cookie names, but not one that is only "*"', () => {
    expect(() => parseConfig(mutate((config) => (config.categories[1].services[0].cookies[1] = { name: '_pk_id.*', expires: '13 months' })))).not.to.throw();
    expect(problemsOf(mutate((config) => (config.categories[1].services[0].cookies[1] = { name: '**', expires: '1 day' })))).to.deep.equal([
      '$.categories[1].services[0].cookies[1].name: must hold more than "*" (that would be every cookie)',
    ]);
  });

  it('takes a revision only as far as a JSON number reads back exactly', () => {
    expect(() => parseConfig(mutate((config) => (config.revision = 1_000_000_000)))).not.to.throw();
    expect(() => parseConfig(mutate((config) => (config.revision = Number.MAX_SAFE_INTEGER)))).not.to.throw();
    expect(problemsOf(mutate((config) => (config.revision = Number.MAX_SAFE_INTEGER + 1)))).to.deep.equal(['$.revision: must be at most 9007199254740991']);
    expect(problemsOf(mutate((config) => (config.revision = 1.5)))).to.deep.equal(['$.revision: must be a whole number']);
  });

  it('takes a cookie name only as a plain token without a prefix of its own', () => {
    for (const name of ['constructor', '__proto__', 'valueOf', 'consent-v2', 'x']) expect(() => parseConfig(mutate((config) => (config.cookie = { name }))), name).not.to.throw();
    for (const name of ['__Host-consent', '__secure-consent', '__HOST-x', '__Http-x', 'my consent', 'a;b', '', 'x'.repeat(65)]) {
      expect(problemsOf(mutate((config) => (config.cookie = { name }))), name).to.deep.equal(['$.cookie.name: must be 1 to 64 letters, digits, "-" or "_", not starting like a cookie prefix ("__Host-")']);
    }
  });

  it('refuses two optional services that the consent cookie would store under one tag', () => {
    const seen = new Map<string, string>();
    let pair: [string, string] | undefined;
    for (let index = 0; !pair; index++) {
      const id = `service-${index}`;
      const other = seen.get(serviceTag(id));
      if (other) pair = [other, id];
      seen.set(serviceTag(id), id);
    }
    const config = mutate((config) => config.categories[2].services.push({ id: pair![0], name: 'One' }, { id: pair![1], name: 'Two' }));
    expect(problemsOf(config)).to.deep.equal([`$.categories[2].services[3].id: shares its tag in the consent cookie with "${pair[0]}"; rename one`]);
    // Necessary services are never stored, so they may share a tag.
    expect(() => parseConfig(mutate((config) => config.categories[0].services.push({ id: pair![0], name: 'One' }, { id: pair![1], name: 'Two' })))).not.to.throw();
  });

  it('refuses a config whose consent cookie could grow past 1024 bytes, naming the size', () => {
    const withServices = (count: number) =>
      mutate((config) => (config.categories[2].services = Array.from({ length: count }, (_, index) => ({ id: `service-with-a-long-id-of-forty-chars-${String(index).padStart(3, '0')}`.slice(-40), name: `Service ${index}` }))));
    // "__Host-consent=" (15) + "2a", id, time, revision "1", dots and check (31) + 4 per optional service (2 more in the config).
    expect(() => parseConfig(withServices(242))).not.to.throw();
    expect(problemsOf(withServices(243))).to.deep.equal(['$.categories: make a consent cookie of up to 1026 bytes; at most 1024: use fewer optional services']);
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
      '$.links.privacy: must be http:, https: or relative to the page',
      '$.categories[2].id: must be 1 to 40 lower-case letters, digits, "-" or "_", starting with a letter or digit',
    ]);
  });

  it('wants at least one service in a category', () => {
    expect(problemsOf(mutate((config) => (config.categories[2].services = []))))
      .to.deep.equal(['$.categories[2].services: needs at least one service']);
  });

  it('checks text overrides against the known keys (the full schema; the page ignores an unknown one)', () => {
    const config = mutate((config) => (config.texts = { en: { acceptAll: 'Yes to all', acceptEverything: 'x' } }));
    expect(problemsOf(config, fullConfigSchema())).to.deep.equal(['$.texts.en.acceptEverything: unknown property "acceptEverything"']);
    expect(() => parseConfig(config)).not.to.throw();
    expect(problemsOf(mutate((config) => (config.texts = { en: { acceptAll: '' } })))).to.deep.equal(['$.texts.en.acceptAll: must not be empty']);
  });
});

describe('config lint', () => {
  /** The lint without its notes on optional services that lack a provider, purpose or privacy policy (tested on their own below). */
  const lint = (config: Parameters<typeof lintConfig>[0]) => lintConfig(config).filter((warning) => !warning.message.includes('needs consent but has no'));
  const necessaryWith = (service: Record<string, unknown>) =>
    mutate((config) => config.categories[0].services.push({ id: 'extra', name: 'Extra', ...service }));

  it('warns about statistics cookies in the necessary category, naming the path', () => {
    expect(lint(parseConfig(necessaryWith({ cookies: [{ name: 'emos_*', expires: '30 days' }] }))).filter((warning) => !warning.path.endsWith('.pattern'))).to.deep.equal([
      { path: '$.categories[0].services[1]', message: '"extra" looks like statistics or media (the cookie "emos_*") but is required without a "necessaryJustification"; it waits for consent' },
    ]);
    expect(lint(parseConfig(necessaryWith({ cookies: [{ name: '_ga', expires: '2 years' }] }))).filter((warning) => warning.message.includes('looks like'))).to.have.length(1);
  });

  it("recognises each adapter vendor's cookies, as the adapter deletes them, by name or by pattern", () => {
    for (const cookie of [{ name: '_pk_id.1.abc' }, { name: 'mtm_consent' }, { name: '_pk_*' }, { name: 'emos_jcvid' }, { name: '_gid' }, { pattern: '^_gcl_au' }]) {
      const warnings = lint(parseConfig(necessaryWith({ cookies: [{ ...cookie, expires: '1 year' }] }))).filter((warning) => warning.message.includes('looks like'));
      expect(warnings, JSON.stringify(cookie)).to.have.length(1);
    }
    expect(lint(parseConfig(necessaryWith({ cookies: [{ name: 'pk_session', expires: 'session' }, { name: 'cms_*', expires: 'session' }] }))).filter((warning) => warning.message.includes('looks like'))).to.deep.equal([]);
  });

  it('asks for the provider, purpose and privacy policy of every service that needs consent', () => {
    const warnings = lintConfig(parseConfig(testConfig())).filter((warning) => warning.message.includes('needs consent'));
    expect(warnings).to.deep.equal([
      { path: '$.categories[1].services[1]', message: '"heatmap" needs consent but has no "provider", "purpose" or "privacyPolicy": visitors should learn who receives their data, what for, and where to read more' },
      { path: '$.categories[2].services[1]', message: '"social" needs consent but has no "purpose" or "privacyPolicy": visitors should learn who receives their data, what for, and where to read more' },
    ]);
    // A required service the page treats as optional needs them too; a necessary one does not.
    const config = testConfig();
    config.categories[0].services.push({ id: 'counter', name: 'Counter', cookies: [{ name: '_pk_id.*', expires: '13 months' }] });
    expect(lintConfig(parseConfig(config)).map((warning) => warning.path)).to.include('$.categories[0].services[1]').and.not.include('$.categories[0].services[0]');
  });

  it('knows every cookie an adapter deletes on withdrawal as a tracker', () => {
    // econda's adapter deletes every emos_ cookie (econda.ts).
    for (const name of [...Object.values(VENDOR_COOKIES).flat(), 'emos_*']) expect(TRACKING_COOKIES, name).to.include(name);
  });

  it('suggests the wildcard name for each v1 pattern', () => {
    const config = parseConfig(mutate((config) => (config.categories[1].services[0].cookies = [{ pattern: '^_pk_id\\.', expires: '13 months' }, { pattern: '_ga$', expires: '2 years' }])));
    expect(lint(config)).to.deep.equal([
      { path: '$.categories[1].services[0].cookies[0].pattern', message: 'write it as "name": "_pk_id.*" (a wildcard name, shown to visitors as written)' },
      { path: '$.categories[1].services[0].cookies[1].pattern', message: 'write it as "name": "*_ga" (a wildcard name, shown to visitors as written)' },
    ]);
  });

  it('warns about an analytics adapter in the necessary category', () => {
    const warnings = lint(parseConfig(necessaryWith({ adapter: { type: 'matomo', url: '/m/', siteId: 1 } }))).filter((warning) => !warning.path.endsWith('.pattern'));
    expect(warnings.map((warning) => warning.message)).to.deep.equal(['"extra" looks like statistics or media (the matomo adapter) but is required without a "necessaryJustification"; it waits for consent']);
  });

  it('accepts a written justification, and says nothing about session cookies or optional categories', () => {
    expect(lint(parseConfig(necessaryWith({ cookies: [{ name: '_pk_id', expires: '13 months' }], necessaryJustification: 'Agreed with the data protection officer on 1 March.' }))).filter((warning) => !warning.path.endsWith('.pattern'))).to.deep.equal([]);
    const doubts = (config: unknown) => lint(parseConfig(config)).filter((warning) => !warning.path.endsWith('.pattern'));
    expect(doubts(testConfig())).to.deep.equal([]);
    expect(doubts(mutate((config) => config.categories[1].services[0].cookies.push({ name: '_ga', expires: '2 years' })))).to.deep.equal([]);
  });
});

describe('adapter settings in the full schema', () => {
  const full = fullConfigSchema();
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
