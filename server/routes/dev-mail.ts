import { Hono, type MiddlewareHandler } from 'hono';
import { desc, eq } from 'drizzle-orm';
import type { AppDeps } from '../app';
import { devMail } from '../db/schema';
import { ApiHttpError } from '../http/api-error';
import { escapeHtml } from '../mail/escape';
import type { AdminGate } from '../security/admin-token';
import { isLocalRequest } from './dev-pages';

// The development outbox (no SMTP_URL, development pages on: dev-pages.ts): what would have been
// sent. Only for this machine (isLocalRequest: loopback, no proxy, a local Host) or the admin
// token — never for the public.

export function devMailRoutes(deps: Pick<AppDeps, 'db'>, gate: AdminGate, trustedProxies: readonly string[]) {
  const app = new Hono();
  app.use('*', localOrAdmin(gate, trustedProxies));
  app.use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'");
    c.header('X-Content-Type-Options', 'nosniff');
  });

  const list = () =>
    deps.db
      .select({ id: devMail.id, at: devMail.at, from: devMail.from, to: devMail.to, subject: devMail.subject })
      .from(devMail)
      .orderBy(desc(devMail.id))
      .limit(500)
      .all();
  const one = (id: string) => deps.db.select().from(devMail).where(eq(devMail.id, Number(id))).get();

  app.get('/messages', (c) => c.json(list()));
  app.get('/messages/:id', (c) => {
    const mail = one(c.req.param('id'));
    return mail ? c.json(mail) : c.json({ error: { code: 'not_found', message: 'No such message.' } }, 404);
  });
  app.get('/', (c) => {
    const rows = list()
      .map(
        (m) =>
          `<tr><td>${new Date(m.at).toISOString().replace('T', ' ').slice(0, 19)}</td><td>${escapeHtml(m.to)}</td><td><a href="/dev/mail/${m.id}">${escapeHtml(m.subject)}</a></td></tr>`,
      )
      .join('');
    return c.html(
      page(
        'Development outbox',
        `<p>Mail is not being delivered: no SMTP_URL is set. These are the messages the server would have sent (newest first).</p>
<table><thead><tr><th>Time (UTC)</th><th>To</th><th>Subject</th></tr></thead><tbody>${rows || '<tr><td colspan="3">No mail yet.</td></tr>'}</tbody></table>`,
      ),
    );
  });
  app.get('/:id', (c) => {
    const mail = one(c.req.param('id'));
    if (!mail) throw new ApiHttpError(404, 'not_found', 'No such message.');
    return c.html(
      page(
        mail.subject,
        `<p><a href="/dev/mail">← all messages</a></p>
<dl><dt>From</dt><dd>${escapeHtml(mail.from)}</dd><dt>To</dt><dd>${escapeHtml(mail.to)}</dd><dt>Subject</dt><dd>${escapeHtml(mail.subject)}</dd></dl>
<h2>HTML part</h2><iframe sandbox title="HTML part" srcdoc="${escapeHtml(mail.html ?? '')}"></iframe>
<h2>Text part</h2><pre>${escapeHtml(mail.text)}</pre>
<h2>Raw message</h2><pre>${escapeHtml(mail.raw)}</pre>`,
      ),
    );
  });
  return app;
}

function localOrAdmin(gate: AdminGate, trustedProxies: readonly string[]): MiddlewareHandler {
  return async function localOrAdmin(c, next) {
    const local = isLocalRequest(c, trustedProxies);
    const admin = gate.check(c) === true;
    // 404, not 403: the public should not learn that this exists.
    if (!local && !admin) throw new ApiHttpError(404, 'not_found', 'Not found.');
    await next();
  };
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;margin:2em auto;max-width:960px;padding:0 1em}table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:4px 8px;border-bottom:1px solid #ddd}iframe{width:100%;height:480px;border:1px solid #ccc}pre{white-space:pre-wrap;background:#f6f6f6;padding:1em}</style>
</head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}
