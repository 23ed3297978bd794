import { serve } from '@hono/node-server';
import { Hono } from 'hono';

// Baseline (a): a bare Hono app on @hono/node-server, started the same way as the real server
// (bundled, then plain node). It reads the JSON body and answers JSON — no validation, no database.

const app = new Hono();
app.get('/healthz', (c) => c.json({ status: 'ok' }));
app.post('/echo', async (c) => {
  const body = await c.req.json<{ submissionId?: string }>();
  return c.json({ ok: true, submissionId: body.submissionId ?? null }, 201);
});

serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 3000) });
process.on('SIGTERM', () => process.exit(0));
