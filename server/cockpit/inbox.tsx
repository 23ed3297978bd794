/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { TIERS, type VendorConfig } from '../../shared/config';
import { resolveText, type Language } from '../../shared/localized';
import { mailTexts } from '../mail/texts';
import { formatDateTime } from '../mail/times';
import type { CockpitDeps, CockpitEnv } from './cockpit-deps';
import { filterProblems } from './filter-page';
import { FILTER_NAMES, OPEN_STATUSES, parseFilters, type FilterName, type Filters, type FilterSpec } from './filters';
import { ActionForms } from './inbox-actions';
import { inboxLeads, type InboxRow } from './inbox-query';
import { inboxTexts, shortSpan, type DoneNotice } from './inbox-texts';
import { renderPage } from './layout';
import type { Viewer } from './people';

// The inbox at /app/inbox (a rep's start page): the open leads the viewer may see, most urgent
// first, each with its countdown (computed here, in the viewer's language), tier, stage,
// no-decision risk and the actions the viewer has on it. Filters from the query string.

const DONE: DoneNotice[] = ['accept', 'take', 'pass', 'passNobody', 'not-a-fit'];

export function inboxSpec(config: VendorConfig, viewer: Viewer): FilterSpec {
  // A rep's inbox is theirs: filtering it by rep or team would only hide it.
  const filters = viewer.role === 'manager' ? FILTER_NAMES : FILTER_NAMES.filter((n) => n !== 'rep' && n !== 'team');
  return { config, filters, others: ['done'], statuses: OPEN_STATUSES };
}

/** "Accept within 42 min" / "Overdue by 5 min" / "Unassigned for 2 h": the line that says how urgent it is. */
export function urgency(row: InboxRow, now: number, language: Language): { text: string; overdue: boolean } {
  const t = inboxTexts[language];
  const minutes = (ms: number) => Math.floor(Math.abs(ms) / 60_000);
  if (row.deadline !== undefined) {
    const left = row.deadline - now;
    return left >= 0 ? { text: t.dueIn(shortSpan(minutes(left), language)), overdue: false } : { text: t.overdue(shortSpan(minutes(left), language)), overdue: true };
  }
  if (row.status === 'unassigned') return { text: t.unassignedWaiting(shortSpan(minutes(now - row.updatedAt), language)), overdue: false };
  if (row.status === 'accepted') return { text: t.status.accepted, overdue: false };
  return { text: t.noDeadline, overdue: false };
}

function FilterForm(p: { config: VendorConfig; viewer: Viewer; spec: FilterSpec; filters: Filters }) {
  const { language } = p.viewer;
  const t = inboxTexts[language];
  const options: Partial<Record<FilterName, [string, string][]>> = {
    rep: p.config.reps.map((r) => [r.id, r.name]),
    team: p.config.teams.map((x) => [x.id, x.name]),
    tier: TIERS.map((x) => [x, mailTexts[language].tier[x]]),
    status: OPEN_STATUSES.map((x) => [x, t.status[x]]),
    stage: p.config.questions.stage.options.map((o) => [o.id, resolveText(o.label, language, language) ?? o.id]),
  };
  const value = (name: FilterName) => (p.filters as Record<string, string | number | undefined>)[name];
  // Folded while no filter is on: a keyboard user reaches the leads in a few Tab stops.
  return (
    <details open={Object.keys(p.filters).length > 0}>
      <summary>{t.filters}</summary>
    <form method="get" action="/app/inbox" class="filters" aria-label={t.filters}>
      {p.spec.filters.map((name) => {
        const id = `f-${name}`;
        const list = options[name];
        return (
          <div>
            <label for={id}>{t.filterLabels[name]}</label>
            {list ? (
              <select id={id} name={name}>
                <option value="">{t.all}</option>
                {list.map(([v, label]) => (
                  <option value={v} selected={value(name) === v}>
                    {label}
                  </option>
                ))}
              </select>
            ) : (
              <input id={id} name={name} type={name === 'source' ? 'text' : 'date'} value={String(value(name) ?? '')} />
            )}
          </div>
        );
      })}
      <div>
        <button type="submit">{t.apply}</button> <a href="/app/inbox">{t.clear}</a>
      </div>
    </form>
    </details>
  );
}

function LeadCard(p: { row: InboxRow; config: VendorConfig; viewer: Viewer; csrf: string; now: number }) {
  const { row, config, viewer } = p;
  const { language } = viewer;
  const t = inboxTexts[language];
  const due = urgency(row, p.now, language);
  const rep = row.repId ? (config.reps.find((r) => r.id === row.repId)?.name ?? row.repId) : t.nobody;
  const stage = config.questions.stage.options.find((o) => o.id === row.stage);
  const label = t.open(row.contactName, row.company);
  return (
    <li class="card">
      <h2>
        <a href={`/app/leads/${encodeURIComponent(row.id)}`}>{label}</a>
      </h2>
      <p class={due.overdue ? 'risk' : ''}>
        <strong>{due.text}</strong> · {t.status[row.status] ?? row.status}
      </p>
      <dl>
        <dt>{t.tier}</dt>
        <dd>{(mailTexts[language].tier as Record<string, string>)[row.tier] ?? row.tier}</dd>
        <dt>{t.stage}</dt>
        <dd>{stage ? (resolveText(stage.label, language, language) ?? row.stage) : row.stage}</dd>
        <dt>{t.rep}</dt>
        <dd>{rep}</dd>
        <dt>{t.received}</dt>
        <dd>{formatDateTime(row.createdAt, config.vendor.timeZone, language)}</dd>
      </dl>
      {row.noDecisionRisk && <p class="risk">{t.riskShort}</p>}
      <ActionForms viewer={viewer} lead={row} csrf={p.csrf} label={label} />
    </li>
  );
}

export function inboxRoutes(deps: CockpitDeps) {
  const app = new Hono<CockpitEnv>();
  app.get('/', (c) => {
    const viewer = c.get('viewer');
    const csrf = c.get('csrf');
    const spec = inboxSpec(deps.config, viewer);
    const parsed = parseFilters(c.req.queries(), spec);
    if (!parsed.ok) return filterProblems(c, parsed.problems, spec, 'inbox');
    const doneParam = c.req.query('done');
    const done = DONE.find((d) => d === doneParam);
    if (doneParam !== undefined && !done) return filterProblems(c, [{ name: 'done', value: doneParam, problem: 'unknown-value', allowed: DONE }], spec, 'inbox');
    const t = inboxTexts[viewer.language];
    const { rows, more } = inboxLeads(deps.db, deps.config, viewer, parsed.filters);
    const now = deps.clock.now();
    const filtered = Object.keys(parsed.filters).length > 0;
    return c.html(
      renderPage({
        language: viewer.language,
        title: t.title,
        viewer,
        csrf,
        current: 'inbox',
        children: (
          <>
            {done && (
              <p class="note" role="status">
                {t.done[done]}
              </p>
            )}
            <p>{viewer.role === 'manager' ? t.introManager : t.introRep}</p>
            <FilterForm config={deps.config} viewer={viewer} spec={spec} filters={parsed.filters} />
            {rows.length === 0 ? (
              <p class="note">{filtered ? t.emptyFiltered : t.empty}</p>
            ) : (
              <ol class="inbox">
                {rows.map((row) => (
                  <LeadCard row={row} config={deps.config} viewer={viewer} csrf={csrf} now={now} />
                ))}
              </ol>
            )}
            {more && <p class="note">{t.more(rows.length)}</p>}
          </>
        ),
      }),
    );
  });
  return app;
}
