/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { COMPANY_SIZES, type VendorConfig } from '../../shared/config';
import { LANGUAGES, resolveText, type Language } from '../../shared/localized';
import { leads } from '../db/schema';
import { qualifyAnswers, type Qualification } from '../leads/qualify';
import { chooseRoute, type RouteDecision } from '../leads/route';
import { readRoutingState } from '../leads/routing-store';
import { routingReasonLines } from '../mail/routing-reason';
import { mailTexts } from '../mail/texts';
import type { CockpitDeps, CockpitEnv } from './cockpit-deps';
import { renderPage } from './layout';
import { canSeeLead } from './scope';
import { answersOfLead, parseTester, TESTER_PARAMS, type TesterAnswers, type TesterProblem } from './routing-tester-form';
import { testerTexts } from './routing-tester-texts';

// /app/routing-tester (managers and reps): "who would get this lead?" — answers filled in, or a
// lead the viewer may see, qualified and routed exactly as a new lead would be right now, and
// nothing stored (a GET; the routing state is read, never saved).

interface Outcome {
  answers: TesterAnswers;
  fromLead?: string;
  qualification: Qualification;
  decision: RouteDecision;
}

/** Qualifies and routes the answers as a new lead now; reads only. */
export function testRouting(deps: Pick<CockpitDeps, 'db' | 'config' | 'clock'>, answers: TesterAnswers, leadId?: string): Omit<Outcome, 'answers' | 'fromLead'> {
  const { config } = deps;
  const qualification = qualifyAnswers(
    {
      stage: answers.stage,
      budget: answers.budget,
      decisionProcess: answers.decisionProcess,
      timeline: answers.timeline,
      costOfInaction: answers.costOfInaction ? 'given' : null,
      stakeholderRoles: answers.roles.map((role) => ({ role, involved: true })),
      finalSay: answers.finalSay,
    },
    config,
  );
  const facts = {
    tier: qualification.tier,
    stage: answers.stage,
    timeline: answers.timeline,
    companySize: answers.companySize,
    country: answers.country,
    language: answers.language,
    emailDomain: answers.emailDomain,
  };
  // One read transaction: the state (turns, open leads, owner, overrides) as of one moment.
  const decision = deps.db.transaction(() => chooseRoute(facts, config, readRoutingState(deps.db, config, { emailDomain: answers.emailDomain, id: leadId }), { now: deps.clock.now() }), {
    behavior: 'deferred',
  });
  return { qualification, decision };
}

export function routingTesterRoutes(deps: CockpitDeps) {
  const app = new Hono<CockpitEnv>();
  app.get('/', (c) => {
    const viewer = c.get('viewer');
    const t = testerTexts[viewer.language];
    const page = (body: { answers?: Partial<TesterAnswers>; leadId?: string; problems?: TesterProblem[]; outcome?: Outcome; error?: string }, status: 200 | 400 | 404 = 200) =>
      c.html(
        renderPage({
          language: viewer.language,
          title: t.title,
          viewer,
          csrf: c.get('csrf'),
          current: 'tester',
          children: <TesterPage config={deps.config} language={viewer.language} {...body} />,
        }),
        status,
      );
    const parsed = parseTester(c.req.queries(), deps.config);
    switch (parsed.kind) {
      case 'empty':
        return page({});
      case 'unknown':
        return page({ error: t.unknownParams(parsed.names.join(', '), TESTER_PARAMS.join(', ')) }, 400);
      case 'lead': {
        const lead = deps.db.select().from(leads).where(eq(leads.id, parsed.id)).get();
        if (!lead || !canSeeLead(viewer, lead)) return page({ leadId: parsed.id, error: t.noLead(parsed.id) }, 404);
        const answers = answersOfLead(lead);
        return page({ answers, leadId: lead.id, outcome: { answers, fromLead: lead.id, ...testRouting(deps, answers, lead.id) } });
      }
      case 'answers':
        if (parsed.problems.length) return page({ answers: parsed.answers, problems: parsed.problems }, 400);
        return page({ answers: parsed.answers, outcome: { answers: parsed.answers, ...testRouting(deps, parsed.answers) } });
    }
  });
  return app;
}

