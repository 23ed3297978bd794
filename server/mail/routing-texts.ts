import type { Language } from '../../shared/localized';
import { formatMinutes } from './times';

// Built-in texts of routing after the first assignment (issue 4): action links, hand-over notes,
// the mail to a rep whose lead moved on, the prospect's "new contact person" note, the deadline
// and its reminder. Times come formatted with their zone (times.ts).

const en = {
  actionLabel: { accept: 'Accept', pass: 'Pass on', 'not-a-fit': 'Not a fit', answer: 'Answer the proposal' },
  passedOnNote: (from: string, reason: string | undefined) =>
    `${from} passed this lead on to you${reason ? `: "${reason}"` : '.'}`,
  slaNote: (from: string, minutes: number) => `${from} did not accept this lead within ${formatMinutes(minutes, 'en')}, so it is yours now.`,
  repRemovedNote: 'The colleague who had this lead no longer handles leads, so it is yours now.',
  byHandNote: (by: string, reason: string) => `${by} assigned this lead to you by hand: "${reason}"`,
  promiseNote: (at: string, promise: string) =>
    `On ${at} the prospect was told: "${promise}" Please keep that promise: it counts from then, not from this mail.`,
  deadline: (within: string, by: string) => `Please accept this lead within ${within}, by ${by}. If you do not, it moves on to a colleague.`,
  reminderSubject: (by: string, company: string) => `Reminder: accept by ${by}: ${company}`,
  reminderTitle: (name: string, company: string) => `This lead is still waiting for you: ${name}, ${company}`,
  reminderLines: (by: string, left: string) => [
    `You have not accepted this lead yet. Accept it by ${by}; you have ${left} left. After that it moves on to a colleague.`,
    'Cannot take it? Pass it on now, so the prospect does not wait.',
  ],
  movedSubject: (company: string) => `Lead moved on: ${company}`,
  movedTitle: (name: string, company: string) => `Lead moved on: ${name}, ${company}`,
  movedBecause: (minutes: number) => `You did not accept this lead within ${formatMinutes(minutes, 'en')}.`,
  movedByHand: (manager: string, reason: string) => `${manager} moved this lead by hand: "${reason}"`,
  movedTo: (rep: string | null) => (rep ? `It is now with ${rep}; you need not act on it.` : 'Nobody else was available; the team will assign it by hand.'),
  prospectSubject: (vendor: string) => `Your contact person at ${vendor}`,
  prospectChanged: (to: string | null, from: string | null) =>
    `${to ?? 'Our team'} now handles your request${from ? `, instead of ${from}` : ''}.`,
  prospectStands: 'What we told you still holds:',
};

const nl: typeof en = {
  actionLabel: { accept: 'Accepteren', pass: 'Doorgeven', 'not-a-fit': 'Past niet', answer: 'Voorstel beantwoorden' },
  passedOnNote: (from, reason) => `${from} heeft deze lead aan jou doorgegeven${reason ? `: "${reason}"` : '.'}`,
  slaNote: (from, minutes) => `${from} heeft deze lead niet binnen ${formatMinutes(minutes, 'nl')} geaccepteerd, dus hij is nu van jou.`,
  repRemovedNote: 'De collega bij wie deze lead lag, behandelt geen leads meer; hij is nu van jou.',
  byHandNote: (by, reason) => `${by} heeft deze lead met de hand aan jou toegewezen: "${reason}"`,
  promiseNote: (at, promise) =>
    `Op ${at} is de prospect beloofd: "${promise}" Houd je aan die belofte: die telt vanaf toen, niet vanaf deze mail.`,
  deadline: (within, by) => `Accepteer deze lead binnen ${within}, uiterlijk ${by}. Anders gaat hij naar een collega.`,
  reminderSubject: (by, company) => `Herinnering: accepteer uiterlijk ${by}: ${company}`,
  reminderTitle: (name, company) => `Deze lead wacht nog op jou: ${name}, ${company}`,
  reminderLines: (by, left) => [
    `Je hebt deze lead nog niet geaccepteerd. Accepteer hem uiterlijk ${by}; je hebt nog ${left}. Daarna gaat hij naar een collega.`,
    'Kun je hem niet oppakken? Geef hem nu door, dan hoeft de prospect niet te wachten.',
  ],
  movedSubject: (company) => `Lead doorgezet: ${company}`,
  movedTitle: (name, company) => `Lead doorgezet: ${name}, ${company}`,
  movedBecause: (minutes) => `Je hebt deze lead niet binnen ${formatMinutes(minutes, 'nl')} geaccepteerd.`,
  movedByHand: (manager, reason) => `${manager} heeft deze lead met de hand verplaatst: "${reason}"`,
  movedTo: (rep) => (rep ? `Hij ligt nu bij ${rep}; je hoeft er niets meer mee.` : 'Niemand anders was beschikbaar; het team wijst hem met de hand toe.'),
  prospectSubject: (vendor) => `Uw contactpersoon bij ${vendor}`,
  prospectChanged: (to, from) => `${to ?? 'Ons team'} behandelt uw aanvraag nu${from ? `, in plaats van ${from}` : ''}.`,
  prospectStands: 'Wat we u hebben toegezegd, blijft staan:',
};

export const routingTexts: Record<Language, typeof en> = { nl, en };
