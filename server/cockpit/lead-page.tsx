/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { raw } from 'hono/html';
import { eq } from 'drizzle-orm';
import type { Language } from '../../shared/localized';
import type { VendorConfig } from '../../shared/config';
import { applyChanges, shownProcess } from '../agreement/agreed-process';
import { agreedProcessLines } from '../agreement/agreement-texts';
import { agreementView, processAsItStands } from '../agreement/rep-answer-view';
import { turnsOf } from '../agreement/turns';
import type { Db } from '../db/open';
import { leads } from '../db/schema';
import { leadHistory } from '../leads/lead-history';
import { currentDeadline } from '../leads/sla';
import type { Block } from '../mail/layout';
import { repLeadMail, type LeadRow } from '../mail/rep-lead';
import { mailTexts } from '../mail/texts';
import { formatDateTime } from '../mail/times';
import { historyList } from '../routes/rep-action-page';
import { repActionTexts } from '../routes/rep-action-texts';
import { AssignForm, assignAction } from './assign-form';
import type { CockpitDeps, CockpitEnv } from './cockpit-deps';
import { filterProblems } from './filter-page';
import { ActionForms, leadAction, notFoundPage } from './inbox-actions';
import { urgency } from './inbox';
import { inboxTexts } from './inbox-texts';
import { renderPage } from './layout';
import { leadPageTexts } from './lead-page-texts';
import type { Viewer } from './people';
import { canSeeLead } from './scope';

// The lead at /app/leads/:id: where it stands and what the viewer can do (the inbox's actions, a
// manager's assign by hand), then everything the rep mail says — contact, every answer with the
// vendor's labels, the buying committee, the score explanation, page and UTM (the mail's own
// blocks, one implementation) — the process agreement with its turns, and the full history (the
// link pages' rendering). A lead the viewer may not see is the same 404 as an unknown id.

/** The rep mail's sections about the lead (not its notes, links or the English routing summary). */
function leadBlocks(lead: LeadRow, config: VendorConfig, language: Language, db: Db): Block[] {
  const t = mailTexts[language];
  const mail = repLeadMail({ lead, config, language, to: { address: config.vendor.replyTo }, agreement: agreementView(config, lead, db) });
  const keep = [t.contact, t.whereTheyStand, t.stakeholders, t.context];
  return mail.blocks.filter((b) => b.heading && (keep.includes(b.heading) || b.heading.startsWith(`${t.score}:`)));
}

