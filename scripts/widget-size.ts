import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// Prints the raw and gzip size of dist/widget.js; exits 1 above the budget (the issue: the whole
// flow in two languages ≤ 12 KB gzip).
const BUDGET = 12 * 1024;
const file = fileURLToPath(new URL('../dist/widget.js', import.meta.url));

let code: Buffer;
try {
  code = readFileSync(file);
} catch {
  console.error(`widget-size: ${file} is missing; run \`vite build\` first`);
  process.exit(1);
}
const gzip = gzipSync(code, { level: 9 }).length;
// What a browser that asks for brotli gets (the server sends the build's precompressed .br).
const brotli = brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
console.log(`dist/widget.js: ${code.length} bytes raw, ${gzip} bytes gzip (budget ${BUDGET}), ${brotli} bytes brotli`);
if (gzip > BUDGET) {
  console.error(`widget-size: over budget by ${gzip - BUDGET} bytes`);
  process.exit(1);
}
