import { Hono } from 'hono';
import { docsPage } from './docs-page';
import { openApiDocument } from './document';

// GET /api/v1/openapi.json and GET /api/v1/docs. The document is made once per app (it depends on
// PUBLIC_URL only), on its first request.

export function openApiRoutes(publicUrl: string) {
  let made: { json: string; html: string } | undefined;
  const get = () => {
    if (!made) {
      const doc = openApiDocument(publicUrl);
      made = { json: JSON.stringify(doc), html: docsPage(doc) };
    }
    return made;
  };
  return new Hono()
    .get('/openapi.json', (c) => {
      c.header('Access-Control-Allow-Origin', '*');
      c.header('Cache-Control', 'public, max-age=300');
      return c.body(get().json, 200, { 'Content-Type': 'application/json; charset=utf-8' });
    })
    .get('/docs', (c) => {
      c.header('Content-Security-Policy', "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
      return c.html(get().html);
    });
}
