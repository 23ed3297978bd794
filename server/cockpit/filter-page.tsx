/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Context } from 'hono';
import type { Language } from '../../shared/localized';
import type { CockpitEnv } from './cockpit-deps';
import { allowedValues, type FilterName, type FilterProblem, type FilterSpec } from './filters';
import { renderPage, type NavKey } from './layout';
import { cockpitTexts } from './texts';

// The answer to a list asked for with a filter it does not take: 400, each problem in the viewer's
// language, and every filter the list does take with its values.

const texts = {
  en: {
    intro: 'The list was not shown: its address asks for something it cannot filter on.',
    problem: (p: FilterProblem) =>
      p.problem === 'unknown-filter'
        ? `“${p.name}” is not a filter of this list.`
        : p.problem === 'unknown-value'
          ? `There is no ${p.name} “${p.value}”.`
          : p.problem === 'bad-date'
            ? `“${p.value}” is not a date (use YYYY-MM-DD, e.g. 2026-03-31).`
            : p.problem === 'repeated'
              ? `Choose one ${p.name}, not several (${p.value}).`
              : `The end date ${p.value} lies before the start date.`,
    allowedTitle: 'Filters of this list',
    filter: 'Filter',
    values: 'Values',
    free: 'any text (exactly as in the link’s utm_source)',
    date: 'a date: YYYY-MM-DD',
    back: 'Show the list without filters',
  },
  nl: {
    intro: 'De lijst is niet getoond: het adres vraagt om iets waarop deze lijst niet kan filteren.',
    problem: (p: FilterProblem) =>
      p.problem === 'unknown-filter'
        ? `„${p.name}” is geen filter van deze lijst.`
        : p.problem === 'unknown-value'
          ? `Er is geen ${p.name} „${p.value}”.`
          : p.problem === 'bad-date'
            ? `„${p.value}” is geen datum (gebruik JJJJ-MM-DD, bijv. 2026-03-31).`
            : p.problem === 'repeated'
              ? `Kies één ${p.name}, niet meerdere (${p.value}).`
              : `De einddatum ${p.value} ligt vóór de begindatum.`,
    allowedTitle: 'Filters van deze lijst',
    filter: 'Filter',
    values: 'Waarden',
    free: 'vrije tekst (precies zoals utm_source in de link)',
    date: 'een datum: JJJJ-MM-DD',
    back: 'De lijst zonder filters tonen',
  },
} satisfies Record<Language, unknown>;

export function filterProblemsPage(a: {
  language: Language;
  problems: FilterProblem[];
  spec: FilterSpec;
  /** The list without a query string. */
  path: string;
  viewer?: CockpitEnv['Variables']['viewer'];
  csrf?: string;
  current?: NavKey;
}): string {
  const t = texts[a.language];
  const describe = (name: FilterName) => {
    if (name === 'from' || name === 'to') return t.date;
    if (name === 'source') return t.free;
    return allowedValues(name, a.spec).join(', ');
  };
  return renderPage({
    language: a.language,
    title: cockpitTexts[a.language].badFilterTitle,
    viewer: a.viewer,
    csrf: a.csrf,
    current: a.current,
    children: (
      <>
        <p>{t.intro}</p>
        <ul class="error" role="alert">
          {a.problems.map((p) => (
            <li>{t.problem(p)}</li>
          ))}
        </ul>
        <h2>{t.allowedTitle}</h2>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.filter}</th>
                <th scope="col">{t.values}</th>
              </tr>
            </thead>
            <tbody>
              {a.spec.filters.map((name) => (
                <tr>
                  <th scope="row">{name}</th>
                  <td>{describe(name)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>
          <a href={a.path}>{t.back}</a>
        </p>
      </>
    ),
  });
}

/** For a route: the 400 page of the viewer. */
export function filterProblems(c: Context<CockpitEnv>, problems: FilterProblem[], spec: FilterSpec, current?: NavKey) {
  const viewer = c.get('viewer');
  return c.html(filterProblemsPage({ language: viewer.language, problems, spec, path: c.req.path, viewer, csrf: c.get('csrf'), current }), 400);
}
