import type { Language } from '../../shared/localized';

// The confirmation's own texts (server/leads/confirmation.ts), Dutch and English. Vendor texts
// (steps, next steps, links, roles) come from the config.

/** A sentence ending after a name: "… B.V." takes no second dot. */
const period = (text: string) => (text.endsWith('.') ? text : `${text}.`);

const en = {
  thanks: (vendor: string, name?: string) => (name ? `Thank you, ${name}, for contacting ${period(vendor)}` : `Thank you for contacting ${period(vendor)}`),
  contactBy: (who: string, when: string, by: 'phone' | 'email', reach: string) =>
    by === 'phone'
      ? `${who} will call you by ${when}, on the number you gave us. You can also call them yourself on ${reach}.`
      : `${who} will contact you by email by ${when}. You can also reach them at ${reach}.`,
  answerProposal: (who: string, name: string, when: string | undefined, by: 'phone' | 'email', reach: string) =>
    `${who} will answer your proposal${when ? ` by ${when}` : ''}${by === 'phone' ? ', by phone' : ''}. Until then nothing is fixed: the steps you questioned are open. You can reach ${name} at ${reach}.`,
  answerProposalTeam: (vendor: string) => `Our team at ${vendor} will answer your proposal. Until then nothing is fixed: the steps you questioned are open.`,
  prepare: (step: string, ask: string) => `For the first step (${step}): ${ask}`,
  processTitle: 'How we will work together',
  proposalTitle: 'Your proposal, step by step',
  changeProposed: 'you proposed a change',
  ownWords: 'You described the approach you prefer in your own words; it is with us as you wrote it.',
  stepsAdded: (n: number) => (n === 1 ? 'You proposed 1 extra step.' : `You proposed ${n} extra steps.`),
  contactSubject: (vendor: string, rep: string, when: string, by: 'phone' | 'email') =>
    `Your request to ${vendor}: ${rep} will ${by === 'phone' ? 'call' : 'contact'} you by ${when}`,
  proposalSubject: (vendor: string, rep: string | undefined, when: string | undefined) =>
    `Your proposal to ${vendor}: ${rep ?? 'we'} will answer${when ? ` by ${when}` : ''}`,
  linkSubject: (vendor: string, label: string) => `Your request to ${vendor}: ${label}`,
  receivedSubject: (vendor: string) => `We have received your request, ${vendor}`,
  whatToPrepare: 'What to prepare',
  yourPage: 'Your page: see where you stand and update your answers',
  whatNext: 'What happens next',
};

const nl: typeof en = {
  thanks: (vendor, name) => (name ? `Bedankt, ${name}, voor uw aanvraag bij ${period(vendor)}` : `Bedankt voor uw aanvraag bij ${period(vendor)}`),
  contactBy: (who, when, by, reach) =>
    by === 'phone'
      ? `${who} belt u uiterlijk ${when}, op het nummer dat u opgaf. U kunt ook zelf bellen: ${reach}.`
      : `${who} mailt u uiterlijk ${when}. U kunt ook zelf mailen: ${reach}.`,
  answerProposal: (who, name, when, by, reach) =>
    `${who} beantwoordt uw voorstel${when ? ` uiterlijk ${when}` : ''}${by === 'phone' ? ', telefonisch' : ''}. Tot dan ligt er niets vast: de stappen die u ter discussie stelde, staan open. U bereikt ${name} via ${reach}.`,
  answerProposalTeam: (vendor) => `Ons team bij ${vendor} beantwoordt uw voorstel. Tot dan ligt er niets vast: de stappen die u ter discussie stelde, staan open.`,
  prepare: (step, ask) => `Voor de eerste stap (${step}): ${ask}`,
  processTitle: 'Zo gaan we samenwerken',
  proposalTitle: 'Uw voorstel, stap voor stap',
  changeProposed: 'u stelde een wijziging voor',
  ownWords: 'U beschreef de aanpak die u wilt in uw eigen woorden; die ligt bij ons zoals u hem schreef.',
  stepsAdded: (n) => (n === 1 ? 'U stelde 1 extra stap voor.' : `U stelde ${n} extra stappen voor.`),
  contactSubject: (vendor, rep, when, by) => `Uw aanvraag bij ${vendor}: ${rep} ${by === 'phone' ? 'belt' : 'mailt'} u uiterlijk ${when}`,
  proposalSubject: (vendor, rep, when) => `Uw voorstel aan ${vendor}: ${rep ?? 'wij'} ${rep ? 'antwoordt' : 'antwoorden'}${when ? ` uiterlijk ${when}` : ''}`,
  linkSubject: (vendor, label) => `Uw aanvraag bij ${vendor}: ${label}`,
  receivedSubject: (vendor) => `Uw aanvraag bij ${vendor} is ontvangen`,
  whatToPrepare: 'Wat u kunt voorbereiden',
  yourPage: 'Uw pagina: zie waar u staat en werk uw antwoorden bij',
  whatNext: 'Wat er nu gebeurt',
};

export const confirmationTexts: Record<Language, typeof en> = { nl, en };
