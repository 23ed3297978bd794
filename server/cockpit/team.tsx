/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { Hono, type Context } from 'hono';
import type { Language } from '../../shared/localized';
import type { OverrideProblem } from '../leads/rep-overrides';
import { formatDate, formatDateTime } from '../mail/times';
import type { CockpitDeps, CockpitEnv } from './cockpit-deps';
import { filterProblems } from './filter-page';
import { parseFilters } from './filters';
import { CsrfField, renderPage } from './layout';
import { TEAM_DAYS, teamRows, type RepNow, type TeamRow } from './team-data';
import { teamTexts } from './team-texts';
import { cockpitTexts } from './texts';

// /app/team (managers only; anyone else 404): per rep the last 30 days (assigned, accepted,
// median time to accept, missed deadlines) and whether they take leads now; a manager sets a rep
// inactive or away over the config, or hands a leaving rep's open leads to others (writes
// 'rep-override', 'rep-handoff': leads/rep-overrides.ts).

type Notice = { kind: 'ok'; text: string } | { kind: 'error'; repId: string; text: string; problems: OverrideProblem[] };

export function teamRoutes(deps: CockpitDeps) {
  const app = new Hono<CockpitEnv>();
  const managersOnly = (c: Context<CockpitEnv>) => {
    const viewer = c.get('viewer');
    if (viewer.role === 'manager') return undefined;
    const t = cockpitTexts[viewer.language];
    return c.html(renderPage({ language: viewer.language, title: t.notFoundTitle, viewer, csrf: c.get('csrf'), children: <p class="note">{t.notFound}</p> }), 404);
  };
  const show = (c: Context<CockpitEnv>, notice?: Notice, status: 200 | 404 | 422 = 200) => {
    const viewer = c.get('viewer');
    const rows = teamRows(deps.db, deps.config, deps.clock.now());
    return c.html(
      renderPage({
        language: viewer.language,
        title: teamTexts[viewer.language].title,
        viewer,
        csrf: c.get('csrf'),
        current: 'team',
        children: <TeamPage rows={rows} language={viewer.language} csrf={c.get('csrf')} timeZone={deps.config.vendor.timeZone} notice={notice} />,
      }),
      status,
    );
  };

  app.get('/', (c) => {
    const denied = managersOnly(c);
    if (denied) return denied;
    const spec = { config: deps.config, filters: [] as const };
    const parsed = parseFilters(c.req.queries(), spec);
    if (!parsed.ok) return filterProblems(c, parsed.problems, spec, 'team');
    return show(c);
  });

  app.post('/:repId/override', async (c) => {
    const denied = managersOnly(c);
    if (denied) return denied;
    const viewer = c.get('viewer');
    const t = teamTexts[viewer.language];
    const rep = deps.config.reps.find((r) => r.id === c.req.param('repId'));
    if (!rep) return notFound(c);
    const body = await c.req.parseBody();
    const field = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
    const result = await deps.writer('rep-override', {
      actor: viewer.email,
      repId: rep.id,
      inactive: field('inactive') === 'on',
      awayFrom: field('awayFrom'),
      awayTo: field('awayTo'),
    });
    if (!result.ok) return show(c, { kind: 'error', repId: rep.id, text: t.notSaved(rep.name), problems: result.problems }, 422);
    return show(c, { kind: 'ok', text: t.saved(rep.name) });
  });

  app.post('/:repId/handoff', async (c) => {
    const denied = managersOnly(c);
    if (denied) return denied;
    const viewer = c.get('viewer');
    const rep = deps.config.reps.find((r) => r.id === c.req.param('repId'));
    if (!rep) return notFound(c);
    const body = await c.req.parseBody();
    const result = await deps.writer('rep-handoff', { actor: viewer.email, actorName: viewer.name, repId: rep.id, markInactive: body.markInactive === 'on' });
    if (!result.ok) return notFound(c);
    const unassigned = result.moved.filter((m) => m.repId === null).length;
    return show(c, { kind: 'ok', text: teamTexts[viewer.language].handedOff(rep.name, result.moved.length, unassigned) });
  });
  return app;
}

function notFound(c: Context<CockpitEnv>) {
  const viewer = c.get('viewer');
  const t = cockpitTexts[viewer.language];
  return c.html(renderPage({ language: viewer.language, title: t.notFoundTitle, viewer, csrf: c.get('csrf'), children: <p class="note">{t.notFound}</p> }), 404);
}

const day = (date: string, language: Language) => formatDate(Date.parse(`${date}T12:00:00Z`), 'UTC', language);

function nowText(now: RepNow, language: Language): string {
  const t = teamTexts[language];
  switch (now.type) {
    case 'available':
      return t.status.available;
    case 'inactive':
      return `${t.status.inactive} (${t.bySetting[now.source]})`;
    case 'away':
      return `${t.status.away(day(now.from, language), day(now.to, language))} (${t.bySetting[now.source]})`;
    case 'full':
      return t.status.full(now.open, now.max);
  }
}

