import { describe, expect, it } from 'vitest';
import { exampleConfig } from '../../test/support/fixtures';
import { contactPromise } from './contact-promise';

// The example config: Europe/Amsterdam, working day ends 17:00, sales-ready 1 working day,
// qualifying 3, information-gathering no promise.
const config = exampleConfig();
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('contactPromise', () => {
  it('is the end of the working day N working days after the request (Amsterdam, winter: UTC+1)', () => {
    // Tuesday 2026-01-13 10:00 Amsterdam
    expect(iso(contactPromise(config, 'sales-ready', at('2026-01-13T09:00:00Z')))).toBe('2026-01-14T16:00:00.000Z');
    expect(iso(contactPromise(config, 'qualifying', at('2026-01-13T09:00:00Z')))).toBe('2026-01-16T16:00:00.000Z');
  });

  it('skips the weekend', () => {
    // Friday 2026-01-16 10:00 → Monday 17:00; qualifying → Wednesday
    expect(iso(contactPromise(config, 'sales-ready', at('2026-01-16T09:00:00Z')))).toBe('2026-01-19T16:00:00.000Z');
    expect(iso(contactPromise(config, 'qualifying', at('2026-01-16T09:00:00Z')))).toBe('2026-01-21T16:00:00.000Z');
    // Saturday: counts from Monday, one working day later is Tuesday
    expect(iso(contactPromise(config, 'sales-ready', at('2026-01-17T12:00:00Z')))).toBe('2026-01-20T16:00:00.000Z');
  });

  it('counts a request after the working day ended from the next working day', () => {
    // Friday 17:30 Amsterdam: from Monday, one day later is Tuesday 17:00
    expect(iso(contactPromise(config, 'sales-ready', at('2026-01-16T16:30:00Z')))).toBe('2026-01-20T16:00:00.000Z');
    // 16:59 is still Friday
    expect(iso(contactPromise(config, 'sales-ready', at('2026-01-16T15:59:00Z')))).toBe('2026-01-19T16:00:00.000Z');
  });

  it('0 working days: the same working day, or the next one after hours or on a weekend', () => {
    const same = exampleConfig((c) => (c.routing.contactWithinWorkingDays = { 'sales-ready': 0 }));
    expect(iso(contactPromise(same, 'sales-ready', at('2026-01-13T09:00:00Z')))).toBe('2026-01-13T16:00:00.000Z');
    expect(iso(contactPromise(same, 'sales-ready', at('2026-01-13T17:00:00Z')))).toBe('2026-01-14T16:00:00.000Z');
    expect(iso(contactPromise(same, 'sales-ready', at('2026-01-18T09:00:00Z')))).toBe('2026-01-19T16:00:00.000Z');
  });

  it('uses the local time across a clock change (summer time starts 2026-03-29 in Amsterdam)', () => {
    // Friday 2026-03-27 10:00 CET (UTC+1) → Monday 2026-03-30 17:00 CEST (UTC+2)
    expect(iso(contactPromise(config, 'sales-ready', at('2026-03-27T09:00:00Z')))).toBe('2026-03-30T15:00:00.000Z');
  });

  it('uses the vendor time zone and end of day, not the server\'s', () => {
    const ny = exampleConfig((c) => {
      c.vendor.timeZone = 'America/New_York';
      c.vendor.workdayEndsAt = '18:30';
    });
    // Monday 2026-01-12 23:00 UTC is 18:00 Monday in New York: before 18:30, so Tuesday 18:30 EST (UTC-5)
    expect(iso(contactPromise(ny, 'sales-ready', at('2026-01-12T23:00:00Z')))).toBe('2026-01-13T23:30:00.000Z');
    // In Amsterdam that moment is already Tuesday 00:00: counts from Tuesday, due Wednesday
    expect(iso(contactPromise(config, 'sales-ready', at('2026-01-12T23:00:00Z')))).toBe('2026-01-14T16:00:00.000Z');
  });

  it('promises nothing for a tier without a number, or an unknown tier', () => {
    expect(contactPromise(config, 'information-gathering', at('2026-01-13T09:00:00Z'))).toBeUndefined();
    expect(contactPromise(exampleConfig((c) => delete c.routing.contactWithinWorkingDays), 'sales-ready', 0)).toBeUndefined();
  });
});
