import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { minify } from 'terser';
import { defineConfig, type Plugin } from 'vite';
import { PREACT_INTERNALS, PRIVATE_NAMES } from './widget/private-names';

// The widget build only (tests: vitest.config.ts): one self-contained, minified IIFE at
// dist/widget.js — no code splitting, no CSS file (styles are imported `?inline`), and no global
// of its own (no `name`, so the IIFE assigns nothing to window; main.ts sets window.Koers).
//
// JSX is compiled to classic `h()` calls rather than the automatic runtime: same output for
// Preact, but ~0.4 KB gzip smaller, which matters under the 12 KB budget (scripts/widget-size.ts).
// @preact/preset-vite is not used: it only adds dev-time features (HMR, devtools) to this build.
//
// The minifier is oxc, rolldown's default (here ~190 bytes gzip smaller than esbuild's, ~200 than
// terser's with passes: 3 and its unsafe options). It also shortens the property names of
// widget/private-names.ts: only names private to the bundle. Terser then compresses oxc's output
// once more (safe options only): ~45 bytes gzip that neither finds alone.
//
// Preact is 10.x, not 11: the same API for what the widget uses (h, render, Component, Fragment),
// ~180 bytes gzip smaller, and still maintained.
/**
 * Terser's second pass over dist/widget.js, then dist/widget.js.br and .gz beside it: served by
 * Accept-Encoding, compressed once at build time.
 */
const finish = (): Plugin => ({
  name: 'koers-finish',
  async writeBundle(options) {
    const file = join(options.dir ?? 'dist', 'widget.js');
    const second = await minify(readFileSync(file, 'utf8'), { compress: { passes: 3 }, mangle: true, module: false });
    writeFileSync(file, second.code!);
    const code = readFileSync(file);
    writeFileSync(`${file}.br`, brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    writeFileSync(`${file}.gz`, gzipSync(code, { level: 9 }));
  },
});

export default defineConfig({
  publicDir: false,
  plugins: [finish()],
  oxc: {
    // development: false whatever NODE_ENV the caller has (vitest sets "test"; the browser tests
    // build through server/widget-build.ts): else every element gets __source/__self with this
    // machine's file paths, ~1 KB gzip, and the tests would not run the bundle customers get.
    jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment', development: false },
    jsxInject: `import { h, Fragment } from 'preact'`,
  },
  build: {
    outDir: 'dist',
    emptyOutDir: false, // dist/ may hold other build output; only widget.js is ours
    target: 'es2022',
    modulePreload: false,
    reportCompressedSize: false,
    rollupOptions: {
      input: 'widget/main.ts',
      output: {
        format: 'iife',
        entryFileNames: 'widget.js',
        minify: {
          mangleProps: {
            include: new RegExp(`${PREACT_INTERNALS.source}|^(${PRIVATE_NAMES.join('|')})$`),
          },
        },
      },
    },
  },
});