function TesterPage(p: { config: VendorConfig; language: Language; answers?: Partial<TesterAnswers>; leadId?: string; problems?: TesterProblem[]; outcome?: Outcome; error?: string }) {
  const t = testerTexts[p.language];
  const { config, language } = p;
  const fallback = config.sites[0].defaultLanguage;
  const label = (l: Parameters<typeof resolveText>[0]) => resolveText(l, language, fallback) ?? '';
  const q = config.questions;
  const a = p.answers ?? {};
  const problemOf = (field: string) => p.problems?.find((x) => x.field === field);
  const problemText = (x: TesterProblem) =>
    x.problem === 'required' ? t.required : x.problem === 'unknown-option' ? t.unknownOption(x.value) : x.problem === 'bad-country' ? t.badCountry : t.badDomain;
  const err = (field: string) => {
    const x = problemOf(field);
    return x ? (
      <p class="error" id={`error-${field}`}>
        {problemText(x)}
      </p>
    ) : null;
  };
  const described = (field: string) => (problemOf(field) ? { 'aria-describedby': `error-${field}`, 'aria-invalid': 'true' } : {});
  const select = (field: 'stage' | 'budget' | 'decisionProcess' | 'timeline' | 'finalSay', options: { id: string; label: Parameters<typeof resolveText>[0] }[]) => (
    <div>
      <label for={`f-${field}`}>{t.questions[field]}</label>
      <select id={`f-${field}`} name={field} {...described(field)}>
        {options.map((o) => (
          <option value={o.id} selected={a[field] === o.id}>
            {label(o.label)}
          </option>
        ))}
      </select>
      {err(field)}
    </div>
  );
  return (
    <>
      <p>{t.intro}</p>
      {p.error && (
        <p class="error" role="alert">
          {p.error}
        </p>
      )}
      <form method="get" action="/app/routing-tester" class="filters" aria-labelledby="pick-title">
        <h2 id="pick-title" class="sr-only">
          {t.pickTitle}
        </h2>
        <div>
          <label for="f-lead">{t.leadId}</label>
          <input id="f-lead" name="lead" value={p.leadId ?? ''} size={38} autocomplete="off" />
        </div>
        <button type="submit">{t.pick}</button>
      </form>

      <h2 id="answers-title">{t.answersTitle}</h2>
      {p.problems?.length ? (
        <p class="error" role="alert">
          {t.problemsTitle}
        </p>
      ) : null}
      <form method="get" action="/app/routing-tester" aria-labelledby="answers-title">
        <div class="cards">
          {select('stage', q.stage.options)}
          {select('budget', q.budget.options)}
          {select('decisionProcess', q.decisionProcess.options)}
          {select('timeline', q.timeline.options)}
          {select('finalSay', q.stakeholders.finalSay.options)}
          <fieldset {...described('role')}>
            <legend>{t.questions.roles}</legend>
            {q.stakeholders.roles.map((r) => (
              <label>
                <input type="checkbox" name="role" value={r.id} checked={a.roles?.includes(r.id)} /> {label(r.label)}
              </label>
            ))}
            {err('role')}
          </fieldset>
          <div>
            <label>
              <input type="checkbox" name="costOfInaction" value="1" checked={a.costOfInaction} /> {t.questions.costOfInaction}
            </label>
          </div>
          <div>
            <label for="f-companySize">{t.questions.companySize}</label>
            <select id="f-companySize" name="companySize" {...described('companySize')}>
              <option value="">{t.notGiven}</option>
              {COMPANY_SIZES.map((size) => (
                <option value={size} selected={a.companySize === size}>
                  {size}
                </option>
              ))}
            </select>
            {err('companySize')}
          </div>
          <div>
            <label for="f-country">{t.questions.country}</label>
            <input id="f-country" name="country" value={a.country ?? ''} size={4} maxlength={2} autocomplete="off" {...described('country')} />
            {err('country')}
          </div>
          <div>
            <label for="f-language">{t.questions.language}</label>
            <select id="f-language" name="language" {...described('language')}>
              {LANGUAGES.map((l) => (
                <option value={l} selected={(a.language ?? fallback) === l}>
                  {new Intl.DisplayNames([language], { type: 'language' }).of(l)}
                </option>
              ))}
            </select>
            {err('language')}
          </div>
          <div>
            <label for="f-emailDomain">{t.questions.emailDomain}</label>
            <input id="f-emailDomain" name="emailDomain" value={a.emailDomain ?? ''} autocomplete="off" required {...described('emailDomain')} />
            {err('emailDomain')}
          </div>
        </div>
        <p>
          <button type="submit">{t.test}</button>
        </p>
      </form>
      {p.outcome && <OutcomeView outcome={p.outcome} config={config} language={language} />}
    </>
  );
}

