// Issue 18's "Must show", end to end in a real Chromium: an editor writes one
// article with every kind of content (bold, italic, a link, a list, a table,
// two photos picked from the library and one uploaded, a video, a "Xem
// thêm"), publishes it, and the reader page shows every part within the page
// budgets, with no axe violation and valid HTML. On a 360x740 phone and on a
// desktop, with JavaScript (the editor and the picker) and without it (the
// markup textarea and the server-drawn photo choice).
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { renderDemoPhoto } from "../../scripts/demo/photos";
import { axeViolations } from "./axe";
import { DESKTOP, PHONE, SCREENSHOTS, useChromium } from "./chromium";
import { press, selectBack, signedIn } from "./newsroom";
import { HTML_BUDGET, PHONE_PAGE_BUDGET, phoneWeight } from "./readers";

const base = inject("baseUrl");
const editor = inject("editor");
const vnuJar: string = String(createRequire(import.meta.url)("vnu-jar"));
const RUN = Math.floor(Math.random() * 0xffff).toString(16);
const TIMEOUT = 240_000;
const LINK = "https://example.org/lich-cat-dien";
const VIDEO_ID = "Xk3bQm9TzLw";

const browser = useChromium();

async function signedInHere(options: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page }> {
  const signed = await signedIn(browser(), base, editor, options);
  // Nothing in a test reaches the video's own site.
  await signed.context.route(/youtube|facebook/, (route) => route.fulfill({ status: 204 }));
  return signed;
}

/** The fields around the body; published in the past so other suites' "newest article" stays theirs. */
async function fillMeta(page: Page, headline: string) {
  await page.fill("#kicker", "Phường 7:");
  await page.fill("#headline", headline);
  await page.fill("#lead", "Lịch cắt điện tuần tới, giá lúa mới và đoạn phim về chợ nổi, trong một bài.");
  await page.fill("#tags", "Điện lực, Giá lúa");
  await page.fill("#publishAt", "2021-03-10T08:00");
  await page.selectOption("#sectionId", { label: "Kinh tế" });
  await page.selectOption("#authorId", { index: 1 });
}

async function photoFile(seed: number) {
  const photo = await renderDemoPhoto("wind-farm", seed, 800, 450);
  return { name: `IMG_${seed}.JPG`, mimeType: "image/jpeg", buffer: Buffer.from(photo.data) };
}

async function backInEditor(page: Page) {
  await page.waitForFunction(() => !document.querySelector("dialog[open]"));
  await page.locator(".pm-editor").focus();
  await page.waitForTimeout(150);
}

async function publish(page: Page): Promise<string> {
  await Promise.all([page.waitForURL(/\/admin\/bai-viet\/\d+\?da-luu/), page.click("button[value=dang]")]);
  await page.waitForSelector("text=Đã lưu bài viết.");
  return (await page.locator("main a", { hasText: "Xem trên trang" }).getAttribute("href"))!;
}

/** A published article's headline and id, for the "Xem thêm": the home page's top story. */
async function someOtherArticle(page: Page): Promise<{ id: number; headline: string }> {
  await page.goto(`${base}/`);
  const link = page.locator(".top-story h2 a").first();
  const id = Number(/-(\d+)\.html$/.exec((await link.getAttribute("href"))!)![1]);
  return { id, headline: (await link.textContent())!.trim() };
}

