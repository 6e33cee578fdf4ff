import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import ts from 'typescript';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pkg from './package.json' with { type: 'json' };

/**
 * Collapses the white space of `/* css *\/` template literals; terser leaves string contents
 * alone. It does not parse CSS: keep spaces out of quoted CSS strings (`content: ':'`).
 */
const minifyCss = () => ({
  name: 'minify-css',
  transform(code, id) {
    if (!id.endsWith('.styles.ts')) return null;
    const minified = code.replace(/\/\* css \*\/ `([^`]*)`/g, (_, styles) =>
      '`' +
        styles
          // Comments are for the source.
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/\s+/g, ' ')
          .replace(/\s*([{};,>])\s*/g, '$1')
          // Only after a colon: before one, a space is the descendant combinator (".frame ::slotted(…)").
          .replace(/:\s+/g, ':')
          .replace(/;}/g, '}')
          // "0.75rem" -> ".75rem", after a separator only (never inside "10.5rem").
          .replace(/([ :,(])0\./g, '$1.')
          .trim() +
        '`',
    );
    return { code: minified, map: null };
  },
});

/**
 * Collapses the indentation of lit-html templates (`html\`…\``) in src/ui/: white space
 * that holds a line break goes entirely between a tag's end and the next tag's start, and
 * becomes one space anywhere else (text, attributes). White space within a line is kept,
 * so "${label}: ${value}" reads as written. The TypeScript parser finds the templates'
 * literal parts, nested templates included.
 */
