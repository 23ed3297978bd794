import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// Prints the raw and gzip size of dist/widget.js; exits 1 above the budget (the issue: the whole
// flow in two languages ≤ 12 KB gzip). bench/run.ts reports the same sizes.
const BUDGET = 12 * 1024;
export const WIDGET_FILE = fileURLToPath(new URL('../dist/widget.js', import.meta.url));

/** Raw, gzip -9 and brotli (quality 11: what a browser that asks for brotli gets, the build's .br) bytes of the built widget. */
export function widgetSizes(file = WIDGET_FILE): { raw: number; gzip: number; brotli: number } {
  const code = readFileSync(file);
  return {
    raw: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

// Printed when run (npm run size, npm run build, npm test), not when the bench imports it.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  let sizes: ReturnType<typeof widgetSizes>;
  try {
    sizes = widgetSizes();
  } catch {
    console.error(`widget-size: ${WIDGET_FILE} is missing; run \`vite build\` first`);
    process.exit(1);
  }
  console.log(`dist/widget.js: ${sizes.raw} bytes raw, ${sizes.gzip} bytes gzip (budget ${BUDGET}), ${sizes.brotli} bytes brotli`);
  if (sizes.gzip > BUDGET) {
    console.error(`widget-size: over budget by ${sizes.gzip - BUDGET} bytes`);
    process.exit(1);
  }
}
