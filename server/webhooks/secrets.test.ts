import { describe, expect, it } from 'vitest';
import { exampleConfig } from '../../test/support/fixtures';
import { webhookEndpointId } from '../../shared/webhook-endpoint-id';
import { resolveWebhookKeys } from './secrets';
import { checkedLookup, isPrivateAddress, TargetRefused } from './target';

describe('webhook secrets', () => {
  const config = exampleConfig((c) => (c.webhooks = [{ url: 'https://hooks.example.com/a', events: ['*'], secretEnv: 'HOOK_A' }]));
  it('decodes whsec_ + base64 into the key bytes, keyed by the endpoint\'s id', () => {
    const bytes = Buffer.alloc(32, 7);
    const r = resolveWebhookKeys(config, { HOOK_A: `whsec_${bytes.toString('base64')}` });
    expect(r.ok && Buffer.from(r.keys[webhookEndpointId({ url: 'https://hooks.example.com/a' })]).equals(bytes)).toBe(true);
  });
  it('refuses a missing or malformed secret, naming the config path', () => {
    expect(resolveWebhookKeys(config, {})).toEqual({ ok: false, problems: [expect.stringMatching(/^webhooks\[0\]\.secretEnv: the environment variable HOOK_A is not set/)] });
    expect(resolveWebhookKeys(config, { HOOK_A: 'not-a-secret' })).toMatchObject({ problems: [expect.stringMatching(/^webhooks\[0\]\.secretEnv: HOOK_A does not start with "whsec_"/)] });
    expect(resolveWebhookKeys(config, { HOOK_A: 'whsec_%%%' })).toMatchObject({ problems: [expect.stringContaining('base64')] });
    expect(resolveWebhookKeys(config, { HOOK_A: `whsec_${Buffer.alloc(8).toString('base64')}` })).toMatchObject({ problems: [expect.stringContaining('decodes to 8 bytes')] });
  });
});

describe('webhook targets', () => {
  it('knows loopback, private and link-local addresses in both families', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '0.0.0.0', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:a9fe:a9fe']) expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ['93.184.216.34', '2606:4700::1111', '::ffff:93.184.216.34']) expect(isPrivateAddress(a), a).toBe(false);
  });
  it('refuses a name when any of its addresses is private, and hands the socket only checked addresses', async () => {
    const lookup = (answers: string[], allow = false) =>
      new Promise<unknown>((resolve, reject) =>
        checkedLookup(allow, (_h, cb) => cb(null, answers.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))))('hooks.example.com', { all: true }, (e, a) => (e ? reject(e) : resolve(a))),
      );
    await expect(lookup(['93.184.216.34', '127.0.0.1'])).rejects.toBeInstanceOf(TargetRefused);
    await expect(lookup(['93.184.216.34'])).resolves.toEqual([{ address: '93.184.216.34', family: 4 }]);
    await expect(lookup(['127.0.0.1'], true)).resolves.toEqual([{ address: '127.0.0.1', family: 4 }]);
  });
});

describe('webhook signature', () => {
  it('matches the Standard Webhooks specification\'s example', async () => {
    const { webhookHeaders } = await import('./sign');
    const key = Buffer.from('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'base64');
    const h = webhookHeaders(key, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330000, '{"test": 2432232314}');
    expect(h).toEqual({ 'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek', 'webhook-timestamp': '1614265330', 'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=' });
  });
});
