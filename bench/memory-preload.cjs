// Preload for bench/memory-probe.ts: prints the main thread's process.memoryUsage(), code and heap spaces on SIGUSR2.
const v8 = require('v8');
process.on('SIGUSR2', () => {
  const m = process.memoryUsage();
  const mb = (n) => (n / 1048576).toFixed(1);
  const spaces = v8.getHeapSpaceStatistics().map((s) => `${s.space_name.replace('_space','')}=${mb(s.space_used_size)}/${mb(s.space_size)}`).join(' ');
  const code = v8.getHeapCodeStatistics();
  process.stderr.write(`MEM rss=${mb(m.rss)} heapTotal=${mb(m.heapTotal)} heapUsed=${mb(m.heapUsed)} external=${mb(m.external)} arrayBuffers=${mb(m.arrayBuffers)} code=${mb(code.code_and_metadata_size)} bytecode=${mb(code.bytecode_and_metadata_size)} | ${spaces}\n`);
});
