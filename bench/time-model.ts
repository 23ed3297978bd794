import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildPublicForm } from '../server/form/build-public-form';
import type { VendorConfig } from '../shared/config';
import type { PublicForm } from '../shared/public-form';
import { widgetTexts } from '../shared/widget-texts';

// `npm run time-model` (issue 12): how long a brisk person takes on the default path of the
// example config, by the keystroke-level model: 0.2 s per word read, 1.1 s per click
// (laptop) or 0.9 s per tap (phone), 0.2 / 0.35 s per typed character, 1.2 s per extra scroll.
// The words are the real texts (shared/widget-texts.ts and the example config's form as the server
// answers it); the actions per screen are listed below, one commented line each. Read: headings,
// questions with their "(optional)" (how a brisk person knows to skip them), the options of a
// question answered, the buttons. Seen, not read: the progress line ("Step 2 of 5": nothing to act
// on) and the review's "Change" links (not taken on the default path).

const S = { word: 0.2, click: 1.1, tap: 0.9, charLaptop: 0.2, charPhone: 0.35, scroll: 1.2 };
const TARGET = { laptop: 60, phone: 75, clicks: 15 };

const ROOT = join(import.meta.dirname, '..');
const config = JSON.parse(readFileSync(join(ROOT, 'server/config/example.config.json'), 'utf8')) as VendorConfig;
const language = 'en';
const form: PublicForm = buildPublicForm(config, config.sites[0], language, 'token');
const t = widgetTexts[language];
const q = form.questions;
const opts = (x: { options: { label: string }[] }) => x.options.map((o) => o.label);
/** The label of the option the default path picks (the review repeats it). */
const picked = (x: { options: { id: string; label: string }[] }, id: string) => x.options.find((o) => o.id === id)!.label;

/** What a person of the default path types on the last screen (an ordinary contact). */
const CONTACT = { name: 'Sanne Visser', email: 'sanne@visser.nl', company: 'Visser Logistiek' };

export interface Screen {
  name: string;
  /** Every text read on the way: heading, questions, the options of a question answered, buttons. */
  read: string[];
  /** Clicks (laptop) or taps (phone): choosing, ticking, a field to type in, Next / Send. */
  clicks: number;
  typed: number;
  /** Extra scrolls from the heading to Next / Send, as widget-time-model.e2e.test.ts measures them (screenfuls beyond the first). */
  scrolls: { laptop: number; phone: number };
}

/** The default path, screen by screen (widget-time-model.e2e.test.ts replays it and measures the scrolls). */
export const screens: Screen[] = [
  {
    // How we work: the sentence, the timeline and the total; "This works for me" is preselected
    // (0 clicks), the details stay closed; Next.
    name: form.process.title,
    read: [
      form.process.title, t.lead, ...form.process.steps.map((s) => `${s.title} ${s.duration ?? ''}`),
      t.total.replace('{t}', form.processTotal ?? ''), t.fit, t.accept, t.deviate, t.next,
    ],
    clicks: 1,
    typed: 0,
    scrolls: { laptop: 0, phone: 0 },
  },
  {
    // Where you stand: three questions, one option each; Next.
    name: t.stand,
    read: [t.stand, q.stage.label, ...opts(q.stage), q.budget.label, ...opts(q.budget), q.decisionProcess.label, ...opts(q.decisionProcess), t.next],
    clicks: 4,
    typed: 0,
    scrolls: { laptop: 0, phone: 1 },
  },
  {
    // Who: the final say (one choice); the roles and the two texts are optional and skipped on the
    // default path, but their labels are read; Next. ≤ 890 px at 360 wide (widget-stakeholders).
    name: t.who,
    read: [
      t.who, q.stakeholders.finalSay.label, ...opts(q.stakeholders.finalSay), q.stakeholders.label, t.optional,
      ...q.stakeholders.roles.map((r) => r.label), t.orgInterest, t.optional, t.personalInterest, t.optional, t.next,
    ],
    clicks: 2,
    typed: 0,
    // Next fits the first phone screen (one role fewer since the final say asks who decides; shorter labels).
    scrolls: { laptop: 0, phone: 0 },
  },
  {
    // When: the timeline (one choice), the optional text skipped; Next.
    name: t.when,
    read: [t.when, q.timeline.label, ...opts(q.timeline), q.costOfInaction.label, t.optional, t.next],
    clicks: 2,
    typed: 0,
    scrolls: { laptop: 0, phone: 0 },
  },
  {
    // About you: a click into name, email and company each (Tab would do on a laptop: counted as
    // clicks anyway), the consent, Send; the optional fields' labels read and skipped; the review
    // (four short lines) read once.
    name: t.you,
    read: [
      t.you, t.name, t.email, t.company, ...[t.phone, t.country, t.size, t.message].flatMap((label) => [label, t.optional]),
      t.consent.replace('{vendor}', form.vendor.name), t.privacy, t.review,
      form.process.title, t.accept,
      t.stand, [picked(q.stage, 'comparing'), picked(q.budget, 'approved'), picked(q.decisionProcess, 'roughly')].join(', '),
      t.who, picked(q.stakeholders.finalSay, 'me'), t.when, picked(q.timeline, '3m'), t.send,
    ],
    clicks: 5,
    typed: CONTACT.name.length + CONTACT.email.length + CONTACT.company.length,
    scrolls: { laptop: 1, phone: 1 },
  },
];

