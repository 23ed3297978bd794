import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A real HTTP receiver on loopback for webhook tests. It checks every delivery's signature by the
// Standard Webhooks rules, written here by hand with node:crypto (independent of server/webhooks/):
// HMAC-SHA256 over `id.timestamp.body`, keyed with the base64-decoded part after "whsec_".

export interface Delivery {
  id: string;
  timestamp: number;
  signatureOk: boolean;
  headers: IncomingHttpHeaders;
  body: { type: string; timestamp: string; data: any };
  raw: string;
}

/** What to answer: a status, or 'hang' (read the request, never answer). */
export type Answer = number | 'hang';

export async function startWebhookReceiver(secret: string, answers: Answer[] = []) {
  const deliveries: Delivery[] = [];
  /** Every request, answered or not, in arrival order. */
  const requests: Delivery[] = [];
  const hanging: ServerResponse[] = [];
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const verify = (headers: IncomingHttpHeaders, raw: string) => {
    const id = String(headers['webhook-id']);
    const timestamp = String(headers['webhook-timestamp']);
    const expected = Buffer.from(createHmac('sha256', key).update(`${id}.${timestamp}.${raw}`).digest('base64'));
    // The header may list several signatures, space-separated, each "v1,<base64>".
    return String(headers['webhook-signature'] ?? '')
      .split(' ')
      .some((s) => {
        const [version, sig] = s.split(',');
        const given = Buffer.from(sig ?? '');
        return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
      });
  };
  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (raw += c));
    req.on('end', () => {
      const d: Delivery = {
        id: String(req.headers['webhook-id']),
        timestamp: Number(req.headers['webhook-timestamp']),
        signatureOk: verify(req.headers, raw),
        headers: req.headers,
        body: JSON.parse(raw),
        raw,
      };
      requests.push(d);
      const answer = answers.shift() ?? 200;
      if (answer === 'hang') {
        hanging.push(res);
        return;
      }
      if (answer >= 200 && answer < 300) deliveries.push(d);
      res.writeHead(answer, { 'content-type': 'text/plain' }).end(answer >= 300 ? `no (${answer})` : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    port,
    deliveries,
    requests,
    answers,
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