function OutcomeView({ outcome, config, language }: { outcome: Outcome; config: VendorConfig; language: Language }) {
  const t = testerTexts[language];
  const { qualification: qn, decision } = outcome;
  const fallback = config.sites[0].defaultLanguage;
  const q = config.questions;
  const optionLabel = (question: string, answer: string): string => {
    const options =
      question === 'role'
        ? q.stakeholders.roles
        : question === 'finalSay'
          ? q.stakeholders.finalSay.options
          : question === 'costOfInaction'
            ? []
            : (q[question as 'stage'] as { options: { id: string; label: Parameters<typeof resolveText>[0] }[] }).options;
    if (question === 'costOfInaction') return t.costFilled;
    const o = options.find((x) => x.id === answer);
    return o ? (resolveText(o.label, language, fallback) ?? answer) : answer;
  };
  const questionLabel = (question: string) => (question === 'role' ? t.questions.roles : (t.questions as Record<string, string>)[question] ?? question);
  const why = decision.why;
  const team = config.teams.find((x) => x.id === decision.teamId);
  const rep = config.reps.find((r) => r.id === decision.repId);
  const ruleText =
    why?.type === 'owner' ? t.owner : why && why.rule !== null ? t.ruleN(why.rule + 1) : t.noRule;
  return (
    <section aria-labelledby="result-title">
      <h2 id="result-title">{t.resultTitle}</h2>
      {outcome.fromLead && <p>{t.fromLead(outcome.fromLead)}</p>}
      <dl data-result>
        <dt>{t.score}</dt>
        <dd data-score>{qn.score}</dd>
        <dt>{t.tier}</dt>
        <dd data-tier>{mailTexts[language].tier[qn.tier]}</dd>
        <dt>{t.noDecision}</dt>
        <dd>{qn.noDecisionRisk ? t.yes : t.no}</dd>
        <dt>{t.rule}</dt>
        <dd data-rule>{ruleText}</dd>
        <dt>{t.team}</dt>
        <dd data-team>{team ? `${team.name}${why && why.type !== 'owner' && why.fallback && decision.repId ? t.fallback : ''}` : '–'}</dd>
        <dt>{t.rep}</dt>
        <dd data-rep>{rep ? rep.name : t.nobody}</dd>
      </dl>
      {why && (
        <>
          <h3>{t.whyTitle}</h3>
          <ul data-why>
            {routingReasonLines(why, config, language).map((line) => (
              <li>{line}</li>
            ))}
          </ul>
        </>
      )}
      <h3 id="explanation-title">{t.explanationTitle}</h3>
      <div class="table-wrap">
        <table aria-labelledby="explanation-title">
          <thead>
            <tr>
              <th scope="col">{t.question}</th>
              <th scope="col">{t.answer}</th>
              <th scope="col" class="num">
                {t.points}
              </th>
            </tr>
          </thead>
          <tbody>
            {qn.explanation.map((line) => (
              <tr>
                <th scope="row">{questionLabel(line.question)}</th>
                <td>{optionLabel(line.question, line.answer)}</td>
                <td class="num">{line.points}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="muted">{t.notStored}</p>
    </section>
  );
}
