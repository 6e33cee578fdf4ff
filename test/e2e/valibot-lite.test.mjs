// The drop-in checks configs with src/core/valibot-lite.ts in valibot's place. This test
// builds parseConfig both ways, as the drop-in build does (rollup with the drop-in's own
// plugins) and as the npm build does (dist/lib, with valibot), and feeds both the same
// configs: valid ones and thousands of randomly broken ones. Both must accept the same
// configs with the same result, and refuse the others with the same problems, in the
// same order, with the same paths and messages.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, describe, it } from 'node:test';
import { rollup } from 'rollup';
import configs from '../../rollup.config.mjs';
import * as withValibot from '../../dist/lib/core/validate.js';
import { generator } from '../support/random.mjs';

const root = new URL('../../', import.meta.url);
const demo = JSON.parse(readFileSync(new URL('demo/consent.json', root), 'utf8'));
const fixture = JSON.parse(readFileSync(new URL('test/fixtures/consent.json', root), 'utf8'));

/** parseConfig as the drop-in runs it: the drop-in build's plugins, valibot-lite included. */
async function buildLite() {
  const dropIn = configs.find((config) => config.input?.['consent-banner']);
  const bundle = await rollup({ input: 'src/core/validate.ts', plugins: dropIn.plugins.filter((plugin) => !['chunk-graph', 'language-files'].includes(plugin.name)), preserveEntrySignatures: 'strict', onwarn() {} });
  const { output } = await bundle.generate({ format: 'es' });
  assert.ok(!output[0].code.includes('valibot/dist'), 'valibot itself is not in the build');
  const file = join(mkdtempSync(join(tmpdir(), 'valibot-lite-')), 'config.mjs');
  writeFileSync(file, output[0].code);
  return import(pathToFileURL(file).href);
}

/** What parseConfig makes of the input: the config, or its problems. */
function outcome(parse, input) {
  try {
    return { config: parse(input) };
  } catch (error) {
    if (!Array.isArray(error.problems)) throw error;
    return { problems: error.problems };
  }
}

const ODD_VALUES = [undefined, null, true, false, 0, -1, 1.5, 1e21, 2 ** 53, '', ' ', 'x', 'javascript:alert(1)', '\tjava\nscript:x', '^(a+)+$', '_pk_*', '*', '__Host-x', 'constructor', [], [1], {}, { en: '' }, { english: 'x' }, { de: 'x', en: 'y' }];

/** Every place in the value where a change can go: [parent, key] pairs. */
function places(value, found = []) {
  if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      found.push([value, key]);
      places(value[key], found);
    }
  }
  return found;
}

/** One to three random changes: a value of another kind, a deleted or unknown key, a copied array item. */
function breakConfig(config, seed) {
  const random = generator(seed);
  const copy = structuredClone(config);
  const changes = 1 + Math.floor(random.next() * 3);
  for (let change = 0; change < changes; change++) {
    const [parent, key] = random.pick(places(copy));
    const kind = random.next();
    if (kind < 0.5) parent[key] = structuredClone(random.pick(ODD_VALUES));
    else if (kind < 0.65) Array.isArray(parent) ? parent.splice(Number(key), 1) : delete parent[key];
    else if (kind < 0.8 && !Array.isArray(parent)) parent[random.pick(['extra', 'pattern', 'name', 'required', 'de', 'en'])] = structuredClone(random.pick(ODD_VALUES));
    else if (Array.isArray(parent)) parent.push(structuredClone(parent[key]));
    else parent[key] = structuredClone(random.pick(ODD_VALUES));
  }
  return copy;
}

describe('valibot-lite checks configs exactly as valibot does', () => {
  let lite;
  before(async () => (lite = await buildLite()));

  it('accepts the valid configs with the same result', () => {
    for (const config of [demo, fixture]) assert.deepEqual(outcome(lite.parseConfig, config), outcome(withValibot.parseConfig, config));
    assert.ok(outcome(lite.parseConfig, demo).config, 'the demo config is valid');
  });

  it('finds the same problems in 4,000 randomly broken configs', () => {
    let refused = 0;
    for (let seed = 1; seed <= 4000; seed++) {
      const broken = breakConfig(seed % 2 ? demo : fixture, seed);
      const expected = outcome(withValibot.parseConfig, broken);
      assert.deepEqual(outcome(lite.parseConfig, broken), expected, `seed ${seed}: ${JSON.stringify(broken).slice(0, 400)}`);
      if (expected.problems) refused++;
    }
    assert.ok(refused > 3000, `most changes break the config (${refused} of 4000)`);
  });

  it('treats JSON text and values that are no object alike', () => {
    for (const input of ['{"revision": 1,', '[]', 'null', '"x"', 5, null, undefined, [], 'true', '{}']) {
      assert.deepEqual(outcome(lite.parseConfig, input), outcome(withValibot.parseConfig, input), JSON.stringify(input));
    }
  });
});
