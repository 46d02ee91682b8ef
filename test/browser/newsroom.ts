// What the newsroom's browser tests share: signing in, and driving the body
// editor's toolbar and selection the way a person does.
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";

/**
 * A new browser context signed in to the newsroom, on the article list.
 * bypassCSP: axe is injected as a script file; the pages' own scripts run as always.
 */
export async function signedIn(
  browser: Browser,
  base: string,
  who: { email: string; password: string },
  options: BrowserContextOptions,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...options, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${base}/admin/dang-nhap`);
  await page.fill("#email", who.email);
  await page.fill("#password", who.password);
  await Promise.all([page.waitForURL(/\/admin\/bai-viet$/), page.click("main form button[type=submit]")]);
  return { context, page };
}

/** A toolbar button of the editor by its text: tapped on a phone, clicked on a desktop. */
export async function press(page: Page, text: string, touch: boolean) {
  const button = page.locator(".pm-toolbar button", { hasText: text }).first();
  if (touch) await button.tap();
  else await button.click();
  // A tap's click arrives after the touch: wait for the command to hand the focus back (or open its dialog).
  await page.waitForFunction(
    () => document.activeElement?.classList.contains("pm-editor") || !!document.querySelector("dialog[open]"),
  );
  await page.waitForTimeout(50);
}

/** Selects the last `text` typed, by keyboard, as a person would (no faster than ProseMirror reads the selection). */
export async function selectBack(page: Page, text: string) {
  await page.waitForTimeout(100);
  for (let i = 0; i < text.length; i++) await page.keyboard.press("Shift+ArrowLeft");
  await page.waitForFunction((t) => getSelection()?.toString() === t, text);
  await page.waitForTimeout(100);
}
