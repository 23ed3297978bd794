import type { MiddlewareHandler } from 'hono';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// JSON answers compressed by Accept-Encoding (brotli before gzip), `Vary: Accept-Encoding` on
// every one (a cache must not hand a compressed answer to a client that cannot read it). Bodies
// under MIN_BYTES go as they are: compressing a few hundred bytes saves nothing on the wire. Only
// when the client accepts an encoding is the body read and the answer rebuilt, so clients that
// ask for none (servers, the bench) pay nothing.

export const MIN_BYTES = 1024;

export function compressJson(): MiddlewareHandler {
  return async function compressJson(c, next) {
    await next();
    const res = c.res;
    if (!(res.headers.get('Content-Type') ?? '').startsWith('application/json')) return;
    res.headers.append('Vary', 'Accept-Encoding');
    const encoding = chooseEncoding(c.req.header('Accept-Encoding'));
    if (!encoding || c.req.method === 'HEAD' || res.headers.has('Content-Encoding') || !res.body) return;
    const body = Buffer.from(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    c.res = undefined as never; // replace, do not merge: the old body is consumed
    if (body.length < MIN_BYTES) {
      c.res = new Response(body, { status: res.status, headers });
      return;
    }
    const compressed =
      encoding === 'br'
        ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
        : gzipSync(body, { level: 6 });
    headers.set('Content-Encoding', encoding);
    headers.delete('Content-Length');
    c.res = new Response(compressed, { status: res.status, headers });
  };
}

/** br or gzip when the client accepts it (q > 0), else undefined. */
export function chooseEncoding(header: string | undefined): 'br' | 'gzip' | undefined {
  if (!header) return undefined;
  const accepted = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name, q ? Number(q.slice(2)) : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : undefined;
}
