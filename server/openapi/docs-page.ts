import { escapeHtml as e } from '../mail/escape';
import type { OpenApiDocument } from './document';

// GET /api/v1/docs: the OpenAPI document as one plain page, rendered here (no script, no style
// sheet, nothing from elsewhere): every operation with its parameters and answers, every webhook
// event, every schema as JSON.

type Operation = {
  summary?: string;
  description?: string;
  security?: Record<string, unknown>[];
  parameters?: { name: string; in: string; description?: string; required?: boolean }[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Record<string, unknown> }> }>;
};

const refName = (schema: Record<string, unknown> | undefined): string => {
  if (!schema) return '';
  if (typeof schema.$ref === 'string') return schema.$ref.split('/').pop()!;
  if (schema.type === 'array' && schema.items) return `${refName(schema.items as Record<string, unknown>)}[]`;
  if (Array.isArray(schema.anyOf)) return schema.anyOf.map((s) => refName(s as Record<string, unknown>)).join(' or ');
  return String(schema.type ?? '');
};
const schemaLink = (schema: Record<string, unknown> | undefined) => {
  const name = refName(schema);
  return name
    .split(' or ')
    .map((n) => {
      const base = n.replace(/\[\]$/, '');
      return /^[A-Z]/.test(base) ? `<a href="#schema-${e(base)}">${e(n)}</a>` : e(n);
    })
    .join(' or ');
};
const bodies = (content: Record<string, { schema: Record<string, unknown> }> | undefined) =>
  content ? Object.entries(content).map(([type, c]) => `${e(type)}: ${schemaLink(c.schema)}`).join('<br>') : '';

function operationHtml(method: string, path: string, op: Operation): string {
  const security = op.security?.length ? op.security.map((s) => Object.keys(s).join(', ') || 'none').join(' or ') : 'none';
  const params = op.parameters?.length
    ? `<table><tr><th>parameter</th><th>in</th><th>required</th><th>what</th></tr>${op.parameters
        .map((p) => `<tr><td><code>${e(p.name)}</code></td><td>${e(p.in)}</td><td>${p.required ? 'yes' : 'no'}</td><td>${e(p.description ?? '')}</td></tr>`)
        .join('')}</table>`
    : '';
  const request = op.requestBody ? `<p>Body: ${bodies(op.requestBody.content)}</p>` : '';
  const answers = `<table><tr><th>status</th><th>when</th><th>body</th></tr>${Object.entries(op.responses)
    .map(([status, r]) => `<tr><td>${e(status)}</td><td>${e(r.description)}</td><td>${bodies(r.content)}</td></tr>`)
    .join('')}</table>`;
  return `<section><h3><code>${e(method.toUpperCase())} ${e(path)}</code></h3><p>${e(op.summary ?? '')}</p>${op.description ? `<p>${e(op.description)}</p>` : ''}<p>Authorization: ${e(security)}</p>${params}${request}${answers}</section>`;
}

export function docsPage(doc: OpenApiDocument): string {
  const info = doc.info as { title: string; summary?: string; description?: string };
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op: op as unknown as Operation & { tags?: string[] } })),
  );
  const tags = (doc.tags as { name: string; description: string }[]) ?? [];
  const byTag = tags
    .map((t) => `<h2>${e(t.name)}</h2><p>${e(t.description)}</p>${operations.filter((o) => o.op.tags?.includes(t.name)).map((o) => operationHtml(o.method, o.path, o.op)).join('')}`)
    .join('');
  const webhooks = Object.entries(doc.webhooks)
    .map(([type, item]) => operationHtml('post', `(your endpoint) ${type}`, (item as { post: Operation }).post))
    .join('');
  const schemas = Object.entries(doc.components.schemas)
    .map(([name, schema]) => `<section id="schema-${e(name)}"><h3>${e(name)}</h3><pre>${e(JSON.stringify(schema, null, 2))}</pre></section>`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(info.title)}</title></head>
<body>
<main>
<h1>${e(info.title)}</h1>
<p>${e(info.summary ?? '')}</p>
<p>${e(info.description ?? '')}</p>
<p>The same as <a href="/api/v1/openapi.json">OpenAPI 3.1 JSON</a>, to generate a client from.</p>
${byTag}
<h2>Webhooks</h2>
<p>What Koers POSTs to each endpoint in the config's <code>webhooks</code>.</p>
${webhooks}
<h2>Schemas</h2>
${schemas}
</main>
</body>
</html>`;
}
