import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ORIGIN, testApp } from '../../test/support/test-app';
import { submissionBody } from '../../test/support/fixtures';
import { chooseEncoding } from './compress';

// JSON answers: brotli or gzip by Accept-Encoding, Vary on every one, small bodies as they are.

describe('compressed JSON answers', () => {
  it('serves the form answer brotli- or gzip-compressed by Accept-Encoding, the same JSON inside, with Vary', async () => {
    const t = testApp();
    const get = (encoding?: string) =>
      t.app.request('/api/v1/sites/zeilmaker-web/form?lang=en', { headers: { Origin: ORIGIN, ...(encoding ? { 'Accept-Encoding': encoding } : {}) } });
    const plain = await get();
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toContain('Accept-Encoding');
    const json = JSON.parse(await plain.text());
    const strip = (f: { formToken: string }) => ({ ...f, formToken: '' });

    const br = await get('gzip, deflate, br');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toContain('Accept-Encoding');
    expect(br.headers.get('access-control-allow-origin')).toBe(ORIGIN); // CORS survives the rebuild
    const brBody = Buffer.from(await br.arrayBuffer());
    expect(strip(JSON.parse(brotliDecompressSync(brBody).toString()))).toEqual(strip(json));
    expect(brBody.length).toBeLessThan(JSON.stringify(json).length / 2);

    const gz = await get('gzip');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(strip(JSON.parse(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()))).toEqual(strip(json));
  });

  it('leaves a small answer as it is, and compresses the submission answer (with its confirmation)', async () => {
    const t = testApp();
    const small = await t.app.request('/api/v1/sites/nope/form', { headers: { 'Accept-Encoding': 'br' } });
    expect(small.status).toBe(404);
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(small.headers.get('vary')).toContain('Accept-Encoding');
    expect((await small.json()).error.code).toBe('not_found');
    const lead = await t.post(submissionBody(), { headers: { 'Accept-Encoding': 'br' } });
    expect(lead.status).toBe(201);
    expect(lead.headers.get('content-encoding')).toBe('br');
    expect(JSON.parse(brotliDecompressSync(Buffer.from(await lead.arrayBuffer())).toString()).confirmation.thanks).toMatch(/Sanne Visser/);
  });

  it('reads Accept-Encoding with q-values', () => {
    expect(chooseEncoding('gzip;q=1, br;q=0')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('identity')).toBeUndefined();
    expect(chooseEncoding(undefined)).toBeUndefined();
  });
});
