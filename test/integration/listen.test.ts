import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { describe, expect, it, onTestFinished } from 'vitest';
import { SERVER_TIMEOUTS } from '../../server/http/server-timeouts';
import { startServer } from '../support/server-process';

// Issue 9, security review items 7 and 15: the server listens on loopback unless HOST says
// otherwise, and a client that sends its request slowly (slowloris) is cut off.

const dir = () => `${process.env.TMPDIR ?? '/tmp'}/koers-listen-${process.pid}-${Math.random().toString(36).slice(2)}`;

/** The first IPv4 address of this machine that is not loopback, if it has one. */
function lanAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

describe('listening', () => {
  it('on 127.0.0.1 by default, on every interface with HOST=0.0.0.0', async () => {
    const local = await startServer({ DATABASE_PATH: `${dir()}.db` });
    onTestFinished(() => void local.stop());
    expect(local.output()).toContain('(127.0.0.1 port');
    expect(await canConnect('127.0.0.1', local.port)).toBe(true);
    const lan = lanAddress();
    if (lan) expect(await canConnect(lan, local.port)).toBe(false);

    const all = await startServer({ DATABASE_PATH: `${dir()}.db`, HOST: '0.0.0.0' });
    onTestFinished(() => void all.stop());
    expect(all.output()).toContain('(0.0.0.0 port');
    if (lan) expect(await canConnect(lan, all.port)).toBe(true);
  });

  it('closes a connection whose headers never finish', async () => {
    const server = await startServer({ DATABASE_PATH: `${dir()}.db` });
    onTestFinished(() => void server.stop());
    const socket = connect({ host: '127.0.0.1', port: server.port });
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write('POST /api/v1/sites/zeilmaker-web/leads HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    const started = Date.now();
    // Node answers 408 and closes once headersTimeout has passed (checked every connectionsCheckingInterval).
    const answer = await new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (d) => (text += d));
      socket.once('close', () => resolve(text));
      setTimeout(() => (socket.destroy(), resolve(`still open after 30 s: ${text}`)), 30_000).unref();
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(SERVER_TIMEOUTS.headersTimeout - SERVER_TIMEOUTS.connectionsCheckingInterval);
  }, 40_000);
});
