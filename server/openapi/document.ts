import { ADMIN_ENDPOINTS } from './admin-endpoints';
import { componentSchemas } from './components';
import { operationOf, type Endpoint } from './endpoint';
import { PUBLIC_ENDPOINTS } from './public-endpoints';
import { webhookSection } from './webhook-events';

// GET /api/v1/openapi.json: the public and admin API as OpenAPI 3.1, made from the endpoint
// descriptions and the zod schemas the server validates requests and builds answers with.

export const ENDPOINTS: Endpoint[] = [...PUBLIC_ENDPOINTS, ...ADMIN_ENDPOINTS];

export type OpenApiDocument = {
  openapi: string;
  info: Record<string, unknown>;
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: { schemas: Record<string, Record<string, unknown>>; securitySchemes: Record<string, unknown> };
  webhooks: Record<string, unknown>;
  [key: string]: unknown;
};

export function openApiDocument(publicUrl: string): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const e of ENDPOINTS) (paths[e.path] ??= {})[e.method] = operationOf(e);
  return {
    openapi: '3.1.1',
    info: {
      title: 'Koers API',
      version: 'v1',
      summary: 'B2B leads: the form, the submission, funnel events, and the admin API.',
      description:
        'JSON, UTF-8. Every error is `{ "error": { "code", "message", "fields": [{ "path", "message" }] } }` (the Error schema). A reference page of this document: /api/v1/docs.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: publicUrl.replace(/\/$/, '') }],
    tags: [
      { name: 'Public', description: 'What a vendor\'s page (the widget) or server calls.' },
      { name: 'Admin', description: 'For sales ops and monitoring, with the admin token (ADMIN_TOKEN; unset: not there).' },
      { name: 'Health', description: 'For load balancers and monitors.' },
      { name: 'Reference', description: 'This document.' },
    ],
    paths,
    webhooks: webhookSection(),
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        adminToken: { type: 'http', scheme: 'bearer', description: 'The ADMIN_TOKEN environment variable.' },
        siteApiKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'A site API key (the config\'s sites[].apiKeys; the secret in the environment variable it names), for servers that submit leads.',
        },
      },
    },
  };
}
