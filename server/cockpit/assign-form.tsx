/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Context } from 'hono';
import { eq } from 'drizzle-orm';
import type { VendorConfig } from '../../shared/config';
import { leads } from '../db/schema';
import { MAX_REASON } from '../leads/rep-action';
import type { AssignResult } from './assign';
import type { CockpitDeps, CockpitEnv } from './cockpit-deps';
import { OPEN_STATUSES } from './filters';
import { notFoundPage } from './inbox-actions';
import { CsrfField, renderPage } from './layout';
import { leadPageTexts } from './lead-page-texts';
import type { Viewer } from './people';
import { canSeeLead } from './scope';

// Assign by hand, on the lead page (managers only): the form and its POST. The write is
// cockpit/assign.ts ('cockpit-assign'); a rep posting it gets 403 and nothing changes.

export function AssignForm(p: { viewer: Viewer; config: VendorConfig; lead: { id: string; repId: string | null; status: string }; csrf: string; error?: string; reason?: string }) {
  if (p.viewer.role !== 'manager') return null;
  const t = leadPageTexts[p.viewer.language].assign;
  if (!(OPEN_STATUSES as readonly string[]).includes(p.lead.status)) {
    return (
      <section aria-labelledby="assign-title">
        <h2 id="assign-title">{t.title}</h2>
        <p class="muted">{t.closed}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="assign-title">
      <h2 id="assign-title">{t.title}</h2>
      <p>{p.lead.repId ? t.introMove : t.introUnassigned}</p>
      {p.error && (
        <p class="error" role="alert">
          {p.error}
        </p>
      )}
      <form method="post" action={`/app/leads/${encodeURIComponent(p.lead.id)}/assign`}>
        <CsrfField token={p.csrf} />
        <label for="assign-rep">{t.rep}</label>
        <select id="assign-rep" name="rep" required>
          <option value="">{t.choose}</option>
          {p.config.reps
            .filter((r) => r.id !== p.lead.repId)
            .map((r) => (
              <option value={r.id}>{r.name}</option>
            ))}
        </select>
        <label for="assign-reason">{t.reason}</label>
        <textarea id="assign-reason" name="reason" required maxlength={MAX_REASON}>
          {p.reason ?? ''}
        </textarea>
        <p>
          <button type="submit">{t.button}</button>
        </p>
      </form>
    </section>
  );
}

/** POST /app/leads/:id/assign. */
export async function assignAction(c: Context<CockpitEnv>, deps: CockpitDeps) {
  const viewer = c.get('viewer');
  const leadId = c.req.param('id') ?? '';
  const lead = deps.db.select({ id: leads.id, repId: leads.repId, teamId: leads.teamId, status: leads.status }).from(leads).where(eq(leads.id, leadId)).get();
  if (!lead || !canSeeLead(viewer, lead)) return notFoundPage(c);
  const t = leadPageTexts[viewer.language].assign;
  const form = await c.req.parseBody();
  const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');
  const result: AssignResult =
    viewer.role === 'manager'
      ? await deps.writer('cockpit-assign', { leadId, repId: field('rep'), reason: field('reason'), by: viewer.email })
      : { done: false, problem: 'not-allowed' };
  if (result.done) {
    deps.onLeadStored?.(); // the lead mail is in the outbox
    return c.redirect(`/app/leads/${encodeURIComponent(leadId)}?assigned=${encodeURIComponent(result.repId)}`, 303);
  }
  const status = result.problem === 'not-allowed' ? 403 : result.problem === 'gone' ? 404 : result.problem === 'reason-required' || result.problem === 'unknown-rep' ? 422 : 409;
  const retry = status === 422 && <AssignForm viewer={viewer} config={deps.config} lead={lead} csrf={c.get('csrf')} error={t.problems[result.problem]} reason={field('reason')} />;
  return c.html(
    renderPage({
      language: viewer.language,
      title: t.title,
      viewer,
      csrf: c.get('csrf'),
      children: (
        <>
          {!retry && <p class="note">{t.problems[result.problem]}</p>}
          {retry}
          <p>
            <a href={`/app/leads/${encodeURIComponent(leadId)}`}>{leadPageTexts[viewer.language].back}</a>
          </p>
        </>
      ),
    }),
    status,
  );
}
