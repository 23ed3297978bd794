/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { Hono, type Context } from 'hono';
import { LANGUAGES, resolveText } from '../../shared/localized';
import { agreementReport, funnelReport, periodOf, type Stage } from '../funnel/report';
import type { CockpitDeps, CockpitEnv } from './cockpit-deps';
import { funnelTexts } from './funnel-texts';
import { renderPage } from './layout';
import { cockpitTexts } from './texts';

// /app/funnel (managers only; anyone else the 404 page): per site, language and period the
// widget's funnel (shown → opened → each screen → sent) as SVG bars with the numbers in a table,
// per week, and what prospects do with the sales process: accepted as it is, the agreement's
// states, the steps they challenge and their reasons (anonymised). Settings in the query string:
// an unknown one, or an unknown value, is a 400 naming what is allowed.

const WEEKS = ['4', '8', '12', '26'] as const;
const SCREENS = 5;

export function funnelRoutes(deps: CockpitDeps) {
  const app = new Hono<CockpitEnv>();

  app.use('*', async (c, next) => {
    const viewer = c.get('viewer');
    if (viewer.role === 'manager') return next();
    const t = cockpitTexts[viewer.language];
    return c.html(renderPage({ language: viewer.language, title: t.notFoundTitle, viewer, csrf: c.get('csrf'), children: <p class="note">{t.notFound}</p> }), 404);
  });

  app.get('/', (c) => {
    const viewer = c.get('viewer');
    const language = viewer.language;
    const t = funnelTexts[language];
    const query = c.req.queries();
    const siteKey = one(query.site) ?? deps.config.sites[0].key;
    const site = deps.config.sites.find((s) => s.key === siteKey);
    const allowed: Record<string, string[]> = {
      site: deps.config.sites.map((s) => s.key),
      lang: site ? [...site.languages] : [...LANGUAGES],
      weeks: [...WEEKS],
    };
    const problems: string[] = [];
    for (const [name, values] of Object.entries(query)) {
      if (!allowed[name]) problems.push(t.problem(name, undefined, Object.keys(allowed)));
      else if (values.length > 1 || (values[0] !== '' && !allowed[name].includes(values[0]))) problems.push(t.problem(name, values.join(', '), allowed[name]));
    }
    if (problems.length || !site) return problemPage(c, problems);

    const lang = one(query.lang) || undefined;
    const weeks = Number(one(query.weeks) || 8);
    const period = periodOf(deps.clock.now(), weeks);
    const q = { site: site.key, language: lang, ...period };
    const funnel = funnelReport(deps.db, q, SCREENS);
    const agreement = agreementReport(deps.db, q);
    const lastDay = new Date(Date.parse(`${period.toDay}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const fallback = site.defaultLanguage;
    const stepTitle = (id: string) => {
      const step = deps.config.process.steps.find((s) => s.id === id);
      return step ? (resolveText(step.title, language, fallback) ?? id) : id;
    };
    const challenged = Object.entries(agreement.steps).sort((a, b) => b[1].skip + b[1].change - (a[1].skip + a[1].change));

    return c.html(
      renderPage({
        language,
        title: t.title,
        viewer,
        csrf: c.get('csrf'),
        current: 'funnel',
        children: (
          <>
            <form method="get" action="/app/funnel" class="filters">
              <div>
                <label for="fn-site">{t.site}</label>
                <select id="fn-site" name="site">
                  {deps.config.sites.map((s) => (
                    <option value={s.key} selected={s.key === site.key}>
                      {s.key}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label for="fn-lang">{t.language}</label>
                <select id="fn-lang" name="lang">
                  <option value="">{t.allLanguages}</option>
                  {site.languages.map((l) => (
                    <option value={l} selected={l === lang}>
                      {t.languageName[l] ?? l}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label for="fn-weeks">{t.weeks}</label>
                <select id="fn-weeks" name="weeks">
                  {WEEKS.map((w) => (
                    <option value={w} selected={Number(w) === weeks}>
                      {t.weeksOption(Number(w))}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit">{t.show}</button>
            </form>
            <p class="muted">{t.period(period.fromDay, lastDay)}</p>

            <section aria-labelledby="funnel-title">
              <h2 id="funnel-title">{t.funnelTitle}</h2>
              <p>{t.funnelIntro}</p>
              {funnel.total[0].count === 0 && funnel.total.every((s) => s.count === 0) ? (
                <p class="note">{t.none}</p>
              ) : (
                <FunnelBars stages={funnel.total} label={(s) => t.stage(s.event, s.step)} title={t.chartLabel} />
              )}
              <div class="table-wrap">
                <table>
                  <caption class="sr-only">{t.funnelTitle}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.step}</th>
                      <th scope="col" class="num">
                        {t.count}
                      </th>
                      <th scope="col" class="num">
                        {t.ofShown}
                      </th>
                      <th scope="col" class="num">
                        {t.dropOff}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {funnel.total.map((s, i) => {
                      const shown = funnel.total[0].count;
                      const before = i > 0 ? funnel.total[i - 1].count : undefined;
                      return (
                        <tr>
                          <th scope="row">{t.stage(s.event, s.step)}</th>
                          <td class="num">{s.count}</td>
                          <td class="num">{shown ? percent(s.count / shown) : '–'}</td>
                          <td class="num">{before ? percent(Math.max(0, before - s.count) / before) : '–'}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </section>

            <section aria-labelledby="weeks-title">
              <h2 id="weeks-title">{t.weeksTitle}</h2>
              <div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t.week}</th>
                      {funnel.total.map((s) => (
                        <th scope="col" class="num">
                          {t.stage(s.event, s.step)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {funnel.weeks.map((w) => (
                      <tr>
                        <th scope="row" class="nowrap">
                          {w.week}
                        </th>
                        {w.stages.map((s) => (
                          <td class="num">{s.count}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>

            <section aria-labelledby="agreement-title">
              <h2 id="agreement-title">{t.agreementTitle}</h2>
              <p>{t.agreementIntro(agreement.leads, agreement.capped)}</p>
              <p>
                <strong>{t.accepted(agreement.accepted, agreement.leads)}</strong>
              </p>
              <div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t.state}</th>
                      <th scope="col" class="num">
                        {t.leads}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {Object.keys(t.states).map((state) => (
                      <tr>
                        <th scope="row">{t.states[state]}</th>
                        <td class="num">{agreement.states[state] ?? 0}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <h3>{t.challengedTitle}</h3>
              {challenged.length === 0 ? (
                <p>{t.noChallenges}</p>
              ) : (
                <div class="table-wrap">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{t.step}</th>
                        <th scope="col" class="num">
                          {t.skipped}
                        </th>
                        <th scope="col" class="num">
                          {t.changed}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {challenged.map(([id, n]) => (
                        <tr>
                          <th scope="row">{stepTitle(id)}</th>
                          <td class="num">{n.skip}</td>
                          <td class="num">{n.change}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              {agreement.added > 0 && <p>{t.added(agreement.added)}</p>}
              <h3>{t.reasonsTitle}</h3>
              {agreement.reasons.length === 0 ? (
                <p>{t.noReasons}</p>
              ) : (
                <>
                  <p class="muted">{t.reasonsIntro}</p>
                  <ul class="reasons">
                    {agreement.reasons.map((r) => (
                      <li>
                        <span class="muted">{r.day}</span> <q class="pre">{r.text}</q>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </section>
          </>
        ),
      }),
    );
  });

  function problemPage(c: Context<CockpitEnv>, problems: string[]) {
    const viewer = c.get('viewer');
    const t = funnelTexts[viewer.language];
    return c.html(
      renderPage({
        language: viewer.language,
        title: t.problemTitle,
        viewer,
        csrf: c.get('csrf'),
        current: 'funnel',
        children: (
          <>
            <ul class="error" role="alert">
              {problems.map((p) => (
                <li>{p}</li>
              ))}
            </ul>
            <p>
              <a href="/app/funnel">{t.back}</a>
            </p>
          </>
        ),
      }),
      400,
    );
  }

  return app;
}

const one = (values: string[] | undefined) => values?.[0];
const percent = (x: number) => `${Math.round(x * 100)} %`;

/** Horizontal bars, one per stage, widths relative to the largest; each bar names its number. */
function FunnelBars({ stages, label, title }: { stages: Stage[]; label: (s: Stage) => string; title: string }) {
  const max = Math.max(1, ...stages.map((s) => s.count));
  const row = 30;
  const labelWidth = 200;
  const barWidth = 360;
  const height = stages.length * row + 4;
  return (
    <svg class="bars" viewBox={`0 0 ${labelWidth + barWidth + 60} ${height}`} role="img" aria-labelledby="funnel-chart-title">
      <title id="funnel-chart-title">{title}</title>
      {stages.map((s, i) => {
        const w = Math.round((s.count / max) * barWidth);
        const y = i * row + 4;
        return (
          <g>
            <text x={labelWidth - 8} y={y + 17} text-anchor="end">
              {label(s)}
            </text>
            <rect x={labelWidth} y={y} width={Math.max(w, 1)} height={row - 8} fill="#0b4f8a" />
            <text x={labelWidth + Math.max(w, 1) + 6} y={y + 17}>
              {String(s.count)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
