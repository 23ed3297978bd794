import type { VendorConfig } from '../../shared/config';
import { webhookEndpointId } from '../../shared/webhook-endpoint-id';

// Each webhook's signing secret lives in the environment variable its config names (never in the
// config file or the database). main.ts resolves them at start and on a reload: Standard Webhooks
// secrets are "whsec_" + base64, and the HMAC key is the decoded bytes.

/** Endpoint id (shared/webhook-endpoint-id.ts) → its HMAC key (the decoded secret). */
export type WebhookKeys = Record<string, Uint8Array>;

const MIN_KEY_BYTES = 24;
const MAX_KEY_BYTES = 64;

/** The key bytes of a "whsec_…" secret, or why it is not one. */
export function decodeWebhookSecret(secret: string): { key: Uint8Array } | { problem: string } {
  if (!secret.startsWith('whsec_')) return { problem: 'does not start with "whsec_"' };
  const base64 = secret.slice('whsec_'.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || base64.length % 4 !== 0) return { problem: 'is not "whsec_" followed by base64' };
  const key = Buffer.from(base64, 'base64');
  if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) return { problem: `decodes to ${key.length} bytes; use ${MIN_KEY_BYTES} to ${MAX_KEY_BYTES}` };
  return { key: new Uint8Array(key) };
}

/** Reads every webhook's secret; each problem names its config path, like the sites' API keys. */
export function resolveWebhookKeys(config: Pick<VendorConfig, 'webhooks'>, env: Record<string, string | undefined>): { ok: true; keys: WebhookKeys } | { ok: false; problems: string[] } {
  const keys: WebhookKeys = {};
  const problems: string[] = [];
  (config.webhooks ?? []).forEach((hook, i) => {
    const path = `webhooks[${i}].secretEnv`;
    const secret = env[hook.secretEnv];
    if (!secret) {
      problems.push(`${path}: the environment variable ${hook.secretEnv} is not set (it holds the signing secret of the webhook to ${hook.url}; make one with \`echo whsec_$(openssl rand -base64 32)\`)`);
      return;
    }
    const decoded = decodeWebhookSecret(secret);
    if ('problem' in decoded) problems.push(`${path}: ${hook.secretEnv} ${decoded.problem}; make one with \`echo whsec_$(openssl rand -base64 32)\``);
    else keys[webhookEndpointId(hook)] = decoded.key;
  });
  return problems.length ? { ok: false, problems } : { ok: true, keys };
}
