import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
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
      '`' + styles.replace(/\s+/g, ' ').replace(/\s*([{}:;,>])\s*/g, '$1').replace(/;}/g, '}').trim() + '`',
    );
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

const external = Object.keys(pkg.dependencies);
const isExternal = (id) => external.some((name) => id === name || id.startsWith(`${name}/`));

export default [
  // For bundlers: one ES module per source file, with .d.ts; dependencies stay imports.
  {
    input: ['src/index.ts', 'src/define.ts', 'src/adapters/schema.ts'],
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
      minifyCss(),
      resolve({ browser: true }),
      typescript({ tsconfig: './tsconfig.json', outDir: 'dist', declaration: false, declarationMap: false, sourceMap: false }),
      terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
      chunkGraph(),
    ],
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
  },
];
