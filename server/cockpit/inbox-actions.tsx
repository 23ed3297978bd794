/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Context } from 'hono';
import { eq } from 'drizzle-orm';
import { leads } from '../db/schema';
import { MAX_REASON } from '../leads/rep-action';
import { repActionTexts } from '../routes/rep-action-texts';
import type { OneClickAction } from '../security/action-links';
import type { CockpitDeps, CockpitEnv } from './cockpit-deps';
import { inboxTexts, type DoneNotice } from './inbox-texts';
import { CsrfField, renderPage } from './layout';
import type { Viewer } from './people';
import { canSeeLead } from './scope';
import { cockpitTexts } from './texts';

// Accept / pass on / not a fit from the cockpit: plain POST forms with the CSRF token (keyboard
// and no-script friendly), the same write as the mail's links (leads/rep-action.ts
// performLeadAction, 'cockpit-lead-action'). A rep acts only on a lead that is theirs now, or
// takes an unassigned one of their team; anything else changes nothing.

type LeadFacts = { id: string; repId: string | null; teamId: string | null; status: string };

/** Which actions the viewer has on the lead now. */
export function actionsFor(viewer: Viewer, lead: LeadFacts): { accept?: 'accept' | 'take'; pass: boolean; notAFit: boolean } {
  if (!viewer.repId) return { pass: false, notAFit: false };
  const mine = lead.repId === viewer.repId && (lead.status === 'assigned' || lead.status === 'accepted');
  const take = lead.status === 'unassigned' && lead.teamId !== null && viewer.teamIds.includes(lead.teamId);
  return {
    ...(mine && lead.status === 'assigned' ? { accept: 'accept' as const } : take ? { accept: 'take' as const } : {}),
    pass: mine,
    notAFit: mine,
  };
}

/** The action forms of one lead (nothing when the viewer has none). */
export function ActionForms(p: { viewer: Viewer; lead: LeadFacts; csrf: string; label: string }) {
  const t = inboxTexts[p.viewer.language];
  const may = actionsFor(p.viewer, p.lead);
  if (!may.accept && !may.pass) return null;
  const action = (name: OneClickAction) => `/app/leads/${encodeURIComponent(p.lead.id)}/${name}`;
  const id = (name: string) => `${name}-${p.lead.id}`;
  return (
    <div class="actions" role="group" aria-label={`${t.actions}: ${p.label}`}>
      {may.accept && (
        <form method="post" action={action('accept')}>
          <CsrfField token={p.csrf} />
          <button type="submit">{may.accept === 'take' ? t.take : t.accept}</button>
        </form>
      )}
      {may.pass && (
        <details>
          <summary>{t.pass}</summary>
          <form method="post" action={action('pass')}>
            <CsrfField token={p.csrf} />
            <label for={id('pass')}>{t.passReason}</label>
            <textarea id={id('pass')} name="reason" maxlength={MAX_REASON}></textarea>
            <button type="submit" class="secondary">
              {t.pass}
            </button>
          </form>
        </details>
      )}
      {may.notAFit && (
        <details>
          <summary>{t.notAFit}</summary>
          <NotAFitForm viewer={p.viewer} leadId={p.lead.id} csrf={p.csrf} />
        </details>
      )}
    </div>
  );
}

function NotAFitForm(p: { viewer: Viewer; leadId: string; csrf: string; error?: string }) {
  const t = inboxTexts[p.viewer.language];
  const id = `not-a-fit-${p.leadId}`;
  return (
    <form method="post" action={`/app/leads/${encodeURIComponent(p.leadId)}/not-a-fit`}>
      <CsrfField token={p.csrf} />
      <label for={id}>{t.notAFitReason}</label>
      {p.error && (
        <p class="error" role="alert" id={`${id}-error`}>
          {p.error}
        </p>
      )}
      <textarea id={id} name="reason" required maxlength={MAX_REASON} aria-describedby={p.error ? `${id}-error` : undefined}></textarea>
      <button type="submit" class="secondary">
        {t.notAFit}
      </button>
    </form>
  );
}

/** The cockpit's 404 page (an unknown lead and one the viewer may not see look the same). */
export function notFoundPage(c: Context<CockpitEnv>) {
  const viewer = c.get('viewer');
  const t = cockpitTexts[viewer.language];
  return c.html(renderPage({ language: viewer.language, title: t.notFoundTitle, viewer, csrf: c.get('csrf'), children: <p class="note">{t.notFound}</p> }), 404);
}

/** POST /app/leads/:id/{accept|pass|not-a-fit}. */
export async function leadAction(c: Context<CockpitEnv>, deps: CockpitDeps, action: OneClickAction) {
  const viewer = c.get('viewer');
  const leadId = c.req.param('id') ?? '';
  const lead = deps.db.select({ id: leads.id, repId: leads.repId, teamId: leads.teamId, status: leads.status }).from(leads).where(eq(leads.id, leadId)).get();
  if (!lead || !canSeeLead(viewer, lead)) return notFoundPage(c);
  const t = inboxTexts[viewer.language];
  const message = (title: string, text: string, status: 409 | 404 | 422, extra?: unknown) =>
    c.html(
      renderPage({
        language: viewer.language,
        title,
        viewer,
        csrf: c.get('csrf'),
        current: 'inbox',
        children: (
          <>
            <p class="note">{text}</p>
            {extra}
            <p>
              <a href="/app/inbox">{t.back}</a>
            </p>
          </>
        ),
      }),
      status,
    );
  const stale = repActionTexts[viewer.language].stale;
  if (!viewer.repId) return message(t.nothingDone, stale['not-yours'], 409);
  const form = await c.req.parseBody();
  const reason = typeof form.reason === 'string' ? form.reason : undefined;
  const result = await deps.writer('cockpit-lead-action', { leadId, repId: viewer.repId, action, reason });
  if ('invalid' in result) {
    return message(t.notAFit, t.reasonRequired, 422, <NotAFitForm viewer={viewer} leadId={leadId} csrf={c.get('csrf')} error={t.reasonRequired} />);
  }
  if ('standing' in result) {
    const why = result.standing.why;
    return message(t.nothingDone, stale[why], why === 'gone' ? 404 : 409);
  }
  if (result.action === 'pass') deps.onLeadStored?.(); // the hand-over mails are in the outbox
  const done: DoneNotice = result.action === 'accept' ? (result.took ? 'take' : 'accept') : result.action === 'pass' ? (result.newRepId ? 'pass' : 'passNobody') : 'not-a-fit';
  return c.redirect(`/app/inbox?done=${done}`, 303);
}
