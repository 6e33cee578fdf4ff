import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import ts from 'typescript';
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
 * Lit and the shared ui code stay one chunk, whichever lazy elements use which part of it:
 * left alone, rollup splits it by its users (the cookie table needs Lit but not the shared
 * texts), and every page with a dialog would load two files instead of one.
 */
const sharedUi = (id) => (/\/node_modules\/lit(-html)?\/|\/src\/ui\/shared\//.test(id.replaceAll('\\', '/')) ? 'lit-shared-ui' : undefined);

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
      minifyCss(),
      minifyTemplates(),
      resolve({ browser: true }),
      typescript({ tsconfig: './tsconfig.json', outDir: 'dist', declaration: false, declarationMap: false, sourceMap: false }),
      terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
      chunkGraph(),
    ],
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: chunkName,
      manualChunks: sharedUi,
    },
  },
];
