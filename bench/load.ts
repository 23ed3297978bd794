import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';

// The load generator, in its own process (the server under test gets its own core as far as
// two cores allow). Every request carries a fresh submissionId and a company address of its own,
// so each one to the real endpoint stores a new lead. Prints one JSON line with the figures.
//
//   node --import tsx bench/load.ts '{"url":"http://127.0.0.1:3000/echo","body":"…","seconds":10}'

interface LoadOptions {
  url: string;
  /** The body with the placeholders __ID__ (submissionId) and __N__ (unique per request). */
  body: string;
  seconds: number;
  connections?: number;
  /** Sent with every request besides the content type (the API key). */
  headers?: Record<string, string>;
  /** GET: no body (a page); default POST with the body. */
  method?: 'GET' | 'POST';
  /** Requests per second in all (a steady background load), instead of as fast as possible. */
  overallRate?: number;
}

const opts = JSON.parse(process.argv[2]) as LoadOptions;
const run = randomUUID().slice(0, 8); // unique across runs: no company is seen twice
let n = 0;
const result = await autocannon({
  url: opts.url,
  connections: opts.connections ?? 50,
  duration: opts.seconds,
  timeout: 30, // seconds: a slow answer is measured, not dropped
  ...(opts.overallRate ? { overallRate: opts.overallRate } : {}),
  requests: [
    opts.method === 'GET'
      ? { method: 'GET', headers: opts.headers }
      : {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...opts.headers },
          setupRequest: (req) => {
            n++;
            return { ...req, body: opts.body.replace('__ID__', randomUUID()).replaceAll('__N__', `${run}-${n}`) };
          },
        },
  ],
});

console.log(
  JSON.stringify({
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    total: result.requests.total,
  }),
);
