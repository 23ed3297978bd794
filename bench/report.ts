import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import type { LoadResult } from './proc';

// Formats the bench figures as a table and writes them into docs/operating-figures.md between
// the markers, leaving the rest of that file (the proofs' figures, prose) alone.

const BEGIN = '<!-- bench:begin (written by `npm run bench`; do not edit by hand) -->';
const END = '<!-- bench:end -->';

/** One load run, with the server's CPU time per request (all threads). */
export type Measured = LoadResult & { cpuPerRequest: number };
/** (a), (b) on the database that started empty, (b) on the full one: back to back. */
export interface Round {
  bare: Measured;
  real: Measured;
  realFull: Measured;
  /** (a) and (b, empty database) while a stream of EVENTS_PER_SECOND funnel events arrives (at /echo for (a)). */
  bareEvents: Measured;
  realEvents: Measured;
}

/** The steady stream of funnel events during the (b)-with-events runs. */
export const EVENTS_PER_SECOND = 500;

export interface Figures {
  rounds: Round[];
  leads: number;
  prefill: { seconds: number; megabytes: number };
  coldReal: number[];
  coldBare: number[];
  rss: { rss: number; peak: number };
  rssFull: { rss: number; peak: number };
  /** The real server before any load, and the bare Hono process after its load (both bundled, plain node). */
  rssIdle: { rss: number; peak: number };
  rssBare: { rss: number; peak: number };
  outboxAfter: unknown;
  mailsSent: number;
  widgetGzip: number | undefined;
  seconds: number;
  warmupSeconds: number;
  loadBefore: number[];
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const f0 = (n: number) => n.toFixed(0);
const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);

