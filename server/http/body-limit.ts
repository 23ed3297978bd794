import type { MiddlewareHandler } from 'hono';
import { bodyLimit as streamingBodyLimit } from 'hono/body-limit';
import { ApiHttpError } from './api-error';

// The body limit, enforced before anything parses the body, for every request shape.
//
// A body with a Content-Length (what browsers send for fetch with a string body) is judged by
// that header alone: Node's HTTP parser never hands on more bytes than it declares. A GET or HEAD
// with neither header has no body. Everything else (chunked, or a Request built in-process
// without headers) is counted while it is read, by Hono's bodyLimit.
//
// Hono's bodyLimit on its own first touches `c.req.raw.body`, which makes @hono/node-server build
// a full web Request and stream for EVERY request and loses its direct body read — that cost
// more CPU than validating the submission (bench/profile.ts).

export function bodyLimit(maxBytes: number): MiddlewareHandler {
  const tooLarge = () => {
    throw new ApiHttpError(413, 'body_too_large', `The body may be at most ${maxBytes} bytes.`);
  };
  const chunked = streamingBodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return async function bodyLimit(c, next) {
    const transferEncoding = c.req.header('Transfer-Encoding');
    const contentLength = c.req.header('Content-Length');
    if (transferEncoding === undefined) {
      if (contentLength !== undefined) {
        const declared = Number(contentLength);
        if (Number.isSafeInteger(declared) && declared >= 0) return declared > maxBytes ? tooLarge() : next();
      } else if (c.req.method === 'GET' || c.req.method === 'HEAD') {
        return next();
      }
    }
    return chunked(c, next);
  };
}
