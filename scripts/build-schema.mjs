// Writes dist/consent-config.schema.json from the same valibot definitions that
// validate configs at run time (src/core/config-schema.ts and src/adapters/schema.ts,
// built to dist/lib).
import { writeFileSync } from 'node:fs';
import { toJsonSchema } from '@valibot/to-json-schema';
import { fullConfigSchema } from '../dist/lib/adapters/schema.js';

// The page checks an adapter's settings only when the adapter loads; the published
// schema describes them in full, from the same definitions.
const schema = toJsonSchema(fullConfigSchema(), {
  target: 'draft-07',
  // Regex-validity, safe-URL and cross-field checks run only at run time; JSON Schema cannot say them.
  errorMode: 'ignore',
});
const published = {
  $id: 'https://unpkg.com/consent-banner/dist/consent-config.schema.json',
  title: 'consent-banner configuration',
  description:
    'Categories, services and cookies for <consent-banner>. Also checked at run time and by consent-banner-check: ids unique across categories and services, a consent cookie of at most 1024 bytes with no two optional services sharing a tag, texts present for every language in "languages", v1 cookie patterns that a wildcard name can say, links relative or http(s)/mailto.',
  ...schema,
};
writeFileSync(new URL('../dist/consent-config.schema.json', import.meta.url), JSON.stringify(published, null, 2) + '\n');
console.log('wrote dist/consent-config.schema.json');
