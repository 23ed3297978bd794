/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { TIERS, type VendorConfig } from '../../shared/config';
import { resolveText, type Language } from '../../shared/localized';
import { mailTexts } from '../mail/texts';
import { StackedBarChart } from './charts';
import type { CockpitDeps, CockpitEnv } from './cockpit-deps';
import { filterProblems } from './filter-page';
import { parseFilters, type FilterProblem, type FilterSpec } from './filters';
import { renderPage } from './layout';
import { pipelineCells, summarize, weekOf, type PipelineQuery, type PipelineSummary } from './pipeline-data';
import { pct, pipelineTexts } from './pipeline-texts';

// /app/pipeline (managers: every lead; a rep: their own): leads by tier × status, by declared
// stage with the no-decision risk, and stages week by week — charts with their numbers as tables.
// Filters: site, tier, status, stage, from/to (whole weeks). Spam is counted apart.

export const PIPELINE_STATUSES = ['assigned', 'unassigned', 'accepted', 'not-a-fit', 'paused', 'withdrawn', 'spam'] as const;
/** The weekly chart shows at most this many weeks (the latest). */
const MAX_WEEKS = 26;

export function pipelineRoutes(deps: CockpitDeps) {
  const app = new Hono<CockpitEnv>();
  const spec: FilterSpec = { config: deps.config, filters: ['tier', 'status', 'stage', 'from', 'to'], others: ['site'], statuses: PIPELINE_STATUSES };
  app.get('/', (c) => {
    const viewer = c.get('viewer');
    const query = c.req.queries();
    const parsed = parseFilters(query, spec);
    const sites = deps.config.sites.map((s) => s.key);
    const siteValues = (query.site ?? []).filter((v) => v !== '');
    const siteProblems: FilterProblem[] =
      siteValues.length > 1
        ? [{ name: 'site' as never, value: siteValues.join(', '), problem: 'repeated' }]
        : siteValues.length === 1 && !sites.includes(siteValues[0])
          ? [{ name: 'site', value: siteValues[0], problem: 'unknown-value', allowed: sites }]
          : [];
    if (!parsed.ok || siteProblems.length) return filterProblems(c, [...(parsed.ok ? [] : parsed.problems), ...siteProblems], spec, 'pipeline');
    const f = parsed.filters;
    const q: PipelineQuery = {
      ...(siteValues[0] ? { site: siteValues[0] } : {}),
      ...(f.tier ? { tier: f.tier } : {}),
      ...(f.status ? { status: f.status } : {}),
      ...(f.stage ? { stage: f.stage } : {}),
      ...(f.fromMs !== undefined ? { fromWeek: weekOf(f.fromMs) } : {}),
      ...(f.toMs !== undefined ? { toWeek: weekOf(f.toMs - 1) } : {}),
    };
    const summary = summarize(pipelineCells(deps.db, viewer, q));
    const t = pipelineTexts[viewer.language];
    return c.html(
      renderPage({
        language: viewer.language,
        title: t.title,
        viewer,
        csrf: c.get('csrf'),
        current: 'pipeline',
        children: (
          <PipelinePage
            config={deps.config}
            language={viewer.language}
            manager={viewer.role === 'manager'}
            summary={summary}
            chosen={{ site: q.site, tier: f.tier, status: f.status, stage: f.stage, from: f.from, to: f.to }}
          />
        ),
      }),
    );
  });
  return app;
}

interface Chosen {
  site?: string;
  tier?: string;
  status?: string;
  stage?: string;
  from?: string;
  to?: string;
}

