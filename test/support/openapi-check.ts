import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';
import type { OpenApiDocument } from '../../server/openapi/document';

// Checks real requests and answers against the OpenAPI document with ajv (draft 2020-12), apart
// from zod: the document is the contract a client is generated from. Remembers which operation
// answered which status, so a test can insist that every operation was exercised.

type Content = Record<string, { schema: object }>;
type Operation = { requestBody?: { content: Content }; responses: Record<string, { content?: Content; headers?: Record<string, unknown> }> };

export function openApiChecker(doc: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  // The whole document under one id: the operations' `#/components/schemas/…` refs resolve in it.
  ajv.addSchema(doc as object, 'openapi.json', undefined, false);
  const seen = new Map<string, Set<number>>();
  const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

  const operation = (method: string, path: string): Operation => {
    const op = doc.paths[path]?.[method] as Operation | undefined;
    expect(op, `${method.toUpperCase()} ${path} is not in the document`).toBeDefined();
    return op!;
  };
  const validate = (ref: string, value: unknown, what: string) => {
    const check = ajv.getSchema(`openapi.json#/${ref}`);
    expect(check, `no schema at ${ref}`).toBeDefined();
    const ok = check!(value);
    expect(ok, `${what}: ${ajv.errorsText(check!.errors, { separator: '\n' })}`).toBe(true);
  };

  return {
    /** Whether the body is one the document's request schema allows. */
    requestAllowed(method: string, path: string, body: unknown, mediaType = 'application/json'): boolean {
      const op = operation(method, path);
      expect(op.requestBody?.content[mediaType], `${method} ${path} takes no ${mediaType}`).toBeDefined();
      const check = ajv.getSchema(`openapi.json#/${pointer('paths', path, method, 'requestBody', 'content', mediaType, 'schema')}`)!;
      return check(body) as boolean;
    },
    /** Asserts the request body matches the document. */
    request(method: string, path: string, body: unknown, mediaType = 'application/json') {
      operation(method, path);
      validate(pointer('paths', path, method, 'requestBody', 'content', mediaType, 'schema'), body, `request of ${method} ${path}`);
    },
    /** Asserts the answer's status is documented for the operation (and below 500 unless serverError) and its body matches; returns the body. */
    async answer(method: string, path: string, res: Response, opts: { serverError?: boolean } = {}): Promise<unknown> {
      const op = operation(method, path);
      const key = `${method} ${path}`;
      // A 500 is documented everywhere, but a test that gets one has found a bug, not a contract.
      if (!opts.serverError) expect(res.status, `${key}: ${res.status} ${res.status >= 500 ? await res.clone().text() : ''}`).toBeLessThan(500);
      if (!seen.has(key)) seen.set(key, new Set());
      seen.get(key)!.add(res.status);
      const documented = op.responses[String(res.status)];
      expect(documented, `${key} answered ${res.status}, which the document does not list (${Object.keys(op.responses).join(', ')})`).toBeDefined();
      const text = await res.text();
      if (!documented!.content) {
        expect(text, `${key} ${res.status} has no body in the document`).toBe('');
        return undefined;
      }
      const mediaType = (res.headers.get('Content-Type') ?? '').split(';')[0].trim();
      expect(Object.keys(documented!.content), `${key} ${res.status}: ${mediaType} is not documented`).toContain(mediaType);
      for (const name of Object.keys(documented!.headers ?? {})) expect(res.headers.get(name), `${key} ${res.status}: header ${name}`).not.toBeNull();
      const body = mediaType === 'application/json' ? JSON.parse(text) : text;
      validate(pointer('paths', path, method, 'responses', String(res.status), 'content', mediaType, 'schema'), body, `${key} ${res.status}`);
      return body;
    },
    /** A webhook delivery's body against the document's `webhooks`. */
    webhook(type: string, body: unknown) {
      expect(doc.webhooks[type], `webhook ${type} is not in the document`).toBeDefined();
      validate(pointer('webhooks', type, 'post', 'requestBody', 'content', 'application/json', 'schema'), body, `webhook ${type}`);
    },
    /** Operation → the statuses it answered so far. */
    seen,
  };
}
