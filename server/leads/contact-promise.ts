import type { Tier, VendorConfig } from '../../shared/config';

// When the rep will have contacted a new prospect (routing.contactWithinWorkingDays per tier): by
// the end of the working day (vendor.workdayEndsAt) that many working days (Monday to Friday, in
// vendor.timeZone) after the request; 0 is the request's own working day. A request on a weekend,
// or after the working day ended, counts from the next working day. No holidays are known.

const parts = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock date and time of `at` in `timeZone`. */
function wallClock(at: number, timeZone: string) {
  let f = parts.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    parts.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
    second: Number(p.second),
  };
}

/** The zone's offset from UTC at `at`, in ms. */
function offsetAt(at: number, timeZone: string): number {
  const w = wallClock(at, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(at / 1000) * 1000;
}

/** The instant of a wall-clock time in `timeZone` (a time skipped by a clock change moves forward). */
export function zonedTime(date: { year: number; month: number; day: number }, hour: number, minute: number, timeZone: string): number {
  const asUtc = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  const first = asUtc - offsetAt(asUtc, timeZone);
  return asUtc - offsetAt(first, timeZone);
}

/** The last answer per config, tier and minute: leads of the same minute share it (every new lead asks). */
const lastAnswer = new WeakMap<VendorConfig, Map<string, number>>();

/** The promised contact time (epoch ms) of a lead of `tier` requested at `createdAt`; undefined when the tier promises no date. */
export function contactPromise(config: VendorConfig, tier: Tier | string, createdAt: number): number | undefined {
  const days = config.routing.contactWithinWorkingDays?.[tier as Tier];
  if (days === undefined) return undefined;
  // The answer depends on the local date and whether the working day has ended: the same within a minute.
  let byTier = lastAnswer.get(config);
  if (!byTier) lastAnswer.set(config, (byTier = new Map()));
  const key = `${tier}@${Math.floor(createdAt / 60_000)}`;
  const known = byTier.get(key);
  if (known !== undefined) return known;
  const answer = computePromise(config, days, createdAt);
  if (byTier.size > 8) byTier.clear();
  byTier.set(key, answer);
  return answer;
}

function computePromise(config: VendorConfig, days: number, createdAt: number): number {
  const { timeZone, workdayEndsAt } = config.vendor;
  const [endHour, endMinute] = workdayEndsAt.split(':').map(Number);
  const local = wallClock(createdAt, timeZone);
  // Calendar arithmetic on the local date (UTC noon of it: no clock change can move the day).
  const day = new Date(Date.UTC(local.year, local.month - 1, local.day, 12));
  const isWorkday = () => day.getUTCDay() >= 1 && day.getUTCDay() <= 5;
  const next = () => day.setUTCDate(day.getUTCDate() + 1);
  const afterHours = local.hour * 60 + local.minute >= endHour * 60 + endMinute;
  if (!isWorkday() || afterHours) {
    do next();
    while (!isWorkday());
  }
  for (let left = days; left > 0; left--) {
    do next();
    while (!isWorkday());
  }
  return zonedTime({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() }, endHour, endMinute, timeZone);
}