function BlockSection({ block, index }: { block: Block; index: number }) {
  const id = `section-${index}`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{block.heading}</h2>
      {(block.lines ?? []).map((line) => (
        <p>{line}</p>
      ))}
      {block.rows?.length ? (
        <div class="table-wrap">
          <table>
            <tbody>
              {block.rows.map(([label, value]) => (
                <tr>
                  <th scope="row">{label}</th>
                  <td class="pre">{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function Agreement({ lead, config, db, language }: { lead: LeadRow; config: VendorConfig; db: Db; language: Language }) {
  const t = leadPageTexts[language];
  const turnNames = repActionTexts[language].agreementTurns;
  const turns = turnsOf(db, lead.id);
  const shown = shownProcess(db, config, lead).steps;
  const rep = (id: string | null) => config.reps.find((r) => r.id === id)?.name ?? id ?? '';
  return (
    <section aria-labelledby="agreement-title">
      <h2 id="agreement-title">{t.agreement}</h2>
      <p>{t.agreementState[lead.agreementState]}</p>
      <h3>{t.processNow}</h3>
      <ul class="plain">
        {agreedProcessLines(processAsItStands(db, config, lead), language).map((line) => (
          <li>{line}</li>
        ))}
      </ul>
      <h3>{t.turns}</h3>
      {turns.length === 0 ? (
        <p class="muted">{t.noTurns}</p>
      ) : (
        <ol>
          {turns.map((turn) => (
            <li>
              <small>{formatDateTime(turn.at, config.vendor.timeZone, language)}</small> <strong>{turnNames[turn.kind] ?? turn.kind}</strong> — {turn.by === 'rep' ? rep(turn.repId) : t.byProspect}
              {turn.text && (
                <p>
                  {t.words}: “{turn.text}”
                </p>
              )}
              {(turn.kind === 'proposal' || turn.kind === 'counter') && (
                <details>
                  <summary>{t.turnSteps}</summary>
                  <ul class="plain">
                    {agreedProcessLines(applyChanges(shown, turn.changes), language).map((line) => (
                      <li>{line}</li>
                    ))}
                  </ul>
                </details>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function LeadPage(p: { lead: LeadRow; viewer: Viewer; csrf: string; deps: CockpitDeps; notice?: string }) {
  const { lead, viewer, deps } = p;
  const { language } = viewer;
  const config = deps.config;
  const t = leadPageTexts[language];
  const it = inboxTexts[language];
  const history = leadHistory(deps.db, lead.id);
  const d = currentDeadline(config, lead, history);
  const due = urgency({ ...lead, assignedAt: d?.assignedAt ?? null, ...(d ? { deadline: d.assignedAt + d.minutes * 60_000 } : {}) }, deps.clock.now(), language);
  const rep = lead.repId ? (config.reps.find((r) => r.id === lead.repId)?.name ?? lead.repId) : t.nobody;
  const team = config.teams.find((x) => x.id === lead.teamId)?.name;
  const label = it.open(lead.contactName, lead.company);
  return (
    <>
      {p.notice && (
        <p class="note" role="status">
          {p.notice}
        </p>
      )}
      <dl>
        <dt>{t.status}</dt>
        <dd>{it.status[lead.status] ?? lead.status}</dd>
        {(lead.status === 'assigned' || lead.status === 'unassigned') && (
          <>
            <dt>{t.deadline}</dt>
            <dd class={due.overdue ? 'risk' : ''}>{due.text}</dd>
          </>
        )}
        <dt>{t.rep}</dt>
        <dd>{rep}</dd>
        {team && (
          <>
            <dt>{t.team}</dt>
            <dd>{team}</dd>
          </>
        )}
        <dt>{it.received}</dt>
        <dd>{formatDateTime(lead.createdAt, config.vendor.timeZone, language)}</dd>
      </dl>
      {lead.noDecisionRisk && <p class="risk">{mailTexts[language].noDecisionRisk}</p>}
      <ActionForms viewer={viewer} lead={lead} csrf={p.csrf} label={label} />
      <AssignForm viewer={viewer} config={config} lead={lead} csrf={p.csrf} />
      {leadBlocks(lead, config, language, deps.db).map((block, index) => (
        <BlockSection block={block} index={index} />
      ))}
      <Agreement lead={lead} config={config} db={deps.db} language={language} />
      <section class="history">{raw(historyList(language, history, config))}</section>
    </>
  );
}

export function leadPageRoutes(deps: CockpitDeps) {
  const app = new Hono<CockpitEnv>();
  app.get('/:id', (c) => {
    const viewer = c.get('viewer');
    const lead = deps.db.select().from(leads).where(eq(leads.id, c.req.param('id'))).get();
    if (!lead || !canSeeLead(viewer, lead)) return notFoundPage(c);
    // The one parameter this page takes: the rep a manager just assigned it to (the notice).
    const spec = { config: deps.config, filters: [] as const, others: ['assigned'] };
    const unknown = Object.keys(c.req.query()).filter((k) => k !== 'assigned');
    if (unknown.length) return filterProblems(c, unknown.map((name) => ({ name, problem: 'unknown-filter' as const, allowed: [] })), spec);
    const assigned = c.req.query('assigned');
    const assignedTo = assigned === undefined ? undefined : deps.config.reps.find((r) => r.id === assigned);
    if (assigned !== undefined && !assignedTo) {
      return filterProblems(c, [{ name: 'assigned', value: assigned, problem: 'unknown-value', allowed: deps.config.reps.map((r) => r.id) }], spec);
    }
    return c.html(
      renderPage({
        language: viewer.language,
        title: inboxTexts[viewer.language].open(lead.contactName, lead.company),
        viewer,
        csrf: c.get('csrf'),
        current: 'inbox',
        children: <LeadPage lead={lead} viewer={viewer} csrf={c.get('csrf')} deps={deps} notice={assignedTo && leadPageTexts[viewer.language].assign.done(assignedTo.name)} />,
      }),
    );
  });
  app.post('/:id/accept', (c) => leadAction(c, deps, 'accept'));
  app.post('/:id/pass', (c) => leadAction(c, deps, 'pass'));
  app.post('/:id/not-a-fit', (c) => leadAction(c, deps, 'not-a-fit'));
  app.post('/:id/assign', (c) => assignAction(c, deps));
  return app;
}
