import { serve, type ServerType } from '@hono/node-server';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { leads } from '../db/schema';
import { submissionBody } from '../../test/support/fixtures';
import { ORIGIN, testApp } from '../../test/support/test-app';

// The body limit over real HTTP (@hono/node-server on loopback), where the limit is judged from
// Content-Length without reading the body, and a chunked body is counted while it is read.

let server: ServerType | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

function listen() {
  const t = testApp();
  server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
  return new Promise<{ port: number; t: typeof t }>((resolve) => server!.once('listening', () => resolve({ port: (server!.address() as AddressInfo).port, t })));
}

/** POSTs `chunks` (chunked when no length is given) and resolves with the status and how many chunks went out. */
function post(port: number, chunks: string[], contentLength?: number) {
  return new Promise<{ status: number; body: string; written: number }>((resolve, reject) => {
    const headers: Record<string, string | number> = { 'Content-Type': 'application/json', Origin: ORIGIN };
    if (contentLength !== undefined) headers['Content-Length'] = contentLength;
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/api/v1/sites/zeilmaker-web/leads', headers });
    let written = 0;
    req.on('response', (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, body, written }));
    });
    req.on('error', reject);
    const next = () => {
      if (written === chunks.length) return req.end();
      req.write(chunks[written++], () => setTimeout(next, 5));
    };
    next();
  });
}

describe('body limit over HTTP', () => {
  it('answers a normal submission (Content-Length within the limit)', async () => {
    const { port, t } = await listen();
    const body = JSON.stringify(submissionBody());
    const res = await post(port, [body], Buffer.byteLength(body));
    expect(res.status).toBe(201);
    expect(t.db.select().from(leads).all()).toHaveLength(1);
  });

  it('refuses a declared Content-Length over 64 KB with 413 before reading it', async () => {
    const { port, t } = await listen();
    const body = JSON.stringify(submissionBody({ contact: { message: 'x'.repeat(70_000) } }));
    const res = await post(port, [body], Buffer.byteLength(body));
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.code).toBe('body_too_large');
    expect(t.db.select().from(leads).all()).toEqual([]);
  });

  it('counts a chunked body while reading and stops at 64 KB', async () => {
    const { port, t } = await listen();
    const res = await post(port, Array.from({ length: 64 }, () => 'x'.repeat(8 * 1024)));
    expect(res.status).toBe(413);
    expect(res.written).toBeLessThan(64); // answered long before the 512 KB were sent
    expect(t.db.select().from(leads).all()).toEqual([]);
  });
});
