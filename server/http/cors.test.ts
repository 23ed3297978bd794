import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { cors } from './cors';

// The public API's CORS grant: on answers, on errors, and for preflights.

function app() {
  let handled = 0;
  const a = new Hono();
  a.onError((err, c) => c.json({ error: err.message }, 429, { 'Retry-After': '7' }));
  a.use('*', cors({ allowMethods: ['GET', 'POST', 'OPTIONS'], allowHeaders: ['Content-Type'], maxAgeSeconds: 600 }));
  a.post('/ok', (c) => {
    handled++;
    return c.json({ ok: true }, 201);
  });
  a.post('/fails', () => {
    throw new Error('slow down');
  });
  return { a, handled: () => handled };
}
const from = (origin: string): Record<string, string> => ({ Origin: origin });

describe('cors', () => {
  it('grants the request’s origin on the answer, which keeps its own status, body and type', async () => {
    const res = await app().a.request('/ok', { method: 'POST', headers: from('https://www.zeilmaker.example') });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ ok: true });
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('https://www.zeilmaker.example');
    expect(res.headers.get('Vary')).toBe('Origin');
  });

  it('grants it on an error answer too, next to the error’s own headers', async () => {
    const res = await app().a.request('/fails', { method: 'POST', headers: from('https://www.zeilmaker.example') });
    expect(res.status).toBe(429);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('https://www.zeilmaker.example');
    expect(res.headers.get('Retry-After')).toBe('7');
  });

  it('grants nothing without an Origin (not a browser)', async () => {
    const res = await app().a.request('/ok', { method: 'POST' });
    expect(res.status).toBe(201);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('answers a preflight itself: 204, methods, headers, max age; the route does not run', async () => {
    const { a, handled } = app();
    const res = await a.request('/ok', {
      method: 'OPTIONS',
      headers: { ...from('https://www.zeilmaker.example'), 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(res.status).toBe(204);
    const granted = ['Access-Control-Allow-Origin', 'Access-Control-Allow-Methods', 'Access-Control-Allow-Headers', 'Access-Control-Max-Age', 'Vary'];
    expect(granted.map((h) => res.headers.get(h))).toEqual(['https://www.zeilmaker.example', 'GET,POST,OPTIONS', 'Content-Type', '600', 'Origin']);
    expect(await res.text()).toBe('');
    expect(handled()).toBe(0);
  });
});
