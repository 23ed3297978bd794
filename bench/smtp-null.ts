import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

// An SMTP server that accepts and counts every mail without parsing it: the outbox worker sends
// real mail over real SMTP during the load, as in production, at the least cost to the machine.

export async function startNullSmtp() {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received: () => received,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
