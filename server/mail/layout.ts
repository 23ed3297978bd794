import { z } from 'zod';
import { escapeHtml } from './escape';

// One document model rendered twice: the text part and the (escaped) HTML part of every mail.
// The mailer renders it when sending. A 'mail' job (hand-overs, rep actions) stores the model in
// the outbox, so what it says is fixed when it is queued; a new lead's two mails are composed
// from the stored lead when sent (server/leads/lead-mail-job.ts).

export const blockSchema = z.strictObject({
  heading: z.string().optional(),
  /** Label/value rows; a value may span lines. */
  rows: z.array(z.tuple([z.string(), z.string()])).optional(),
  /** Plain paragraphs. */
  lines: z.array(z.string()).optional(),
  /** Links shown as buttons in HTML, as "label: url" in text. */
  links: z.array(z.strictObject({ label: z.string(), href: z.string() })).optional(),
  /** Highlighted in HTML (a warning or the key fact). */
  strong: z.boolean().optional(),
});
export type Block = z.infer<typeof blockSchema>;

export function renderText(title: string, blocks: Block[]): string {
  const out: string[] = [title, '='.repeat(Math.min(title.length, 72)), ''];
  for (const b of blocks) {
    if (b.heading) out.push(b.heading, '-'.repeat(Math.min(b.heading.length, 72)));
    for (const line of b.lines ?? []) out.push(line);
    for (const [label, value] of b.rows ?? []) out.push(`${label}: ${value.replace(/\n/g, '\n  ')}`);
    for (const l of b.links ?? []) out.push(`${l.label}: ${l.href}`);
    out.push('');
  }
  return out.join('\n');
}

export function renderHtml(title: string, blocks: Block[]): string {
  const body = blocks
    .map((b) => {
      const parts: string[] = [];
      if (b.heading) parts.push(`<h2 style="font-size:16px;margin:20px 0 8px">${escapeHtml(b.heading)}</h2>`);
      for (const line of b.lines ?? []) {
        const style = b.strong ? ' style="font-weight:bold;color:#8a1c00"' : '';
        parts.push(`<p${style}>${multiline(line)}</p>`);
      }
      if (b.rows?.length) {
        const rows = b.rows
          .map(
            ([label, value]) =>
              `<tr><th align="left" valign="top" style="padding:2px 12px 2px 0;font-weight:600">${escapeHtml(label)}</th><td style="padding:2px 0">${multiline(value)}</td></tr>`,
          )
          .join('');
        parts.push(`<table role="presentation" style="border-collapse:collapse">${rows}</table>`);
      }
      if (b.links?.length) {
        const links = b.links
          .map(
            (l) =>
              `<a href="${escapeHtml(l.href)}" style="display:inline-block;margin:4px 8px 4px 0;padding:8px 14px;background:#0b5394;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(l.label)}</a>`,
          )
          .join('');
        parts.push(`<p>${links}</p>`);
      }
      return parts.join('\n');
    })
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body style="font-family:Arial,sans-serif;font-size:14px;line-height:1.5;color:#1a1a1a;max-width:640px"><h1 style="font-size:20px">${escapeHtml(title)}</h1>\n${body}\n</body></html>`;
}

function multiline(text: string): string {
  return escapeHtml(text).replace(/\n/g, '<br>');
}
