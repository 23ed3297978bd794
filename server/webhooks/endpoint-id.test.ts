import { describe, expect, it } from 'vitest';
import { webhookEndpointId } from '../../shared/webhook-endpoint-id';
import { exampleConfigJson } from '../../test/support/fixtures';
import { parseConfig } from '../config/load-config';

describe('webhook endpoint ids', () => {
  it('is the config\'s id, else one made from the url alone (the same wherever the webhook sits in the list)', () => {
    expect(webhookEndpointId({ id: 'crm', url: 'https://hooks.example.com/a' })).toBe('crm');
    const made = webhookEndpointId({ url: 'https://hooks.example.com/a' });
    expect(made).toMatch(/^wh-[0-9a-f]{8}$/);
    expect(webhookEndpointId({ url: 'https://hooks.example.com/a' })).toBe(made);
    expect(webhookEndpointId({ url: 'https://hooks.example.com/b' })).not.toBe(made);
  });

  it('the config check refuses two webhooks with one id, explicit or made from a url', () => {
    const withHooks = (hooks: object[]) => {
      const json = exampleConfigJson();
      json.webhooks = hooks.map((h) => ({ events: ['*'], secretEnv: 'HOOK', ...h }));
      return parseConfig(json);
    };
    expect(withHooks([{ id: 'crm', url: 'https://a.example/h' }, { id: 'slack', url: 'https://b.example/h' }, { url: 'https://c.example/h' }]).ok).toBe(true);
    expect(withHooks([{ id: 'crm', url: 'https://a.example/h' }, { id: 'crm', url: 'https://b.example/h' }])).toEqual({
      ok: false,
      problems: ['webhooks[1].id: duplicate webhook id "crm" (also webhooks[0]); give each webhook its own "id"'],
    });
    const made = webhookEndpointId({ url: 'https://a.example/h' });
    expect(withHooks([{ url: 'https://a.example/h' }, { id: made, url: 'https://b.example/h' }])).toMatchObject({ problems: [`webhooks[1].id: duplicate webhook id "${made}" (also webhooks[0]); give each webhook its own "id"`] });
    // The same url twice is one problem, said once.
    expect(withHooks([{ url: 'https://a.example/h' }, { url: 'https://a.example/h' }])).toEqual({ ok: false, problems: [expect.stringContaining('two webhooks have the same url')] });
    expect(withHooks([{ id: 'Not An Id', url: 'https://a.example/h' }])).toMatchObject({ problems: [expect.stringMatching(/^webhooks\[0\]\.id: /)] });
  });
});