function TeamPage(p: { rows: TeamRow[]; language: Language; csrf: string; timeZone: string; notice?: Notice }) {
  const t = teamTexts[p.language];
  const c = t.cols;
  const open = (r: TeamRow) => `${r.open}${r.openCapped ? '+' : ''}`;
  return (
    <>
      {p.notice?.kind === 'ok' && (
        <p class="note" role="status">
          {p.notice.text}
        </p>
      )}
      <p>{t.intro(TEAM_DAYS)}</p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{c.rep}</th>
              <th scope="col" class="num">
                {c.assigned}
              </th>
              <th scope="col" class="num">
                {c.accepted}
              </th>
              <th scope="col" class="num">
                {c.median}
              </th>
              <th scope="col" class="num">
                {c.missed}
              </th>
              <th scope="col" class="num">
                {c.open}
              </th>
              <th scope="col">{c.now}</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr data-rep={r.rep.id}>
                <th scope="row">{r.rep.name}</th>
                <td class="num">{r.assigned}</td>
                <td class="num">{r.accepted}</td>
                <td class="num">{r.medianMinutes === null ? t.none : t.duration(r.medianMinutes)}</td>
                <td class="num">{r.missed}</td>
                <td class="num">{t.openOf(open(r), r.rep.maxOpenLeads)}</td>
                <td class={r.now.type === 'available' ? 'ok' : 'risk'}>{nowText(r.now, p.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t.manageTitle}</h2>
      <p>{t.manageIntro}</p>
      <div class="cards">
        {p.rows.map((r) => (
          <RepCard row={r} language={p.language} csrf={p.csrf} timeZone={p.timeZone} notice={p.notice?.kind === 'error' && p.notice.repId === r.rep.id ? p.notice : undefined} open={open(r)} />
        ))}
      </div>
    </>
  );
}

function RepCard(p: { row: TeamRow; language: Language; csrf: string; timeZone: string; notice?: Extract<Notice, { kind: 'error' }>; open: string }) {
  const t = teamTexts[p.language];
  const { rep, override } = p.row;
  const id = (name: string) => `${name}-${rep.id}`;
  const configParts = [
    t.configActive(rep.active),
    ...(rep.away.length ? [t.configAway(rep.away.map((a) => `${day(a.from, p.language)} – ${day(a.to, p.language)}`).join(', '))] : []),
    ...(rep.maxOpenLeads !== undefined ? [t.configMax(rep.maxOpenLeads)] : []),
  ];
  const hereParts = override
    ? [
        ...(override.active === false ? [t.inactiveHere] : []),
        ...(override.awayFrom && override.awayTo ? [t.awayHere(day(override.awayFrom, p.language), day(override.awayTo, p.language))] : []),
      ]
    : [];
  const problem = (field: OverrideProblem['field']) => p.notice?.problems.find((x) => x.field === field);
  const errorId = (field: string) => id(`error-${field}`);
  return (
    <section class="card" aria-labelledby={id('rep')}>
      <h3 id={id('rep')}>{rep.name}</h3>
      <dl>
        <dt>{t.config}</dt>
        <dd>{configParts.join('; ')}</dd>
        <dt>{t.here}</dt>
        <dd>{hereParts.length ? t.setBy(hereParts.join('; '), override!.updatedBy, formatDateTime(override!.updatedAt, p.timeZone, p.language)) : t.nothingHere}</dd>
      </dl>
      <form method="post" action={`/app/team/${rep.id}/override`}>
        <CsrfField token={p.csrf} />
        {p.notice && (
          <p class="error" role="alert">
            {p.notice.text}
          </p>
        )}
        <label>
          <input type="checkbox" name="inactive" checked={override?.active === false} /> {t.inactiveLabel}
        </label>
        <label for={id('from')}>{t.awayFrom}</label>
        <input type="date" id={id('from')} name="awayFrom" value={override?.awayFrom ?? ''} aria-describedby={problem('awayFrom') ? errorId('awayFrom') : id('hint')} aria-invalid={problem('awayFrom') ? 'true' : undefined} />
        {problem('awayFrom') && (
          <p class="error" id={errorId('awayFrom')}>
            {t.problems[problem('awayFrom')!.problem]}
          </p>
        )}
        <label for={id('to')}>{t.awayTo}</label>
        <input type="date" id={id('to')} name="awayTo" value={override?.awayTo ?? ''} aria-describedby={problem('awayTo') ? errorId('awayTo') : id('hint')} aria-invalid={problem('awayTo') ? 'true' : undefined} />
        {problem('awayTo') && (
          <p class="error" id={errorId('awayTo')}>
            {t.problems[problem('awayTo')!.problem]}
          </p>
        )}
        <p class="muted" id={id('hint')}>
          {t.awayHint}
        </p>
        <button type="submit">{t.save}</button>
      </form>
      {p.row.open > 0 ? (
        <form method="post" action={`/app/team/${rep.id}/handoff`}>
          <CsrfField token={p.csrf} />
          <h4>{t.handoffTitle(p.row.open)}</h4>
          <p class="muted">{t.handoffIntro}</p>
          <label>
            <input type="checkbox" name="markInactive" checked /> {t.handoffInactive}
          </label>
          <button type="submit" class="secondary">
            {t.handoffButton}
          </button>
        </form>
      ) : (
        <p class="muted">{t.noOpen}</p>
      )}
    </section>
  );
}
