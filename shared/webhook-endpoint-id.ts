// A webhook endpoint's id: its `id` in the config, else one made from its url ("wh-" + FNV-1a of
// the url's UTF-8 bytes, 8 hex digits). The admin API, the stored deliveries and an endpoint's
// disabled state name it by this id, so reordering or inserting webhooks in the config changes
// nothing; an explicit `id` also survives a change of url.

export function webhookEndpointId(hook: { id?: string; url: string }): string {
  if (hook.id) return hook.id;
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(hook.url)) h = Math.imul(h ^ byte, 0x01000193);
  return `wh-${(h >>> 0).toString(16).padStart(8, '0')}`;
}
