import type { z } from 'zod';
import type { SchemaName } from './components';
import { jsonSchemaOf, type JsonSchema } from './json-schema';

// How one endpoint is described (public-endpoints.ts, admin-endpoints.ts) and how such a
// description becomes an OpenAPI operation. Bodies name a component (components.ts); parameters
// are small zod schemas of their own.

export type Security = 'admin' | 'siteApiKeyOptional' | 'none';

export interface Param {
  name: string;
  in: 'path' | 'query';
  description: string;
  schema: z.ZodType;
  required?: boolean;
}

/** An answer: a component's JSON, an array of one, another media type, or no body (204). */
export type Body =
  | { ref: SchemaName; array?: boolean }
  | { anyOf: SchemaName[] }
  | { mediaType: string; schema: JsonSchema }
  | { none: true };

export interface Answer {
  description: string;
  body?: Body;
  /** Response headers by name: their description. */
  headers?: Record<string, string>;
}

export interface Endpoint {
  method: 'get' | 'post';
  path: string;
  operationId: string;
  tag: 'Public' | 'Admin' | 'Health' | 'Reference';
  summary: string;
  description?: string;
  security: Security;
  parameters?: Param[];
  request?: { ref: SchemaName; mediaTypes: string[]; description?: string };
  /** Every status the endpoint answers; error statuses default to the error body. */
  answers: Record<number, Answer | string>;
}

const ref = (name: SchemaName): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

const HEADER_SCHEMAS: Record<string, JsonSchema> = { 'Retry-After': { type: 'integer', minimum: 1 } };

export function operationOf(e: Endpoint): Record<string, unknown> {
  const responses: Record<string, unknown> = {};
  for (const [status, given] of Object.entries(e.answers)) {
    const answer: Answer = typeof given === 'string' ? { description: given } : given;
    const body: Body = answer.body ?? (Number(status) >= 400 ? { ref: 'Error' } : { none: true });
    const content =
      'none' in body
        ? undefined
        : 'ref' in body
          ? { 'application/json': { schema: body.array ? { type: 'array', items: ref(body.ref) } : ref(body.ref) } }
          : 'anyOf' in body
            ? { 'application/json': { schema: { anyOf: body.anyOf.map(ref) } } }
            : { [body.mediaType]: { schema: body.schema } };
    responses[status] = {
      description: answer.description,
      ...(answer.headers
        ? { headers: Object.fromEntries(Object.entries(answer.headers).map(([name, description]) => [name, { description, schema: HEADER_SCHEMAS[name] ?? { type: 'string' } }])) }
        : {}),
      ...(content ? { content } : {}),
    };
  }
  return {
    operationId: e.operationId,
    tags: [e.tag],
    summary: e.summary,
    ...(e.description ? { description: e.description } : {}),
    security: e.security === 'admin' ? [{ adminToken: [] }] : e.security === 'siteApiKeyOptional' ? [{}, { siteApiKey: [] }] : [],
    ...(e.parameters?.length
      ? { parameters: e.parameters.map((p) => ({ name: p.name, in: p.in, description: p.description, required: p.in === 'path' || p.required === true, schema: jsonSchemaOf(p.schema, 'input') })) }
      : {}),
    ...(e.request
      ? { requestBody: { required: true, ...(e.request.description ? { description: e.request.description } : {}), content: Object.fromEntries(e.request.mediaTypes.map((t) => [t, { schema: ref(e.request!.ref) }])) } }
      : {}),
    responses,
  };
}
