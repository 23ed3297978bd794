import type { Page } from 'playwright-core';
import { deepFocus } from './watch';

// Keyboard-only operation: Tab until the focus reaches a control, arrows inside a radio group,
// Space and Enter. The checks only read where the focus is; every change is made by a key press.

type Focus = NonNullable<Awaited<ReturnType<typeof deepFocus>>>;

export async function tabTo(page: Page, what: string, match: (f: Focus) => boolean, max = 40): Promise<Focus> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await deepFocus(page);
    // Visible focus: every stop of the Tab key inside the widget shows an outline.
    if (f && f.tag !== 'body' && f.tag !== 'koers-widget' && /^none|^\S+ 0px/.test(f.outline)) {
      throw new Error(`no visible focus on ${JSON.stringify(f)}`);
    }
    if (f && match(f)) return f;
  }
  throw new Error(`Tab never reached ${what} (now at ${JSON.stringify(await deepFocus(page))})`);
}

/** Tab into the radio group `name`, then arrow to the option `value` (arrows also check it). */
export async function chooseRadio(page: Page, name: string, value: string): Promise<void> {
  await tabTo(page, `radio group ${name}`, (f) => f.name === name && f.type === 'radio');
  for (let i = 0; i < 8; i++) {
    const f = await deepFocus(page);
    if (f?.value === value) {
      if (!f.checked) await page.keyboard.press('Space');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`radio ${name}=${value} not reachable with arrows`);
}

export async function typeInto(page: Page, name: string, text: string): Promise<void> {
  await tabTo(page, `field ${name}`, (f) => f.name === name);
  await page.keyboard.type(text);
}

export async function pressButton(page: Page, label: string): Promise<void> {
  await tabTo(page, `button ${label}`, (f) => f.tag === 'button' && f.text === label);
  await page.keyboard.press('Enter');
}
