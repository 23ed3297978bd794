/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { Hono, type Context } from 'hono';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { TIERS } from '../../shared/config';
import { resolveText } from '../../shared/localized';
import { streamCsv, type CsvWhere } from '../routes/leads-csv';
import type { CockpitDeps, CockpitEnv } from './cockpit-deps';
import { EXPORT_SELECT, exportColumns } from './data-columns';
import { personLeadCount, personRecord } from './data-person';
import { dataTexts } from './data-texts';
import { addressHash } from './data-writes';
import { filterProblems } from './filter-page';
import { FILTER_NAMES, LEAD_STATUSES, leadConditions, parseFilters, type FilterSpec, type Filters } from './filters';
import { CsrfField, renderPage } from './layout';
import { cockpitTexts } from './texts';

// /app/data (managers only; anyone else gets the 404 page): the lead export as CSV (every field,
// for Dutch or English Excel, spam only on its own), and one person's data as JSON or erased.
// Exports and erasures are written to audit_log with the manager and, for a person, a hash of
// the address (never the address).

const dialect = new SQLiteSyncDialect();
const EXPORT_STATUSES = LEAD_STATUSES.filter((s) => s !== 'spam');
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
type Sep = ',' | ';';

export function dataRoutes(deps: CockpitDeps) {
  const app = new Hono<CockpitEnv>();
  const spec: FilterSpec = { config: deps.config, filters: FILTER_NAMES, statuses: EXPORT_STATUSES, others: ['sep'] };
  const formSpec: FilterSpec = { ...spec, others: ['sep', 'spam', 'csrf'] };
  const defaultSep = (c: Context<CockpitEnv>): Sep => (c.get('viewer').language === 'nl' ? ';' : ',');
  const sepOf = (value: unknown, c: Context<CockpitEnv>): Sep => (value === ';' || value === ',' ? value : defaultSep(c));

  app.use('*', async (c, next) => {
    const viewer = c.get('viewer');
    if (viewer.role === 'manager') return next();
    const t = cockpitTexts[viewer.language];
    return c.html(renderPage({ language: viewer.language, title: t.notFoundTitle, viewer, csrf: c.get('csrf'), children: <p class="note">{t.notFound}</p> }), 404);
  });

  const page = (c: Context<CockpitEnv>, a: { filters: Filters; sep: Sep; email?: string; emailError?: boolean }) => {
    const viewer = c.get('viewer');
    const language = viewer.language;
    const t = dataTexts[language];
    const counts = deps.db.$client
      .prepare(`select coalesce(sum(case when status = 'spam' then 0 else count end), 0) as leads, coalesce(sum(case when status = 'spam' then count else 0 end), 0) as spam from lead_rollup`)
      .get() as { leads: number; spam: number };
    const fallback = deps.config.sites[0].defaultLanguage;
    const options = (name: string, label: string, values: { id: string; label: string }[], chosen?: string) => (
      <div>
        <label for={`f-${name}`}>{label}</label>
        <select id={`f-${name}`} name={name}>
          <option value="">{t.any}</option>
          {values.map((v) => (
            <option value={v.id} selected={v.id === chosen}>
              {v.label}
            </option>
          ))}
        </select>
      </div>
    );
    const f = a.filters;
    return renderPage({
      language,
      title: t.title,
      viewer,
      csrf: c.get('csrf'),
      current: 'data',
      children: (
        <>
          <section aria-labelledby="export-title">
            <h2 id="export-title">{t.exportTitle}</h2>
            <p>{t.exportIntro}</p>
            <p class="note">{t.counts(counts.leads, counts.spam)}</p>
            <form method="post" action="/app/data/leads.csv">
              <CsrfField token={c.get('csrf')} />
              <fieldset class="filters">
                <legend>{t.filtersLegend}</legend>
                {options('rep', t.rep, deps.config.reps.map((r) => ({ id: r.id, label: r.name })), f.rep)}
                {options('team', t.team, deps.config.teams.map((x) => ({ id: x.id, label: x.name })), f.team)}
                {options('tier', t.tier, TIERS.map((x) => ({ id: x, label: x })), f.tier)}
                {options('status', t.status, EXPORT_STATUSES.map((x) => ({ id: x, label: x })), f.status)}
                {options('stage', t.stage, deps.config.questions.stage.options.map((o) => ({ id: o.id, label: resolveText(o.label, language, fallback) ?? o.id })), f.stage)}
                <div>
                  <label for="f-from">{t.from}</label>
                  <input id="f-from" name="from" type="date" value={f.from ?? ''} />
                </div>
                <div>
                  <label for="f-to">{t.to}</label>
                  <input id="f-to" name="to" type="date" value={f.to ?? ''} />
                </div>
                <div>
                  <label for="f-source">{t.source}</label>
                  <input id="f-source" name="source" type="text" value={f.source ?? ''} />
                </div>
              </fieldset>
              <fieldset>
                <legend>{t.separatorLegend}</legend>
                <label class="choice">
                  <input type="radio" name="sep" value=";" checked={a.sep === ';'} /> {t.semicolon}
                </label>
                <label class="choice">
                  <input type="radio" name="sep" value="," checked={a.sep === ','} /> {t.comma}
                </label>
              </fieldset>
              <label class="choice">
                <input type="checkbox" name="spam" value="1" /> {t.spamOnly}
              </label>
              <p>
                <button type="submit">{t.download}</button>
              </p>
              <p class="muted">{t.recorded}</p>
            </form>
          </section>
          <section aria-labelledby="person-title">
            <h2 id="person-title">{t.personTitle}</h2>
            <p>{t.personIntro}</p>
            <form method="post" action="/app/data/person">
              <CsrfField token={c.get('csrf')} />
              <label for="person-email">{t.email}</label>
              <input
                id="person-email"
                name="email"
                type="email"
                required
                autocomplete="off"
                value={a.email ?? ''}
                aria-invalid={a.emailError ? 'true' : undefined}
                aria-describedby={a.emailError ? 'person-email-error' : undefined}
              />
              {a.emailError && (
                <p id="person-email-error" class="error">
                  {t.invalidEmail}
                </p>
              )}
              <p class="actions">
                <button type="submit" name="action" value="export">
                  {t.exportPerson}
                </button>{' '}
                <button type="submit" name="action" value="erase" class="secondary">
                  {t.erasePerson}
                </button>
              </p>
            </form>
          </section>
        </>
      ),
    });
  };

  app.get('/', (c) => {
    const parsed = parseFilters(c.req.queries(), spec);
    if (!parsed.ok) return filterProblems(c, parsed.problems, spec, 'data');
    return c.html(page(c, { filters: parsed.filters, sep: sepOf(c.req.query('sep'), c) }));
  });

  app.post('/leads.csv', async (c) => {
    const body = await c.req.parseBody();
    const parsed = parseFilters(body as Record<string, string>, formSpec);
    if (!parsed.ok) return filterProblems(c, parsed.problems, formSpec, 'data');
    const spam = body.spam === '1';
    const separator = sepOf(body.sep, c);
    const viewer = c.get('viewer');
    await deps.writer('cockpit-audit', {
      actor: viewer.email,
      action: 'csv-export',
      detail: JSON.stringify({ filters: parsed.filters, spam, separator }),
    });
    const condition = leadConditions(parsed.filters);
    const where: CsvWhere[] = [{ sql: spam ? `leads.status = 'spam'` : `leads.status <> 'spam'`, params: [] }];
    if (condition) where.push(dialect.sqlToQuery(condition));
    const day = new Date(deps.clock.now()).toISOString().slice(0, 10);
    return streamCsv(c, deps.db, {
      columns: exportColumns(deps.config, viewer.language),
      select: EXPORT_SELECT,
      where,
      separator,
      bom: true,
      filename: `koers-${spam ? 'spam' : 'leads'}-${day}.csv`,
    });
  });

  app.post('/person', async (c) => {
    const body = await c.req.parseBody();
    const email = typeof body.email === 'string' ? body.email.trim() : '';
    const viewer = c.get('viewer');
    const t = dataTexts[viewer.language];
    if (!EMAIL.test(email) || email.length > 254) return c.html(page(c, { filters: {}, sep: defaultSep(c), email, emailError: true }), 422);
    if (body.action === 'erase') {
      const n = personLeadCount(deps.db, email);
      return c.html(
        renderPage({
          language: viewer.language,
          title: t.confirmTitle,
          viewer,
          csrf: c.get('csrf'),
          current: 'data',
          children: (
            <>
              <p>{t.confirmIntro(n)}</p>
              <dl>
                <dt>{t.confirmAddress}</dt>
                <dd>{email}</dd>
              </dl>
              <p class="muted">{t.confirmSlow}</p>
              <form method="post" action="/app/data/erase">
                <CsrfField token={c.get('csrf')} />
                <input type="hidden" name="email" value={email} />
                <p class="actions">
                  <button type="submit">{t.confirmButton}</button> <a href="/app/data">{t.cancel}</a>
                </p>
              </form>
            </>
          ),
        }),
      );
    }
    const record = personRecord(deps.db, email);
    await deps.writer('cockpit-audit', { actor: viewer.email, action: 'person-export', target: addressHash(email), detail: `leads: ${record.leads.length}` });
    c.header('Content-Disposition', 'attachment; filename="koers-person.json"');
    return c.json({ exportedAt: new Date(deps.clock.now()).toISOString(), ...record });
  });

  app.post('/erase', async (c) => {
    const body = await c.req.parseBody();
    const email = typeof body.email === 'string' ? body.email.trim() : '';
    const viewer = c.get('viewer');
    const t = dataTexts[viewer.language];
    if (!EMAIL.test(email) || email.length > 254) return c.html(page(c, { filters: {}, sep: defaultSep(c), email, emailError: true }), 422);
    const outcome = await deps.writer('person-erase', { actor: viewer.email, email });
    return c.html(
      renderPage({
        language: viewer.language,
        title: outcome.ok ? t.erasedTitle : t.eraseFailedTitle,
        viewer,
        csrf: c.get('csrf'),
        current: 'data',
        children: (
          <>
            <p class={outcome.ok ? 'note' : 'error'} role="status">
              {outcome.ok ? t.erased(outcome.result) : t.eraseFailed}
            </p>
            <p>
              <a href="/app/data">{t.back}</a>
            </p>
          </>
        ),
      }),
      outcome.ok ? 200 : 500,
    );
  });

  return app;
}