function PipelinePage(p: { config: VendorConfig; language: Language; manager: boolean; summary: PipelineSummary; chosen: Chosen }) {
  const t = pipelineTexts[p.language];
  const { config, language, summary: s } = p;
  const fallback = config.sites[0].defaultLanguage;
  const stageLabel = (id: string) => {
    const o = config.questions.stage.options.find((x) => x.id === id);
    return o ? (resolveText(o.label, language, fallback) ?? id) : id;
  };
  const tierLabel = (id: string) => (mailTexts[language].tier as Record<string, string>)[id] ?? id;
  const statusLabel = (id: string) => t.statuses[id] ?? id;
  // Columns: the statuses and stages that occur, in their fixed order (the config's for stages).
  const statuses = PIPELINE_STATUSES.filter((st) => st !== 'spam' && [...s.tierStatus.values()].some((m) => m.has(st)));
  const tiers = TIERS.filter((tier) => s.tierStatus.has(tier));
  const stageIds = [...config.questions.stage.options.map((o) => o.id), ...[...s.stages.keys()].filter((id) => !config.questions.stage.options.some((o) => o.id === id))].filter((id) =>
    s.stages.has(id),
  );
  const weeks = s.weeks.slice(-MAX_WEEKS);
  const select = (name: keyof Chosen, label: string, options: [string, string][]) => (
    <div>
      <label for={`f-${name}`}>{label}</label>
      <select id={`f-${name}`} name={name}>
        <option value="">{t.all}</option>
        {options.map(([value, text]) => (
          <option value={value} selected={p.chosen[name] === value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <>
      <p>{p.manager ? t.introManager : t.introRep}</p>
      <form method="get" action="/app/pipeline" class="filters" aria-label={t.filters}>
        {config.sites.length > 1 && select('site', t.site, config.sites.map((x) => [x.key, x.key]))}
        {select('tier', t.tier, TIERS.map((x) => [x, tierLabel(x)]))}
        {select('status', t.status, PIPELINE_STATUSES.map((x) => [x, statusLabel(x)]))}
        {select('stage', t.stage, config.questions.stage.options.map((o) => [o.id, stageLabel(o.id)]))}
        <div>
          <label for="f-from">{t.from}</label>
          <input type="date" id="f-from" name="from" value={p.chosen.from ?? ''} aria-describedby="weeks-hint" />
        </div>
        <div>
          <label for="f-to">{t.to}</label>
          <input type="date" id="f-to" name="to" value={p.chosen.to ?? ''} aria-describedby="weeks-hint" />
        </div>
        <button type="submit">{t.show}</button>
      </form>
      <p class="muted" id="weeks-hint">
        {t.weeksHint}
      </p>

      <dl data-summary>
        <dt>{t.leads}</dt>
        <dd data-total>{s.total}</dd>
        <dt>{t.risk}</dt>
        <dd data-risk>{t.riskShare(s.risk, s.total)}</dd>
        {p.manager && (
          <>
            <dt>{t.spam}</dt>
            <dd data-spam>{s.spam}</dd>
          </>
        )}
      </dl>
      {s.total === 0 ? (
        <p class="note">{t.none}</p>
      ) : (
        <>
          <section aria-labelledby="tier-status">
            <h2 id="tier-status">{t.tierStatusTitle}</h2>
            <StackedBarChart
              id="chart-tier-status"
              title={t.tierStatusTitle}
              desc={t.tierStatusDesc(s.total)}
              series={statuses.map(statusLabel)}
              rows={tiers.map((tier) => ({ label: tierLabel(tier), values: statuses.map((st) => s.tierStatus.get(tier)?.get(st) ?? 0) }))}
            />
            <div class="table-wrap">
              <table data-table="tier-status">
                <caption class="sr-only">{t.tierStatusTitle}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.tier}</th>
                    {statuses.map((st) => (
                      <th scope="col" class="num">
                        {statusLabel(st)}
                      </th>
                    ))}
                    <th scope="col" class="num">
                      {t.total}
                    </th>
                    <th scope="col" class="num">
                      {t.share}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {tiers.map((tier) => {
                    const row = s.tierStatus.get(tier)!;
                    const risk = s.tierRisk.get(tier)!;
                    return (
                      <tr data-tier={tier}>
                        <th scope="row">{tierLabel(tier)}</th>
                        {statuses.map((st) => (
                          <td class="num">{row.get(st) ?? 0}</td>
                        ))}
                        <td class="num">{risk.count}</td>
                        <td class="num">{pct(risk.risk, risk.count)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>

          <section aria-labelledby="by-stage">
            <h2 id="by-stage">{t.stageTitle}</h2>
            <StackedBarChart
              id="chart-stage"
              title={t.stageTitle}
              desc={t.stageDesc(s.total)}
              series={[t.withRisk, t.withoutRisk]}
              rows={stageIds.map((id) => {
                const x = s.stages.get(id)!;
                return { label: stageLabel(id), values: [x.risk, x.count - x.risk] };
              })}
            />
            <div class="table-wrap">
              <table data-table="stage">
                <caption class="sr-only">{t.stageTitle}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.stage}</th>
                    <th scope="col" class="num">
                      {t.leads}
                    </th>
                    <th scope="col" class="num">
                      {t.withRisk}
                    </th>
                    <th scope="col" class="num">
                      {t.share}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {stageIds.map((id) => {
                    const x = s.stages.get(id)!;
                    return (
                      <tr data-stage={id}>
                        <th scope="row">{stageLabel(id)}</th>
                        <td class="num">{x.count}</td>
                        <td class="num">{x.risk}</td>
                        <td class="num">{pct(x.risk, x.count)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>

          <section aria-labelledby="by-week">
            <h2 id="by-week">{t.weeksTitle}</h2>
            {s.weeks.length > MAX_WEEKS && <p class="muted">{t.weeksCapped(MAX_WEEKS)}</p>}
            <StackedBarChart
              id="chart-weeks"
              title={t.weeksTitle}
              desc={t.weeksDesc(weeks.length)}
              series={stageIds.map(stageLabel)}
              rows={weeks.map(([week, m]) => ({ label: week, values: stageIds.map((id) => m.get(id) ?? 0) }))}
            />
            <div class="table-wrap">
              <table data-table="weeks">
                <caption class="sr-only">{t.weeksTitle}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.week}</th>
                    {stageIds.map((id) => (
                      <th scope="col" class="num">
                        {stageLabel(id)}
                      </th>
                    ))}
                    <th scope="col" class="num">
                      {t.total}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {weeks.map(([week, m]) => (
                    <tr data-week={week}>
                      <th scope="row">{week}</th>
                      {stageIds.map((id) => (
                        <td class="num">{m.get(id) ?? 0}</td>
                      ))}
                      <td class="num">{[...m.values()].reduce((a, b) => a + b, 0)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </>
  );
}
