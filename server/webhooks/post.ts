import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { checkedLookup, isPrivateAddress, privateTargetMessage, TargetRefused } from './target';

// One POST of a webhook: 10 s for the whole exchange, no redirects followed (a 3xx is an answer
// like any other), the connection pinned to the address the target check approved.

export const WEBHOOK_TIMEOUT_MS = 10_000;
/** How much of an answer's body is kept for the delivery's last error. */
const KEEP_BODY_CHARS = 200;

export interface PostAnswer {
  status: number;
  /** The start of the answer's body, for the last error. */
  body: string;
}

export function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  opts: { allowPrivate: boolean; signal?: AbortSignal; timeoutMs?: number },
): Promise<PostAnswer> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  // An address in the url itself is never looked up: check it here.
  if (isIP(host) && !opts.allowPrivate && isPrivateAddress(host)) return Promise.reject(new TargetRefused(privateTargetMessage(host, host)));
  const signals = [AbortSignal.timeout(opts.timeoutMs ?? WEBHOOK_TIMEOUT_MS), ...(opts.signal ? [opts.signal] : [])];
  const signal = AbortSignal.any(signals);
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'user-agent': 'Koers-Webhooks/1' },
        lookup: checkedLookup(opts.allowPrivate) as never,
        signal,
        agent: false, // a fresh connection each time: never one to an address checked earlier
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (text.length < KEEP_BODY_CHARS) text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text.slice(0, KEEP_BODY_CHARS) }));
        res.on('error', reject);
      },
    );
    req.on('error', (error) => {
      if (signal.aborted && !(opts.signal?.aborted)) reject(new Error(`no answer within ${(opts.timeoutMs ?? WEBHOOK_TIMEOUT_MS) / 1000} s`));
      else reject(error);
    });
    req.end(body);
  });
}
