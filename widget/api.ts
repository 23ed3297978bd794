import type { ApiError } from '../shared/api-error';
import type { FunnelCode } from '../shared/funnel-event';
import type { PublicForm } from '../shared/public-form';
import type { SubmissionAnswer, SubmissionInput } from '../shared/submission';

// fetch → a result object. Never throws: a network error, a non-JSON body or an error status
// all become { ok: false } so nothing reaches the host page (issue: "never throws into the host page").

/** status 0: no answer (offline, blocked); retry: a 429's Retry-After in seconds. */
export type Result<T> = { ok: true; data: T } | { ok: false; status: number; error?: ApiError['error']; retry?: number };

async function call<T>(url: string, body?: unknown): Promise<Result<T>> {
  try {
    const res = await fetch(url, {
      method: body ? 'POST' : 'GET',
      // No cookies, ever: the API needs none and the host page's are not ours.
      credentials: 'omit',
      headers: body ? { 'content-type': 'application/json' } : undefined,
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await res.json().catch(() => ({}));
    return res.ok ? { ok: true, data: json as T } : { ok: false, status: res.status, error: json.error, retry: +res.headers.get('retry-after')! };
  } catch {
    return { ok: false, status: 0 };
  }
}

/** What the host page hears (koers:open, koers:step, koers:submitted): never personal data. */
export type HostDetail = { language?: string; step?: number; leadId?: string; tier?: string };

export const api = (origin: string, site: string, host: Element) => {
  const base = `${origin}/api/v1/sites/${encodeURIComponent(site)}`;
  const sent: Record<FunnelCode, 1 | undefined> = {} as never;
  /** A prefetched form and when it was asked for. */
  let held: readonly [Promise<Result<PublicForm>>, number] | undefined;
  return {
    /**
     * A funnel event (shared/funnel-event.ts), each at most once per page: a string body (no
     * preflight), no cookies, keepalive so it survives leaving the page, never an error.
     */
    ev: (e: FunnelCode, l?: string, x?: HostDetail) => {
      if (sent[e]) return;
      sent[e] = 1;
      fetch(`${base}/events`, { method: 'POST', body: JSON.stringify({ e, l }), keepalive: true, credentials: 'omit' }).catch(() => 0);
      // The same moments for the host page's analytics (shown is not one): a DOM event on the
      // widget's element that bubbles to window, and a push where the page has a dataLayer.
      if (e === 's') return;
      const type = `koers:${e === 'o' ? 'open' : e === 'd' ? 'submitted' : 'step'}`;
      const detail: HostDetail = { language: l, ...(+e ? { step: +e } : x) };
      host.dispatchEvent(new CustomEvent(type, { bubbles: true, detail }));
      (window as { dataLayer?: { push?(x: unknown): void } }).dataLayer?.push?.({ event: type, ...detail });
    },
    /**
     * The form, and when it was asked for (its token's "shown at"). `keep`: a prefetch (the
     * launcher, on idle or hover), handed to the next call if it is under an hour old.
     */
    form: (lang?: string, keep?: 1) => {
      const f = held && Date.now() - held[1] < 36e5 ? held : ([call<PublicForm>(`${base}/form${lang ? `?lang=${lang}` : ''}`), Date.now()] as const);
      held = keep && f;
      return f;
    },
    submit: (s: SubmissionInput) => call<SubmissionAnswer>(`${base}/leads`, s),
  };
};
export type Api = ReturnType<typeof api>;
