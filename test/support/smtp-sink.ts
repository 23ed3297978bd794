import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

// A real SMTP server on loopback for tests: records every message with its envelope.
// `failWith` makes it answer every RCPT with that code (4xx: try later) until cleared.

export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  /** The SMTP connection it came over (smtp-server's session id): pooled mails share one. */
  connection: string;
  raw: string;
  parsed: ParsedMail;
}

export interface SmtpSink {
  port: number;
  url: string;
  messages: ReceivedMail[];
  /** Connection errors seen after start, e.g. a reset from a client process that was killed. */
  connectionErrors: Error[];
  /** Answer with this SMTP code until set back to undefined (e.g. 451). */
  failWith: number | undefined;
  /** Resolves when at least `count` messages have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

export async function startSmtpSink(port = 0): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const waiters: (() => void)[] = [];
  const sink: SmtpSink = {
    port: 0,
    url: '',
    messages,
    connectionErrors: [],
    failWith: undefined,
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > deadline) throw new Error(`SMTP sink: ${messages.length} of ${count} messages after ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return messages;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'], // its built-in certificate has expired; loopback only
    logger: false,
    // Senders keep pooled connections open: closing the sink ends them after this (default 30 s).
    closeTimeout: 200,
    onRcptTo(_address, _session, callback) {
      if (sink.failWith) {
        const err = Object.assign(new Error('Try again later (test sink)'), { responseCode: sink.failWith });
        return callback(err);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        const to = session.envelope.rcptTo.map((r) => r.address);
        messages.push({ envelope: { from, to }, connection: session.id, raw, parsed: await simpleParser(raw) });
        waiters.splice(0).forEach((w) => w());
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  // smtp-server re-emits every connection's socket error on the server; without a listener a
  // client killed mid-session (the crash proof's SIGKILL) would throw ECONNRESET into the runner.
  server.on('error', (err: Error) => sink.connectionErrors.push(err));
  sink.port = (server.server.address() as AddressInfo).port;
  sink.url = `smtp://127.0.0.1:${sink.port}`;
  return sink;
}
