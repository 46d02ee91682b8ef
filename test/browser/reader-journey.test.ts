// A reader's visit, in a real Chromium on a phone and a desktop, with
// JavaScript off and on: every step works as plain links and forms.

import type { Page } from "playwright-core";
import { describe, inject, it } from "vitest";
import { useChromium } from "./chromium";
import { READER_VARIANTS, RUN, readerContext, screenshot, variantLabel } from "./readers";

const base = inject("baseUrl");

const browser = useChromium();

/** Through the header: on a phone the sections sit behind the "Chuyên mục" menu. */
async function openSection(page: Page, path: string) {
  const menu = page.locator("header .menu summary");
  if (await menu.isVisible()) await menu.click();
  await Promise.all([page.waitForURL(base + path), page.locator(`header a[href='${path}']:visible`).click()]);
}

/** The comment form refuses posts sooner than 3 s after it was handed out. */
const FORM_MIN_MS = 3_000;
const waitForForm = (page: Page, handedOutAt: number) =>
  page.waitForTimeout(Math.max(0, handedOutAt + FORM_MIN_MS + 300 - Date.now()));

// Four readers at once on a small machine: each may take several times as long as alone.
const JOURNEY_TIMEOUT = 150_000;

// Concurrent: each reader's 3-second comment wait overlaps the others'.
describe.concurrent("a reader", () => {
  for (const variant of READER_VARIANTS) {
    it(
      `reads home, a section and an article, searches, and comments (${variantLabel(variant)})`,
      async ({ expect }) => {
        const context = await readerContext(browser(), variant);
        const page = await context.newPage();
        const shot = (kind: string) => screenshot(page, kind, variant);
        const noOverflow = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

        await page.goto(`${base}/`);
        await expect(page.locator("h1").count()).resolves.toBe(1);
        await expect(page.locator(".top-story h2 a").isVisible()).resolves.toBe(true);
        await expect(page.locator(".poll legend").textContent()).resolves.toBe(
          "Bạn có ủng hộ mở rộng phố đi bộ ven sông Bạc Liêu vào cuối tuần?",
        );
        await expect(noOverflow()).resolves.toBe(true);
        await shot("home");

        await openSection(page, "/kinh-te");
        await expect(page.locator("h1").textContent()).resolves.toBe("Kinh tế");
        await expect(page.locator(".nav a[aria-current=page]").textContent()).resolves.toBe("Kinh tế");
        const sections = await page.locator(".teaser div p:last-child").allTextContents();
        expect(sections.length).toBeGreaterThan(0);
        for (const line of sections) expect(line).toMatch(/· Kinh tế$/);
        await shot("section");

        const teaser = page.locator(".teaser h3 a").first();
        const headline = await teaser.textContent();
        await Promise.all([page.waitForURL(/\.html$/, { waitUntil: "load" }), teaser.click()]);
        await expect(page.locator("article h1").textContent()).resolves.toBe(headline);
        await expect(page.locator(".dateline time").textContent()).resolves.toMatch(
          /^(Thứ .+|Chủ Nhật), \d\d\/\d\d\/\d{4} \| \d\d:\d\d$/,
        );
        await expect(
          page
            .locator("article figure img")
            .first()
            .evaluate((img) => (img as HTMLImageElement).naturalWidth),
        ).resolves.toBeGreaterThan(0);
        await expect(noOverflow()).resolves.toBe(true);
        await shot("article");

        await Promise.all([page.waitForURL(/\/tim-kiem$/), page.click(".search-link")]);
        await page.fill("#q", "giải pickleball");
        await Promise.all([page.waitForURL(/q=/), page.press("#q", "Enter")]);
        await expect(page.locator("main").textContent()).resolves.toContain(
          "Không tìm thấy bài viết nào phù hợp với “giải pickleball”.",
        );
        await expect(page.locator("#suggest-title").textContent()).resolves.toBe("Tin mới nhất");
        await shot("search-empty");

        // Typed without tone marks, as on a phone keyboard; found and highlighted as printed.
        await page.fill("#q", "bac lieu");
        await Promise.all([page.waitForURL(/q=bac\+lieu/), page.click(".search-form button")]);
        await expect(page.locator("main > p").first().textContent()).resolves.toMatch(
          /^Tìm thấy \d+ bài viết cho “bac lieu”\.$/,
        );
        await expect(page.locator(".search-results mark").first().textContent()).resolves.toBe("Bạc");
        await shot("search");

        const result = page.locator(".search-results h3 a").first();
        const found = await result.textContent();
        await Promise.all([page.waitForURL(/\.html$/), result.click()]);
        const formHandedOutAt = Date.now();
        await expect(page.locator("article h1").textContent()).resolves.toBe(found);

        const comment = `Đèn mới đẹp quá, tối nào nhà tôi cũng ra công viên (${variantLabel(variant)}, ${RUN}).`;
        await page.fill("#cm-name", "Trần Thị Mai");
        await page.fill("#cm-body", comment);
        await waitForForm(page, formHandedOutAt);
        await Promise.all([page.waitForURL(/#binh-luan-da-gui$/), page.click("#viet-binh-luan button[type=submit]")]);
        const sent = page.locator("#binh-luan-da-gui");
        await expect(sent.isVisible()).resolves.toBe(true);
        await expect(sent.textContent()).resolves.toBe("Bình luận của bạn đang chờ duyệt. Cảm ơn bạn đã góp ý!");
        // Held for moderation: not shown to anyone yet.
        await expect(page.locator("#binh-luan").textContent()).resolves.not.toContain(comment);
        // What the reader sees: the notice where the form was (the whole article is the article shot).
        await sent.scrollIntoViewIfNeeded();
        await screenshot(page, "comment-sent", variant, false);
        await context.close();
      },
      JOURNEY_TIMEOUT,
    );
  }
});

const pollNumbers = async (page: Page) => ({
  total: Number((await page.locator(".poll-total").textContent())!.replace(/\D/g, "")),
  counts: Object.fromEntries(
    await page
      .locator(".poll-results li")
      .evaluateAll((items) =>
        items.map((li) => [
          li.querySelector(".poll-label")!.textContent!,
          Number(/^[\d.]+/.exec(li.querySelector(".poll-count")!.textContent!)![0].replace(/\./g, "")),
        ]),
      ),
  ) as Record<string, number>,
});

// One after another: each vote's effect on the totals is then exact.
describe("a reader votes in the poll", () => {
  const choices = ["Ủng hộ", "Không ủng hộ", "Chỉ nên mở vào dịp lễ", "Ủng hộ"];
  for (const [i, variant] of READER_VARIANTS.entries()) {
    it(`once, and sees the vote counted (${variantLabel(variant)})`, async ({ expect }) => {
      const choice = choices[i]!;
      const context = await readerContext(browser(), variant);
      const page = await context.newPage();
      await page.goto(`${base}/`);
      await Promise.all([page.waitForURL(/\/binh-chon\/\d+$/), page.click(".poll a:text('Xem kết quả')")]);
      const before = await pollNumbers(page);
      await expect(page.locator("#da-binh-chon").isVisible()).resolves.toBe(false);

      await page.goto(`${base}/`);
      await page.check(`.poll label:has-text("${choice}") input`);
      await Promise.all([page.waitForURL(/\/binh-chon\/\d+#da-binh-chon$/), page.click(".poll button[type=submit]")]);
      await expect(page.locator("#da-binh-chon").textContent()).resolves.toBe("Cảm ơn bạn đã bình chọn!");
      await expect(page.locator("#da-binh-chon").isVisible()).resolves.toBe(true);
      const after = await pollNumbers(page);
      expect(after.total).toBe(before.total + 1);
      expect(after.counts).toEqual({ ...before.counts, [choice]: before.counts[choice]! + 1 });
      await screenshot(page, "poll-results", variant);

      // A second vote from the same browser is not counted.
      await page.goto(`${base}/`);
      await page.check(`.poll label:has-text("${choice}") input`);
      await Promise.all([page.waitForURL(/\/binh-chon\/\d+$/), page.click(".poll button[type=submit]")]);
      await expect(page.locator("[role=alert]").textContent()).resolves.toBe(
        "Bạn đã bình chọn cho câu hỏi này rồi. Cảm ơn bạn!",
      );
      await expect(pollNumbers(page)).resolves.toEqual(after);
      await context.close();
    }, 120_000);
  }
});
