import nodemailer from 'nodemailer';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { devMail } from '../db/schema';
import type { Mailer } from './message';
import { toNodemailer } from './nodemailer-message';

/**
 * Without SMTP_URL: builds the real MIME message and keeps it in the database, readable at
 * /dev/mail. Nothing leaves the machine.
 */
export function devOutboxMailer(db: Db, clock: Clock): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(message) {
      const mail = toNodemailer(message);
      const info = await transport.sendMail(mail);
      db.insert(devMail)
        .values({
          at: clock.now(),
          from: message.from,
          to: message.to.map((a) => a.address).join(', '),
          subject: message.subject,
          text: String(mail.text),
          html: String(mail.html),
          raw: (info.message as Buffer).toString('utf8'),
        })
        .run();
    },
  };
}
