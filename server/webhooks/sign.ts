import { createHmac } from 'node:crypto';

// Standard Webhooks signatures: `v1,` + base64 HMAC-SHA256 over `id.timestamp.body` with the
// secret's decoded bytes as key (https://www.standardwebhooks.com).

export function webhookSignature(key: Uint8Array, id: string, timestampSeconds: number, body: string): string {
  return `v1,${createHmac('sha256', key).update(`${id}.${timestampSeconds}.${body}`).digest('base64')}`;
}

/** The three headers of one delivery attempt; the timestamp is the attempt's, the id the event's. */
export function webhookHeaders(key: Uint8Array, id: string, nowMs: number, body: string): Record<string, string> {
  const timestamp = Math.floor(nowMs / 1000);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': webhookSignature(key, id, timestamp, body),
  };
}
