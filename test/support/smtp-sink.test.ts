import { connect } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from './smtp-sink';
import { until } from './until';

// The crash proof kills a server that may be mid-transaction with the sink. smtp-server re-emits
// such a reset as an 'error' event; the sink must record it, not throw it into the test runner.

let sink: SmtpSink | undefined;
afterEach(() => sink?.close());

it('records a client reset in the middle of a mail transaction instead of throwing', async () => {
  sink = await startSmtpSink();
  const socket = connect(sink.port, '127.0.0.1');
  await new Promise((resolve) => socket.once('data', resolve));
  socket.write('EHLO killed.example\r\nMAIL FROM:<server@koers.example>\r\n');
  await new Promise((resolve) => setTimeout(resolve, 100));
  socket.resetAndDestroy();
  const s = sink;
  await until(() => s.connectionErrors.length > 0, 5_000, 'the reset to reach the sink');
  expect(s.connectionErrors.map((e) => (e as NodeJS.ErrnoException).code)).toEqual(['ECONNRESET']);
});
