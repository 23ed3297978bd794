import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2e, type E2e } from './support/e2e-env';
import { builtIn, expectScreen, radio, vendorTexts, WAIT, widget } from './support/flow';
import { deepFocus, openWatched } from './support/watch';

// Issue 12 "Text areas": a visible limit with a counter; a paste over the limit is never cut off
// silently (no maxlength): the whole text stays for editing, a polite live region says it is too
// long (once, not per keystroke), and Next refuses until it fits. Single-line fields alike.

let e: E2e;
beforeAll(async () => {
  e = await startE2e();
});
afterAll(async () => {
  await e?.close();
});

describe('text areas', () => {
  it('counter, a paste over the limit kept whole and refused until it fits (Dutch)', async () => {
    const w = await openWatched(e.browser, e.host.url('/inline?lang=nl'));
    const { page } = w;
    const ui = widget(page);
    const t = builtIn.nl;
    const v = vendorTexts('nl');
    await expectScreen(ui, v.processTitle);
    await ui.getByRole('button', { name: t.next }).click();
    await expectScreen(ui, t.stand);
    await radio(ui, v.stage.label, v.stage.o.comparing).check();
    await radio(ui, v.budget.label, v.budget.o.approved).check();
    await radio(ui, v.decisionProcess.label, v.decisionProcess.o.roughly).check();
    await ui.getByRole('button', { name: t.next }).click();
    await expectScreen(ui, t.who);
    await radio(ui, v.finalSay.label, v.finalSay.o.me).check();
    await ui.getByRole('button', { name: t.next }).click();
    await expectScreen(ui, t.when);
    await radio(ui, v.timeline.label, v.timeline.o['1m']).check();

    const area = ui.getByRole('textbox', { name: v.costOfInaction });
    const counter = area.locator('xpath=following-sibling::p[1]');
    const live = area.locator('xpath=following-sibling::p[2]');
    expect(await counter.textContent()).toBe('0 / 1000');
    expect(await area.getAttribute('maxlength')).toBeNull();
    expect(await live.getAttribute('aria-live')).toBe('polite');
    await area.fill('Uitstel kost ons klanten. ');
    expect(await counter.textContent()).toBe('26 / 1000');
    expect(await live.textContent()).toBe(''); // nothing said while typing within the limit

    const pasted = 'x'.repeat(1050);
    await area.fill(pasted); // a paste: the whole text arrives
    expect(await area.inputValue()).toBe(pasted);
    expect(await counter.textContent()).toBe('1050 / 1000');
    expect(await live.textContent()).toBe(t.tooLong);
    await ui.getByRole('button', { name: t.next }).click();
    await expect.poll(() => area.getAttribute('aria-invalid'), WAIT).toBe('true');
    expect(await ui.locator('#k-costOfInaction-e').textContent()).toBe(t.tooLong);
    await expect.poll(async () => (await deepFocus(page))?.name, WAIT).toBe('costOfInaction');
    expect(await area.inputValue()).toBe(pasted); // kept for editing
    await expectScreen(ui, t.when);

    await area.fill('x'.repeat(1000));
    expect(await live.textContent()).toBe('');
    await ui.getByRole('button', { name: t.next }).click();
    await expectScreen(ui, t.you);

    // A single-line field the same way: no maxlength; its counter shows only once it is over.
    const company = ui.getByRole('textbox', { name: t.company });
    expect(await company.getAttribute('maxlength')).toBeNull();
    const lineCounter = () => ui.locator('.f:has(#k-company) .cnt');
    expect(await lineCounter().count()).toBe(0);
    const longName = 'Koninklijke Coöperatieve Samenwerkende Vrachtvervoerders en Logistieke Dienstverleners van Noord-Holland en Flevoland B.V. (afdeling inkoop en aanbesteding, vestiging Almere)';
    expect(longName.length).toBeGreaterThan(160);
    await company.fill(longName);
    expect(await company.inputValue()).toBe(longName);
    expect(await lineCounter().textContent()).toBe(`${longName.length} / 160`);
    expect(await ui.locator('.f:has(#k-company) [aria-live=polite]').textContent()).toBe(t.tooLong);
    await ui.getByRole('textbox', { name: t.name }).fill('Anne de Vries');
    await ui.getByRole('textbox', { name: t.email }).fill('anne@vrachtvervoer.example');
    await ui.getByRole('checkbox').last().check();
    await ui.getByRole('button', { name: t.send }).click();
    await expect.poll(() => company.getAttribute('aria-invalid'), WAIT).toBe('true');
    expect(await ui.locator('#k-company-e').textContent()).toBe(t.tooLong);
    expect(await company.inputValue()).toBe(longName); // kept for editing
    expect(w.leadPosts).toEqual([]);
    await company.fill(longName.slice(0, 160));
    expect(await lineCounter().count()).toBe(0);
    expect(w.errors).toEqual([]);
  });
});