const words = (s: string) => s.split(/\s+/).filter((w) => /\w/.test(w)).length;

interface Figures {
  words: number;
  clicks: number;
  typed: number;
  scrolls: number;
  seconds: number;
}

function figures(device: 'laptop' | 'phone'): Figures & { perScreen: { name: string; seconds: number }[] } {
  const click = device === 'laptop' ? S.click : S.tap;
  const char = device === 'laptop' ? S.charLaptop : S.charPhone;
  const perScreen = screens.map((s) => {
    const w = s.read.reduce((n, text) => n + words(text), 0);
    return { name: s.name, words: w, seconds: w * S.word + s.clicks * click + s.typed * char + s.scrolls[device] * S.scroll };
  });
  return {
    words: perScreen.reduce((n, s) => n + s.words, 0),
    clicks: screens.reduce((n, s) => n + s.clicks, 0),
    typed: screens.reduce((n, s) => n + s.typed, 0),
    scrolls: screens.reduce((n, s) => n + s.scrolls[device], 0),
    seconds: perScreen.reduce((n, s) => n + s.seconds, 0),
    perScreen,
  };
}

// Printed when run (npm run time-model, npm run bench), not when a test imports the screens.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) print();

function print() {
  const laptop = figures('laptop');
  const phone = figures('phone');
  const f1 = (n: number) => n.toFixed(1);
  // Compared at a tenth of a second (sums of 0.2, 0.35, … are not exact in floating point).
  const verdict = (value: number, target: number) =>
    +f1(value) <= target ? `ok (${f1(Math.max(0, target - value))} s to spare)` : `MISSES by ${f1(value - target)} s`;

  console.log(`Time model (issue 12), default path of the example config, ${language}:`);
  console.log('screen'.padEnd(22) + 'laptop s'.padStart(10) + 'phone s'.padStart(10));
  laptop.perScreen.forEach((s, i) => console.log(s.name.padEnd(22) + f1(s.seconds).padStart(10) + f1(phone.perScreen[i].seconds).padStart(10)));
  console.log(`words read ${laptop.words}, clicks/taps ${laptop.clicks} (target ≤ ${TARGET.clicks}: ${laptop.clicks <= TARGET.clicks ? 'ok' : 'MISSES'}), typed characters ${laptop.typed}, extra scrolls laptop ${laptop.scrolls} / phone ${phone.scrolls}`);
  console.log(`laptop ${f1(laptop.seconds)} s (target ≤ ${TARGET.laptop} s): ${verdict(laptop.seconds, TARGET.laptop)}`);
  console.log(`phone  ${f1(phone.seconds)} s (target ≤ ${TARGET.phone} s): ${verdict(phone.seconds, TARGET.phone)}`);
  if (+f1(laptop.seconds) > TARGET.laptop || +f1(phone.seconds) > TARGET.phone) {
    const readSeconds = laptop.words * S.word;
    console.log(
      `Reading is ${f1(readSeconds)} s of it: fewer words on the way (shorter questions and options in the config, the ` +
        'lead sentence, the review) or fewer typed characters (browser autofill of name, email and company) close the gap.',
    );
  }
}