export function machine() {
  const cpu = cpus();
  return `${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), ${f1(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
}

export function render(x: Figures, when: Date): string {
  const f3 = (n: number) => n.toFixed(3);
  const rounds = x.rounds;
  const med = (pick: (r: Round) => number) => median(rounds.map(pick));
  const spread = (xs: number[]) => `${f3(Math.min(...xs))}–${f3(Math.max(...xs))}`;
  // A round runs a, b and b-full back to back; the median over rounds drops the rounds in which a
  // neighbour's burst hit one of them only.
  const ratios = rounds.map((r) => r.real.rps / r.bare.rps);
  const ratiosFull = rounds.map((r) => r.realFull.rps / r.bare.rps);
  const ratiosEvents = rounds.map((r) => r.realEvents.rps / r.bareEvents.rps);
  const ratioEvents = median(ratiosEvents);
  const keeps = rounds.map((r) => r.realFull.rps / r.real.rps); // = (b/a full) / (b/a empty) of that round
  const ratio = median(ratios);
  const ratioFull = median(ratiosFull);
  const keep = median(keeps);
  const cpuRatio = (pick: (r: Round) => Measured) => med((r) => r.bare.cpuPerRequest) / med((r) => pick(r).cpuPerRequest);
  const bareAll = rounds.map((r) => r.bare.rps);
  const noise = Math.max(...bareAll) / Math.min(...bareAll);
  const peak = Math.max(x.rss.peak, x.rssFull.peak);
  const row = (name: string, r: Measured) =>
    `| ${name} | ${f0(r.rps)} | ${f1(r.p50)} | ${f1(r.p99)} | ${r.ok} | ${r.non2xx} / ${r.errors} / ${r.timeouts} | ${f3(r.cpuPerRequest)} |`;
  const leads = x.leads.toLocaleString('en');
  const mark = (ok: boolean) => (ok ? 'met' : '**MISSED**');
  return [
    `Measured ${when.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}; load average before the run ${x.loadBefore.map(f2).join(' ')}.`,
    `autocannon 9 in a separate process on loopback, 50 connections, ~1 KB JSON bodies, each with a fresh submissionId and its own company. All three servers are up side by side; while one is measured the others are paused (SIGSTOP), so a mail backlog drained by an idle server takes no CPU from it. ` +
      `warmed up for ${x.warmupSeconds} s each, then ${rounds.length} rounds of (a), (b) on a database that starts empty, (b) on a ${leads}-lead database, ${x.seconds} s each, so a busy neighbour weighs on all alike. ` +
      `Ratios below are the median of the rounds' ratios. "CPU ms/req": the server process's CPU time (all threads, user + system) per request.`,
    '',
    '| run | requests/s | p50 ms | p99 ms | 2xx | non-2xx / errors / timeouts | CPU ms/req |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rounds.flatMap((r, i) => [
      row(`round ${i + 1}: (a) bare Hono JSON POST`, r.bare),
      row(`round ${i + 1}: (b) POST /api/v1/sites/…/leads, database that started empty`, r.real),
      row(`round ${i + 1}: (b) POST …/leads, ${leads} stored leads`, r.realFull),
      row(`round ${i + 1}: (a) bare Hono while ${EVENTS_PER_SECOND} events/s arrive`, r.bareEvents),
      row(`round ${i + 1}: (b) POST …/leads while ${EVENTS_PER_SECOND} funnel events/s arrive`, r.realEvents),
    ]),
    '',
    '| figure | value | target |',
    '|---|---|---|',
    `| b/a, database that started empty (median of the rounds) | ${f3(ratio)} (rounds: ${spread(ratios)}) | ≥ 0.10: ${mark(ratio >= 0.1)} |`,
    `| b/a, ${leads} leads | ${f3(ratioFull)} (rounds: ${spread(ratiosFull)}) | — |`,
    `| b/a while ${EVENTS_PER_SECOND} funnel events/s arrive at both (b counts them; empty database) | ${f3(ratioEvents)} (rounds: ${spread(ratiosEvents)}) | not below b/a: ${mark(ratioEvents >= ratio * 0.95)} (within 5 %) |`,
    `| (b/a at ${leads} leads) / (b/a empty), per round | ${f2(keep)} (rounds: ${spread(keeps)}) | ≥ 0.9: ${mark(keep >= 0.9)} |`,
    `| CPU per request a / b, empty / ${leads} leads | ${f3(cpuRatio((r) => r.real))} / ${f3(cpuRatio((r) => r.realFull))} | — |`,
    `| machine noise: fastest / slowest (a) round | ${f2(noise)} | ~1.1 on a quiet machine${noise > 1.5 ? '; **this run was disturbed**, rerun before quoting it' : ''} |`,
    `| cold start to first 200 (median of ${x.coldReal.length}), real server, new database | ${f0(median(x.coldReal))} ms (${x.coldReal.map(f0).join(', ')}) | — |`,
    `| cold start to first 200, bare Hono | ${f0(median(x.coldBare))} ms (${x.coldBare.map(f0).join(', ')}) | — |`,
    `| cold start real / bare | ${f1(median(x.coldReal) / median(x.coldBare))}× | — |`,
    `| server RSS after load (empty db / ${leads} leads) | ${f0(x.rss.rss)} / ${f0(x.rssFull.rss)} MB | ≤ 150 MB: ${mark(Math.max(x.rss.rss, x.rssFull.rss) <= 150)} |`,
    `| server peak RSS during load (VmHWM) | ${f0(peak)} MB | — |`,
    `| real server RSS at start, before load | ${f0(x.rssIdle.rss)} MB | — |`,
    `| bare Hono RSS after its load (same bundled \`node\` start) | ${f0(x.rssBare.rss)} MB | — |`,
    `| widget.js gzip -9 | ${x.widgetGzip ?? 'missing'} bytes | — |`,
    '',
    `The real server ran as in production: two threads (HTTP and validation; storing leads — WAL with synchronous=FULL, every lead on disk before its 201, leads arriving together share one commit — and the outbox worker, one batch per second while leads are being stored),`,
    `sending over SMTP to a local SMTP server during the load (${x.mailsSent} mails accepted in the whole run; outbox after the last run: ${JSON.stringify(x.outboxAfter)}).`,
    `The ${x.leads.toLocaleString('en')}-lead database (${f0(x.prefill.megabytes)} MB, filled in ${f1(x.prefill.seconds)} s by bench/prefill.ts) also holds one event and two sent mails per lead.`,
  ].join('\n');
}

/** Puts `section` between the markers of docs/operating-figures.md (under `heading` when they are not there yet). */
export function writeDoc(root: string, section: string, markers = { begin: BEGIN, end: END, heading: 'Speed (npm run bench)' }) {
  const path = join(root, 'docs', 'operating-figures.md');
  mkdirSync(join(root, 'docs'), { recursive: true });
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '# Operating figures\n';
  const start = current.indexOf(markers.begin);
  const end = current.indexOf(markers.end);
  const next =
    start >= 0 && end > start
      ? `${current.slice(0, start + markers.begin.length)}\n${section}\n${current.slice(end)}`
      : `${current.trimEnd()}\n\n## ${markers.heading}\n\n${markers.begin}\n${section}\n${markers.end}\n`;
  writeFileSync(path, next);
  return path;
}

export function loadNow() {
  return loadavg();
}
