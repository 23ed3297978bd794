import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { manualClock } from '../clock';
import { rateLimit } from './rate-limit';

// Security review 1, last part: the limiter's map had no bound and swept itself on every request
// once it held 50,000 keys, so a flood from many addresses made every request walk the whole map
// (throughput fell tenfold) and memory grew with every new address.

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function limited(maxKeys?: number) {
  const clock = manualClock();
  const app = new Hono();
  app.onError((err, c) => c.text(err.message, 429));
  app.use('*', rateLimit({ limit: 5, windowMs: 60_000, clock, key: (c) => c.req.header('x-client'), scope: 'from your address', maxKeys }));
  app.get('/', (c) => c.text('ok'));
  // app.fetch with a prebuilt Request: the least per-call overhead, so the limiter's own cost shows.
  const hit = (client: string) => app.fetch(new Request('http://x/', { headers: { 'x-client': client } }));
  return { clock, hit };
}

async function timeHits(hit: (k: string) => Response | Promise<Response>, from: number, n: number) {
  const started = performance.now();
  for (let i = from; i < from + n; i++) await hit(`client-${i}`);
  return performance.now() - started;
}

describe('rate limiter under a flood of distinct clients', () => {
  it('keeps its cost per request flat past 50,000 keys', async () => {
    const { hit } = limited();
    await timeHits(hit, 0, 2_000); // warm up
    const early = await timeHits(hit, 2_000, 5_000);
    await timeHits(hit, 7_000, 50_000);
    const late = await timeHits(hit, 57_000, 5_000);
    // Before: every request past 50,000 keys walked all of them (late ≈ 10–100 × early).
    expect(late / early).toBeLessThan(3);
  }, 60_000);

  it('holds at most maxKeys keys: memory stays bounded with 300,000 clients in one window', async () => {
    const { hit } = limited(20_000);
    gc();
    const before = process.memoryUsage().heapUsed;
    await timeHits(hit, 0, 300_000);
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    // 300,000 remembered keys take 25+ MB; 20,000 take about 2 MB.
    expect(grown).toBeLessThan(10 * 1024 * 1024);
  }, 60_000);

  it('still limits each client, and forgets every count when the next window starts', async () => {
    const { clock, hit } = limited();
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await hit('a')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect((await hit('b')).status).toBe(200);
    clock.advance(60_000);
    expect((await hit('a')).status).toBe(200);
  });
});
