import nodemailer from 'nodemailer';
import type { Mailer } from './message';
import { toNodemailer } from './nodemailer-message';

/** Sends over SMTP_URL with pooled connections (smtp://user:pass@host:port, smtps:// for TLS). */
export function smtpMailer(url: string): Mailer {
  const transport = nodemailer.createTransport(url, { pool: true, maxConnections: 4 } as never);
  return {
    async send(message) {
      await transport.sendMail(toNodemailer(message));
    },
    close: () => transport.close(),
  };
}