const minifyTemplates = () => ({
  name: 'minify-templates',
  transform(code, id) {
    if (!id.includes('/src/ui/') || !/html\s*`/.test(code)) return null;
    const source = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true);
    const parts = [];
    const visit = (node) => {
      if (ts.isTaggedTemplateExpression(node) && node.tag.getText(source) === 'html') {
        const template = node.template;
        const literals = ts.isNoSubstitutionTemplateLiteral(template) ? [template] : [template.head, ...template.templateSpans.map((span) => span.literal)];
        // Each literal's text lies between its opening (` or }) and its closing (${ or `).
        for (const literal of literals) {
          const end = literal.getEnd() - (literal.kind === ts.SyntaxKind.TemplateHead || literal.kind === ts.SyntaxKind.TemplateMiddle ? 2 : 1);
          parts.push([literal.getStart(source) + 1, end]);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    let minified = code;
    for (const [start, end] of parts.sort((a, b) => b[0] - a[0])) {
      const text = minified.slice(start, end).replace(/>\s*\n\s*</g, '><').replace(/\s*\n\s*/g, ' ');
      minified = minified.slice(0, start) + text + minified.slice(end);
    }
    return { code: minified, map: null };
  },
});

/**
 * Writes dist/chunks.json: for each file of the drop-in, its static and dynamic imports
 * and its source modules, so scripts/size.mjs can tell what the banner needs from what
 * only pages with embeds load.
 */
const chunkGraph = () => ({
  name: 'chunk-graph',
  generateBundle(_options, bundle) {
    const graph = {};
    for (const [file, chunk] of Object.entries(bundle)) {
      if (chunk.type !== 'chunk') continue;
      const modules = Object.keys(chunk.modules).filter((id) => id.includes('/src/')).map((id) => id.slice(id.indexOf('/src/') + 1));
      graph[file] = { imports: chunk.imports, dynamicImports: chunk.dynamicImports, modules };
    }
    this.emitFile({ type: 'asset', fileName: 'chunks.json', source: JSON.stringify(graph, null, 2) + '\n' });
  },
});

/**
 * Names a chunk for what it holds; left alone, rollup names it after one of its modules
 * (the Lit chunk was once called "texts"). The split itself is rollup's. Six characters of
 * hash (36 bits) still tell every version of a file apart, and the entry, which every page
 * view downloads, spells out the name of each file it may load.
 */
/**
 * One hash for all the language files, from their sources and the package version: the
 * tables that name the 24 files of each kind then repeat one hash, which gzip keeps to a
 * few bytes, where 24 different hashes would cost some 200. A change to any language
 * renames them all; a visitor downloads one of them.
 */
const textsHash = (() => {
  const hash = createHash('sha256').update(pkg.version);
  for (const folder of ['src/texts/ui', 'src/texts/table']) {
    for (const file of readdirSync(folder).sort()) hash.update(`${folder}/${file}\0`).update(readFileSync(`${folder}/${file}`));
  }
  return hash.digest('base64url').slice(0, 6);
})();

/** The key lists of TEXT_PARTS in src/texts/keys.ts, read from its source. */
function textParts() {
  const source = readFileSync('src/texts/keys.ts', 'utf8');
  const block = source.slice(source.indexOf('export const TEXT_PARTS = {'), source.indexOf('} as const satisfies'));
  return Object.fromEntries([...block.matchAll(/^  (\w+): \[([^\]]*)\]/gm)].map(([, part, keys]) => [part, [...keys.matchAll(/'(\w+)'/g)].map((key) => key[1])]));
}

/** A ui/ language file's texts: its source is one object literal of strings. */
function languageFileTexts(file) {
  const source = readFileSync(file, 'utf8');
  const literal = source.slice(source.indexOf('export default {') + 'export default '.length, source.lastIndexOf('} satisfies') + 1);
  return new Function(`return ${literal};`)();
}

/**
 * In the drop-in, the language files load by part, the tables that name them shrink, and
 * the entry can name the first layer's file of a language (src/texts/preload.ts):
 * - each ui/ file becomes one file per part of TEXT_PARTS (src/texts/keys.ts), so the first
 *   layer loads only its own texts ("texts-dialog-fr-…"; "texts-settings-…", "texts-embed-…");
 * - a table of 24 `import()`s (src/texts/ui-texts.ts, table-texts.ts), some 250 B
 *   min+gzip each, becomes a list of codes and a file name built from it.
 * The files are emitted under exactly those names, and each table's path to them is
 * written once its chunk's place is known. Elsewhere (tests, the package for bundlers) the
 * plain tables and whole files stay, with the same texts per part (partTexts).
 */
const languageFiles = () => {
  const parts = textParts();
  const languages = readdirSync('src/texts/ui').map((file) => file.replace('.ts', '')).sort();
  const PART_ID = /\/src\/texts\/ui\/([a-z]+)\.ts\?part=(\w+)$/;
  return {
    name: 'language-files',
    buildStart() {
      if (Object.keys(parts).join() !== 'dialog,settings,embed') this.error(`TEXT_PARTS in src/texts/keys.ts not understood: ${Object.keys(parts).join()}`);
      for (const language of languages) {
        for (const part of Object.keys(parts)) {
          this.emitFile({ type: 'chunk', id: `${fileURLToPath(new URL(`./src/texts/ui/${language}.ts`, import.meta.url))}?part=${part}`, fileName: `chunks/texts-${part}-${language}-${textsHash}.js` });
        }
        this.emitFile({ type: 'chunk', id: fileURLToPath(new URL(`./src/texts/table/${language}.ts`, import.meta.url)), fileName: `chunks/table-texts-${language}-${textsHash}.js` });
      }
    },
    resolveId(source) {
      return PART_ID.test(source.replaceAll('\\', '/')) ? source : null;
    },
    load(id) {
      const match = PART_ID.exec(id.replaceAll('\\', '/'));
      if (!match) return null;
      const texts = languageFileTexts(id.slice(0, id.indexOf('?')));
      const missing = parts[match[2]].filter((key) => typeof texts[key] !== 'string');
      if (missing.length) this.error(`src/texts/ui/${match[1]}.ts lacks ${missing.join(', ')}`);
      return `export default ${JSON.stringify(Object.fromEntries(parts[match[2]].map((key) => [key, texts[key]])))};`;
    },
    transform(code, id) {
      if (/\/src\/texts\/preload\.ts$/.test(id.replaceAll('\\', '/'))) {
        const file = `texts-dialog-\${'${languages.join(' ')}'.split(' ').includes(language) ? language : 'en'}-${textsHash}.js`;
        return { code: `export function preloadDialogTexts(language) { import(\`\0TEXTS_DIR\0${file}\`).catch(() => {}); }`, map: null };
      }
      const table = /\/src\/texts\/(ui|table)-texts\.ts$/.exec(id.replaceAll('\\', '/'));
      if (!table) return null;
      // (TypeScript has compiled the file already.)
      const entries = [...code.matchAll(/^\s+([a-z]+): \(\) => import\('\.\/(?:ui|table)\/\1\.js'\),?$/gm)];
      if (entries.map((entry) => entry[1]).join() !== languages.join()) this.error(`expected a table of the ${languages.length} languages of src/texts/ui in ${id}`);
      const start = code.indexOf('{', code.indexOf(entries[0][0]) - 10);
      const end = code.indexOf('};', start) + 1;
      const file = table[1] === 'ui' ? `texts-\${part}-\${language}-${textsHash}.js` : `table-texts-\${language}-${textsHash}.js`;
      const built = `Object.fromEntries('${languages.join(' ')}'.split(' ').map((language) => [language, (part) => import(\`\0TEXTS_DIR\0${file}\`)]))`;
      return { code: code.slice(0, start) + built + code.slice(end), map: null };
    },
    renderChunk(code, chunk) {
      if (!code.includes('\0TEXTS_DIR\0')) return null;
      return { code: code.replaceAll('\0TEXTS_DIR\0', chunk.fileName.startsWith('chunks/') ? './' : './chunks/'), map: null };
    },
  };
};

function chunkName({ name, moduleIds }) {
  const holds = (pattern) => moduleIds.some((id) => pattern.test(id.replaceAll('\\', '/')));
  // Lit, with the texts and styles that the dialog and the embed placeholder share.
  if (holds(/\/node_modules\/lit-html\//)) return 'chunks/lit-shared-ui-[hash:6].js';
  // The adapters' starter, with what every vendor adapter uses.
  if (holds(/\/src\/adapters\/start\.ts$/)) return 'chunks/adapters-[hash:6].js';
  return `chunks/${name}-[hash:6].js`;
}

/**
 * The drop-in runs the config schema on src/core/valibot-lite.ts, which has the few valibot
 * functions the schema uses at a third of the size and words its messages itself (so
 * src/core/issue-messages.ts is left out); everything else keeps valibot itself.
 */
const valibotLite = () => ({
  name: 'valibot-lite',
  resolveId(source) {
    if (source === 'valibot') return fileURLToPath(new URL('./src/core/valibot-lite.ts', import.meta.url));
    // valibot-lite words its messages itself: valibot's message function is not needed.
    return source === './issue-messages.js' ? '\0issue-messages' : null;
  },
  load(id) {
    return id === '\0issue-messages' ? 'export const issueMessages = undefined;' : null;
  },
});

/**
 * Lit and the shared ui code stay one chunk, whichever lazy elements use which part of it
 * (and the table of language files, src/texts/ui-texts.ts: the banner and the embed
 * element load this chunk beside their own code, so the visitor's language is asked for
 * as soon as it arrives, without a small file of its own):
 * left alone, rollup splits it by its users (the cookie table needs Lit but not the shared
 * texts), and every page with a dialog would load two files instead of one.
 */
const sharedUi = (id) => (/\/node_modules\/lit(-html)?\/|\/src\/ui\/shared\/|\/src\/texts\/ui-texts\.ts$/.test(id.replaceAll('\\', '/')) ? 'lit-shared-ui' : undefined);

const external = Object.keys(pkg.dependencies);
const isExternal = (id) => external.some((name) => id === name || id.startsWith(`${name}/`));

export default [
  // For bundlers: one ES module per source file, with .d.ts; dependencies stay imports.
  {
    input: ['src/index.ts', 'src/define.ts', 'src/adapters/schema.ts', 'src/core/config-hash.ts', 'src/check/declaration-format.ts'],
    external: isExternal,
    plugins: [typescript({ tsconfig: './tsconfig.json', outDir: 'dist/lib', declaration: true, declarationDir: 'dist/lib' })],
    output: { dir: 'dist/lib', format: 'es', preserveModules: true, preserveModulesRoot: 'src', sourcemap: true },
  },
  // The drop-in: everything bundled and minified; the dialog (with Lit) is a chunk of its
  // own that the entry imports only when the dialog must show.
  {
    input: { 'consent-banner': 'src/define.ts' },
    preserveEntrySignatures: 'allow-extension',
    plugins: [
      valibotLite(),
      languageFiles(),
      minifyCss(),
      minifyTemplates(),
      resolve({ browser: true }),
      typescript({ tsconfig: './tsconfig.json', outDir: 'dist', declaration: false, declarationMap: false, sourceMap: false }),
      terser({ ecma: 2022, module: true, compress: { passes: 3, unsafe_arrows: true }, format: { comments: false } }),
      chunkGraph(),
    ],
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: chunkName,
      manualChunks: sharedUi,
      hoistTransitiveImports: false,
      freeze: false,
    },
  },
];
