import type { VendorConfig } from '../../shared/config';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import type { Log } from '../log';
import { JobGaveUp, type JobHandler, type RetryPolicy } from '../outbox/worker';
import { webhookBodyOf } from './compose';
import { webhookEndpointId } from '../../shared/webhook-endpoint-id';
import { disableEndpoint, disabledEndpoints, disabledState } from './endpoint-state';
import { postWebhook } from './post';
import type { WebhookJob } from './queue';
import type { WebhookKeys } from './secrets';
import { webhookHeaders } from './sign';
import { TargetRefused } from './target';

// The outbox handler of 'webhook' jobs: one POST of one event to one endpoint. 2xx: delivered.
// 410 Gone: the endpoint is disabled (kept in the database, said in the log) and the job gives up.
// Anything else (another status, a timeout, a refused connection): tried again with backoff.

/** Exponential backoff with jitter from 30 s up to 4 h between attempts, 16 attempts: dead after 14 to 28 hours. */
export const WEBHOOK_RETRY: RetryPolicy = { maxAttempts: 16, backoff: { baseMs: 30_000, capMs: 4 * 60 * 60_000 } };

export interface WebhookDeps {
  db: Db;
  config: Pick<VendorConfig, 'webhooks' | 'reps'>;
  clock: Clock;
  log: Log;
  /** Endpoint id → HMAC key (main.ts resolves them from the environment). */
  keys: WebhookKeys;
  /** Tests: a shorter timeout than WEBHOOK_TIMEOUT_MS. */
  timeoutMs?: number;
}

export function webhookHandler(deps: WebhookDeps): JobHandler {
  const handler: JobHandler = async (payload, job) => {
    const hook = payload as WebhookJob;
    // By id; a row queued before endpoints had ids names its endpoint by url.
    const endpoint = deps.config.webhooks?.find((h) => (hook.endpoint ? webhookEndpointId(h) === hook.endpoint : h.url === hook.url));
    if (!endpoint) throw new JobGaveUp(`not sent: webhook ${hook.endpoint ?? hook.url} is no longer in the config`);
    const target = { id: webhookEndpointId(endpoint), url: endpoint.url }; // its url now (an id keeps its deliveries across a new url)
    const disabled = disabledState(disabledEndpoints(deps.db), target);
    if (disabled) throw new JobGaveUp(`not sent: the endpoint is disabled (${disabled.reason})`);
    const key = deps.keys[target.id];
    if (!key) throw new Error(`no signing secret for this webhook (${endpoint.secretEnv} was not set when the server started)`);
    const body = webhookBodyOf(deps.db, deps.config, hook);
    if (body === undefined) return; // its lead was erased: nothing left to send
    let answer;
    try {
      answer = await postWebhook(target.url, body, webhookHeaders(key, hook.id, deps.clock.now(), body), {
        allowPrivate: endpoint.allowPrivateTarget ?? false,
        signal: job.signal,
        timeoutMs: deps.timeoutMs,
      });
    } catch (error) {
      if (error instanceof TargetRefused) {
        deps.log.warn('webhook target refused', { endpoint: target.id, url: target.url, error: error.message });
        throw new JobGaveUp(error.message);
      }
      throw error;
    }
    if (answer.status >= 200 && answer.status < 300) return;
    const said = `HTTP ${answer.status}${answer.body ? `: ${answer.body}` : ''}`;
    if (answer.status === 410) {
      const reason = `answered 410 Gone to ${hook.id}`;
      disableEndpoint(deps.db, target, { at: deps.clock.now(), reason });
      deps.log.warn(`webhook endpoint ${target.id} (${target.url}) answered 410 Gone: disabled, no more events are sent to it (enable it again with the admin API)`, { webhookId: hook.id });
      throw new JobGaveUp(`${said} (the endpoint is now disabled)`);
    }
    if (answer.status >= 300 && answer.status < 400) throw new Error(`${said} (redirects are not followed: configure the final url)`);
    throw new Error(said);
  };
  handler.retry = WEBHOOK_RETRY;
  return handler;
}