async function vnuErrors(html: string): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), "vnu-whole-"));
  try {
    const file = join(dir, "page.html");
    await writeFile(file, html);
    const { stdout, stderr } = await promisify(execFile)(
      "java",
      ["-jar", vnuJar, "--format", "json", "--exit-zero-always", "--stdout", file],
      { maxBuffer: 16 * 1024 * 1024 },
    );
    const messages = (JSON.parse(stdout || stderr) as { messages: { type: string; message: string }[] }).messages;
    return messages.filter((m) => m.type === "error").map((m) => m.message);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** What a reader gets, checked as a reader would notice it. */
async function checkReaderPage(
  options: BrowserContextOptions,
  path: string,
  expected: { headline: string; related: string; captions: string[] },
  label: string,
) {
  // A reader's own browser (axe needs JavaScript, whatever the editor had).
  const context = await browser().newContext({ ...options, javaScriptEnabled: true, bypassCSP: true });
  await context.route(/youtube|facebook/, (route) => route.fulfill({ status: 204 }));
  const page = await context.newPage();
  await page.goto(base + path);
  await expect(page.locator("h1").textContent()).resolves.toContain(expected.headline);
  const body = page.locator(".body");
  await expect(body.locator("strong").first().textContent()).resolves.toBe("đậm");
  await expect(body.locator("em").first().textContent()).resolves.toBe("nghiêng");
  const link = body.locator(`a[href="${LINK}"]`);
  await expect(link.textContent()).resolves.toBe("lịch cắt điện");
  await expect(link.getAttribute("rel")).resolves.toContain("noopener");
  await expect(body.locator("ul li").allTextContents()).resolves.toEqual(["Khu phố 1", "Khu phố 3"]);
  await expect(body.locator("table th").allTextContents()).resolves.toEqual(["Giống lúa", "Giá (đ/kg)", "Ghi chú"]);
  await expect(body.locator("table td").allTextContents()).resolves.toEqual(["OM 18", "7.200", "tăng"]);
  // The hero and two photos in the body, each a real picture that loads.
  const figures = body.locator("figure:not(.video) figcaption");
  await expect(figures.count()).resolves.toBe(2);
  for (const caption of expected.captions)
    await expect(body.locator("figure figcaption", { hasText: caption }).count(), caption).resolves.toBe(1);
  await expect(page.locator("article img").count()).resolves.toBeGreaterThanOrEqual(3);
  for (const img of await page.locator("article img").all()) await img.scrollIntoViewIfNeeded();
  await page.waitForFunction(() =>
    [...document.querySelectorAll("article img")].every(
      (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
    ),
  );
  // The video: a link to it, nothing asked of its site before a tap.
  await expect(body.locator(`.video a[href*="${VIDEO_ID}"]`).count()).resolves.toBe(1);
  await expect(body.locator(".video").textContent()).resolves.toContain("Chợ nổi lúc bình minh");
  await expect(body.locator(".see-also").textContent()).resolves.toContain(expected.related);
  await page.screenshot({ path: `${SCREENSHOTS}/article-whole-${label}.png`, fullPage: true });
  await expect(axeViolations(page)).resolves.toEqual([]);
  await context.close();

  // Budgets, measured as scripts/bench.ts does: the HTML (CSS inline) in one
  // round trip, and on a phone the HTML with every photo it shows under 50 KB.
  const html = await (await fetch(base + path)).text();
  const weight = await phoneWeight(base, html);
  expect(weight.html).toBeLessThanOrEqual(HTML_BUDGET);
  expect(weight.total).toBeLessThanOrEqual(PHONE_PAGE_BUDGET);
  await expect(vnuErrors(html)).resolves.toEqual([]);
}

for (const [device, options] of [
  ["phone", PHONE],
  ["desktop", DESKTOP],
] as const) {
  describe(`a whole article on a ${device}`, () => {
    const touch = device === "phone";

    it(
      "with JavaScript: written in the editor, photos picked and uploaded in the picker",
      async () => {
        const { context, page } = await signedInHere(options);
        const related = await someOtherArticle(page);
        await page.goto(`${base}/admin/bai-viet/moi`);
        await page.waitForSelector(".pm-editor");
        const headline = `Bài đủ mọi phần trên ${device} ${RUN}`;
        await fillMeta(page, headline);

        // Photo one: the hero, picked from the library.
        await page
          .locator('fieldset[data-photo-choice="heroImageId"]')
          .getByRole("button", { name: "Chọn ảnh" })
          .click();
        await page.locator("dialog .pp-photo").first().click();
        await page.waitForFunction(() => !document.querySelector("dialog[open]"));

        await page.locator(".pm-editor").click();
        await page.keyboard.type("Tin ");
        await page.keyboard.press("Control+b");
        await page.keyboard.type("đậm");
        await page.keyboard.press("Control+b");
        await page.keyboard.type(" và ");
        await page.keyboard.press("Control+i");
        await page.keyboard.type("nghiêng");
        await page.keyboard.press("Control+i");
        await page.keyboard.type(", xem lịch cắt điện");
        await selectBack(page, "lịch cắt điện");
        await page.keyboard.press("Control+k");
        const linkDialog = page.locator("dialog.pm-dialog");
        await linkDialog.locator("input").fill(LINK);
        await linkDialog.locator("input").press("Enter");
        await backInEditor(page);
        // The end of the text (End alone stops at the end of a wrapped line on a phone).
        await page.keyboard.press("Control+End");
        await page.waitForTimeout(100);
        await page.keyboard.press("Enter");
        await page.keyboard.type("- Khu phố 1");
        await page.keyboard.press("Enter");
        await page.keyboard.type("Khu phố 3");
        await page.keyboard.press("Enter");
        await page.keyboard.press("Enter");
        await page.keyboard.type("Ảnh từ thư viện và ảnh mới chụp:");

        // Photo two: picked into the body; its caption written for this article.
        await press(page, "Ảnh", touch);
        await page.locator("dialog .pp-photo").nth(1).click();
        await backInEditor(page);
        await page.locator(".pm-editor .pm-figure").last().getByLabel("Chú thích ảnh").fill("Ảnh chọn từ thư viện");
        // Photo three: uploaded from inside the picker, without leaving the form.
        await press(page, "Ảnh", touch);
        const picker = page.locator("dialog[open]");
        await picker.locator("summary", { hasText: "Tải ảnh mới lên" }).click();
        await page.setInputFiles("#pp-file", await photoFile(device === "phone" ? 311 : 312));
        await page.fill("#pp-alt", "Trạm biến áp mới ở khu phố 3");
        await page.fill("#pp-caption", `Trạm biến áp khu phố 3 (${device}) ${RUN}`);
        await page.fill("#pp-credit", "P.V");
        await picker.getByRole("button", { name: "Tải lên", exact: true }).click();
        await picker.locator(".pp-status", { hasText: "Đã tải ảnh lên" }).waitFor();
        await picker
          .getByRole("button", { name: `Chọn ảnh: Trạm biến áp khu phố 3 (${device}) ${RUN}` })
          .first()
          .click();
        await backInEditor(page);
        const figures = page.locator(".pm-editor .pm-figure");
        await expect(figures.count()).resolves.toBe(2);
        // The editor shows photos, never their numbers.
        await expect(figures.locator("img").count()).resolves.toBe(2);

        await press(page, "Video", touch);
        const video = page.locator("dialog.pm-dialog");
        await video.getByLabel("Địa chỉ video YouTube hoặc Facebook").fill(`https://youtu.be/${VIDEO_ID}`);
        await video.getByLabel("Tiêu đề video").fill("Chợ nổi lúc bình minh");
        await video.getByRole("button", { name: "Chèn video" }).click();
        await backInEditor(page);

        await press(page, "Xem thêm", touch);
        const search = page.locator("dialog.pm-dialog");
        await search.getByLabel("Tìm bài đã đăng theo tiêu đề").fill(related.headline.split(" ").slice(0, 3).join(" "));
        await search.locator("li button", { hasText: related.headline }).first().click();
        await backInEditor(page);

        await press(page, "Bảng", touch);
        // A new table is a header and two rows of three cells; Tab moves to the next cell.
        const cells = ["Giống lúa", "Giá (đ/kg)", "Ghi chú", "OM 18", "7.200", "tăng"];
        for (const [i, cell] of cells.entries()) {
          await page.keyboard.type(cell);
          if (i < cells.length - 1) await page.keyboard.press("Tab");
        }
        // Its second, empty row goes, as an editor would remove it.
        await page.keyboard.press("Tab");
        await press(page, "− Hàng", touch);
        await page.screenshot({ path: `${SCREENSHOTS}/article-whole-editor-${device}.png`, fullPage: true });
        await expect(axeViolations(page)).resolves.toEqual([]);

        const path = await publish(page);
        await checkReaderPage(
          options,
          path,
          {
            headline,
            related: related.headline,
            captions: ["Ảnh chọn từ thư viện", `Trạm biến áp khu phố 3 (${device}) ${RUN}`],
          },
          `${device}-js`,
        );
        await context.close();
      },
      TIMEOUT,
    );

    it(
      "without JavaScript: markup in the textarea, the hero chosen among thumbnails",
      async () => {
        const { context, page } = await signedInHere({ ...options, javaScriptEnabled: false });
        const related = await someOtherArticle(page);
        // The upload form, as before.
        await page.goto(`${base}/admin/anh/tai-len`);
        await page.setInputFiles("#file", await photoFile(device === "phone" ? 321 : 322));
        await page.fill("#alt", "Trạm biến áp mới ở khu phố 3");
        await page.fill("#caption", `Trạm biến áp, không JavaScript (${device}) ${RUN}`);
        await page.fill("#credit", "P.V");
        await page.click("form[data-upload] button[type=submit]");
        await page.waitForSelector("text=Đã tải ảnh lên");
        const uploaded = Number(/\d+/.exec((await page.locator("main .card code").first().textContent())!)![0]);

        await page.goto(`${base}/admin/bai-viet/moi`);
        const headline = `Bài đủ mọi phần không JavaScript trên ${device} ${RUN}`;
        await fillMeta(page, headline);
        // Photo one: the hero, a thumbnail ticked among the recent photos.
        await page.locator('input[type=radio][name="heroImageId"]:not([value=""])').nth(1).check();
        // Photo two: another library photo, named in the markup.
        const recent = await page
          .locator('section[aria-labelledby="recent-images"] figcaption strong')
          .allTextContents();
        const picked = recent.map((t) => Number(/\d+/.exec(t)?.[0])).find((id) => id && id !== uploaded)!;
        await page.fill(
          "#body",
          [
            `Tin **đậm** và *nghiêng*, xem [lịch cắt điện](${LINK})`,
            "- Khu phố 1\n- Khu phố 3",
            "Ảnh từ thư viện và ảnh mới chụp:",
            `[[anh:${picked} | Ảnh chọn từ thư viện | T.N]]`,
            `[[anh:${uploaded}]]`,
            `[[video:youtube:${VIDEO_ID} | Chợ nổi lúc bình minh]]`,
            `[[xem-them:${related.id}]]`,
            "| Giống lúa | Giá (đ/kg) | Ghi chú |\n| --- | --- | --- |\n| OM 18 | 7.200 | tăng |",
          ].join("\n\n"),
        );
        const path = await publish(page);
        await checkReaderPage(
          options,
          path,
          {
            headline,
            related: related.headline,
            captions: ["Ảnh chọn từ thư viện", `Trạm biến áp, không JavaScript (${device}) ${RUN}`],
          },
          `${device}-nojs`,
        );
        await context.close();
      },
      TIMEOUT,
    );
  });
}
