import type Mail from 'nodemailer/lib/mailer';
import { renderHtml, renderText } from './layout';
import type { MailMessage } from './message';

/** The nodemailer form of a stored message, rendered now. Addresses stay objects: nodemailer encodes names itself. */
export function toNodemailer(m: MailMessage): Mail.Options {
  return {
    from: m.from,
    to: m.to.map((a) => ({ name: a.name ?? '', address: a.address })),
    replyTo: m.replyTo ? { name: m.replyTo.name ?? '', address: m.replyTo.address } : undefined,
    subject: m.subject,
    text: renderText(m.title, m.blocks),
    html: renderHtml(m.title, m.blocks),
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}
