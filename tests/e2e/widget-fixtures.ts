import { identityHash } from '@candor/api/widget-auth/identity-proof';
import type { CreatedWorkspace } from '@candor/api/workspaces/create-workspace';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { eventually } from '../support/eventually';
import { readJson, type TestApp } from '../support/harness';

/** The `Candor('init', …)` options a customer's page would pass for Ada at Acme. */
export function initFor(
  ws: CreatedWorkspace,
  extra: Record<string, unknown> & { user?: { id: string; [k: string]: unknown } } = {},
) {
  const user = extra.user ?? { id: 'u_42', email: 'ada@acme.io', name: 'Ada Lovelace' };
  return {
    key: ws.publishable_key,
    user,
    account: { id: 'acme', name: 'Acme Corp' },
    // Signed for whichever user the page is signed in as: new workspaces verify identity.
    userHash: identityHash(ws.identity_secret, user.id),
    locale: 'en',
    ...extra,
  };
}

/** The interview as the server API reports it (status, mode, transcript). */
export async function transcript(t: TestApp, ws: CreatedWorkspace, id: string) {
  const res = await t.request(`/v1/interviews/${id}`, { token: ws.secret_key });
  if (res.status !== 200) throw new Error(`GET interview: ${res.status}`);
  return (await readJson(res)) as {
    status: string;
    mode: string;
    messages: { role: string; text: string; mode?: string }[];
  };
}

/** The widget's own parts, found through its (open) shadow root. */
export function widget(page: Page) {
  const host = page.locator('candor-widget');
  return {
    host,
    log: host.getByRole('log'),
    input: host.getByRole('textbox', { name: 'Your answer' }),
    button: (name: string) => host.getByRole('button', { name, exact: true }),
    /** Texts of the message bubbles, in order, without the screen-reader prefixes. */
    bubbles: () =>
      page.evaluate(() =>
        [...(document.querySelector('candor-widget')?.shadowRoot?.querySelectorAll('.m') ?? [])].map((m) => ({
          role: m.classList.contains('c') ? 'customer' : 'interviewer',
          text: m.lastElementChild?.textContent ?? '',
        })),
      ),
    /** The element focused inside the shadow root (tag and text), or null when focus is outside. */
    focused: () =>
      page.evaluate(() => {
        const el = document.querySelector('candor-widget')?.shadowRoot?.activeElement;
        return el
          ? { tag: el.tagName.toLowerCase(), text: el.textContent ?? '', label: el.getAttribute('aria-label') }
          : null;
      }),
  };
}

/** Waits until the widget shows `count` interviewer messages, and returns the last one's text. */
export async function waitForInterviewerMessages(page: Page, count: number, timeoutMs = 15_000) {
  // Settled: no typing dots, no reply still streaming, the composer free again — checked
  // before and after reading the bubbles, so a reply that was still streaming is not read.
  const busy = () => page.locator('candor-widget .ty:visible, candor-widget [aria-busy="true"]').count();
  return eventually(async () => {
    if (await busy()) return undefined;
    const list = (await widget(page).bubbles()).filter((b) => b.role === 'interviewer' && b.text);
    return list.length >= count && !(await busy()) ? list[list.length - 1]!.text : undefined;
  }, timeoutMs);
}

/** Types an answer and sends it with Enter. */
export async function sendAnswer(page: Page, text: string) {
  const { input } = widget(page);
  await input.fill(text);
  await input.press('Enter');
}

/** A sentence long enough that the scripted policy moves to the next topic. */
export const longAnswer = (about: string) =>
  `We use it for ${about} across three teams and it saves us hours every week.`;

/** axe-core's serious and critical violations within `selector` (the widget's shadow tree included). */
export async function seriousViolations(page: Page, selector = 'candor-widget') {
  // Contrast is judged on the settled UI: the panel fades in, and mid-fade colours are blended.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Number.POSITIVE_INFINITY),
  );
  // evaluate runs through DevTools, which the page's strict CSP does not govern (no inline script needed).
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(axe.source);
  const results = await page.evaluate(
    (sel) =>
      (window as unknown as { axe: typeof axe }).axe.run({ include: [[sel]] } as axe.ElementContext, {
        resultTypes: ['violations'],
      }),
    selector,
  );
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target) }));
}
