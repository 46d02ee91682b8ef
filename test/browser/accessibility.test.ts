// axe-core on every page type a reader or an editor sees, in a real Chromium,
// including the states a form leads to (sent, refused, logged in, approved).
// Zero violations, colour contrast included. Reader pages on a phone and a
// desktop; the newsroom, built for phones first, on a phone.

import type { BrowserContext, Page } from "playwright-core";
import { describe, type ExpectStatic, inject, it } from "vitest";
import { axeViolations } from "./axe";
import { useChromium } from "./chromium";
import { READER_VARIANTS, type ReaderVariant, RUN, readerContext } from "./readers";

const base = inject("baseUrl");
const editor = inject("editor");
const admin = inject("admin");

const browser = useChromium();

const TIMEOUT = 240_000;
const PHONE_JS = READER_VARIANTS.find((v) => v.device === "phone" && v.javaScriptEnabled)!;
const DESKTOP_JS = READER_VARIANTS.find((v) => v.device === "desktop" && v.javaScriptEnabled)!;

const href = async (page: Page, selector: string) => {
  const value = await page.locator(selector).first().getAttribute("href");
  if (!value) throw new Error(`no link at ${selector} on ${page.url()}`);
  return value;
};

/** Collects every violation on every page checked, so one run lists them all. */
function auditor(page: Page, expect: ExpectStatic) {
  const found: string[] = [];
  const check = async (name: string, path?: string, status = 200) => {
    if (path) {
      const res = await page.goto(base + path);
      expect(res?.status(), `${name} ${path}`).toBe(status);
    }
    for (const v of await axeViolations(page)) found.push(`${name} (${new URL(page.url()).pathname}): ${v}`);
  };
  return { found, check };
}

/**
 * A comment typed into a second tab: the form refuses a post sooner than 3 s
 * after it was handed out, so it is sent after other pages have been checked.
 */
async function startComment(context: BrowserContext, articlePath: string, name: string, body: string) {
  const tab = await context.newPage();
  await tab.goto(base + articlePath);
  const handedOutAt = Date.now();
  await tab.fill("#cm-name", name);
  await tab.fill("#cm-body", body);
  return {
    async send(): Promise<Page> {
      await tab.waitForTimeout(Math.max(0, handedOutAt + 3_300 - Date.now()));
      await Promise.all([tab.waitForURL(/#binh-luan-da-gui$/), tab.click("#viet-binh-luan button[type=submit]")]);
      return tab;
    },
  };
}

const axeContext = (variant: ReaderVariant) => readerContext(browser(), variant, { bypassCSP: true });

describe.concurrent("accessibility (axe-core)", () => {
  for (const variant of [PHONE_JS, DESKTOP_JS]) {
    it(
      `finds no violations on any reader page (${variant.device})`,
      async ({ expect }) => {
        const context = await axeContext(variant);
        const page = await context.newPage();
        const { found, check } = auditor(page, expect);

        await check("home", "/");
        const pollPath = (await page.locator(".poll form").getAttribute("action"))!;
        await check("section", await href(page, ".nav li:nth-child(2) a"));
        const articlePath = await href(page, ".teaser h3 a");
        const comment = await startComment(
          context,
          articlePath,
          "Bạn đọc",
          `Cảm ơn tòa soạn, bài viết rất hữu ích (${variant.device}, ${RUN}).`,
        );

        await check("article", articlePath);
        const tagPath = await href(page, ".tags a");
        const authorPath = await href(page, ".byline a");
        // A filled honeypot: the refusal page, with the reader's text kept.
        await page.fill("#cm-name", "Máy gửi tự động");
        await page.fill("#cm-body", "Bình luận của máy.");
        await page.locator("input[name=website]").fill("http://spam.example", { force: true });
        await Promise.all([page.waitForURL(/\/binh-luan$/), page.click("#viet-binh-luan button[type=submit]")]);
        await expect(page.locator("[role=alert]").textContent()).resolves.toBe(
          "Không gửi được bình luận. Vui lòng thử lại.",
        );
        await check("comment refused");
        await check("lite article", `/lite${articlePath}`);
        // A demo article with bold, italic, a link and a list (the newest article has none).
        await page.goto(`${base}/kinh-te`);
        const markedPath = await href(page, 'a[href*="/tom-lua-huu-co-"]');
        await check("article with marks and a list", markedPath);
        await check("lite article with marks and a list", `/lite${markedPath}`);
        await check("tag", tagPath);
        await check("author", authorPath);
        await check("search form", "/tim-kiem");
        await check("search results", "/tim-kiem?q=bac+lieu");
        await check("empty search", "/tim-kiem?q=gi%E1%BA%A3i+pickleball");
        await check("not found", "/trang-khong-co-that", 404);
        await check("poll results", `${pollPath}#da-binh-chon`);

        const sent = await comment.send();
        for (const v of await axeViolations(sent)) found.push(`comment sent: ${v}`);

        expect(found).toEqual([]);
        await context.close();
      },
      TIMEOUT,
    );
  }

  it(
    "finds no violations on the newsroom's pages (phone)",
    async ({ expect }) => {
      const context = await axeContext(PHONE_JS);
      const page = await context.newPage();
      const { found, check } = auditor(page, expect);

      // Something waiting in the moderation queue.
      await page.goto(`${base}/kinh-te`);
      const articlePath = await href(page, ".teaser h3 a");
      const text = `Xin tòa soạn cho biết thêm về chương trình này (${RUN}).`;
      const comment = await startComment(context, articlePath, "Bạn đọc hỏi", text);

      await check("login", "/admin/dang-nhap");
      await page.fill("#email", "khong-co-ai@dongbang.local");
      await page.fill("#password", "sai-mat-khau");
      await page.click("main form button[type=submit]");
      await expect(page.locator("[role=alert]").textContent()).resolves.toBe("Email hoặc mật khẩu không đúng.");
      await check("login refused");
      await page.fill("#email", editor.email);
      await page.fill("#password", editor.password);
      await Promise.all([page.waitForURL(/\/admin\/bai-viet$/), page.click("main form button[type=submit]")]);
      await check("article list");
      const editorPath = await href(page, "main table a");
      await check("article editor", editorPath);
      await check("corrections", `${editorPath}/dinh-chinh`);
      await check("new article", "/admin/bai-viet/moi");
      await check("media library", "/admin/anh");
      await check("photo", await href(page, ".thumbs a"));
      await check("photo upload", "/admin/anh/tai-len");
      await check("poll list", "/admin/binh-chon");
      await check("weather", "/admin/thoi-tiet");
      await check("authors", "/admin/tac-gia");
      await check("author editor", await href(page, "main table a"));
      await check("new author", "/admin/tac-gia/moi");
      await check("sections", "/admin/chuyen-muc");
      await check("section editor", await href(page, "main table th a"));
      // A refused slug: the message is tied to its field.
      await page.fill("#slug", "tac-gia");
      await page.click("main form.card button[type=submit]");
      await expect(page.locator("#slug-error").textContent()).resolves.toContain("đường dẫn của hệ thống");
      await check("section refused");
      await check("sessions", "/admin/phien");

      await (await comment.send()).close();
      await check("moderation", "/admin/binh-luan");
      await page.locator("tr", { hasText: text }).getByRole("checkbox").check();
      await Promise.all([page.waitForURL(/\/admin\/binh-luan/), page.click("button[value=approved]")]);
      await check("moderation, approved");

      // The approved comment on the article (an isolate may reuse the page's
      // content version for CACHE_VERSION_TTL_MS, 1 s), and replying to it.
      const approved = page.locator(".comment", { hasText: text });
      await expect
        .poll(
          async () => {
            await page.goto(base + articlePath);
            return approved.count();
          },
          { timeout: 15_000, interval: 1_000 },
        )
        .toBe(1);
      await check("article with comments");
      await Promise.all([page.waitForURL(/\/binh-luan\/tra-loi\/\d+$/), approved.locator("a.reply").click()]);
      await check("reply");

      expect(found).toEqual([]);
      await context.close();
    },
    TIMEOUT,
  );

  it(
    "finds no violations on the accounts screens (phone)",
    async ({ expect }) => {
      const context = await axeContext(PHONE_JS);
      const page = await context.newPage();
      const { found, check } = auditor(page, expect);
      const signIn = async (p: Page, who: { email: string; password: string }) => {
        await p.goto(`${base}/admin/dang-nhap`);
        await p.fill("#email", who.email);
        await p.fill("#password", who.password);
        await Promise.all([p.waitForURL(/\/admin\/(bai-viet|mat-khau)/), p.click("main form button[type=submit]")]);
      };

      await signIn(page, admin);
      await check("people", "/admin/nguoi-dung");
      const email = `axe-${RUN}@dongbang.local`.toLowerCase();
      await page.fill("#name", "Phóng viên kiểm tra");
      await page.fill("#email", email);
      await page.fill("#password", "ca-phe-sua-da-sang-som");
      await Promise.all([page.waitForURL(/\/admin\/nguoi-dung\?da-luu/), page.click("form.card button[type=submit]")]);
      await check("people, account added");
      const row = page.locator("tr", { hasText: email });
      await Promise.all([
        page.waitForURL(/\/dat-lai-mat-khau$/),
        row.getByRole("button", { name: /Đặt lại mật khẩu/ }).click(),
      ]);
      await check("password reset");
      const temporary = (await page.locator("#mat-khau-tam").textContent())!;
      await check("own sessions", "/admin/phien");

      const theirs = await axeContext(PHONE_JS);
      const theirPage = await theirs.newPage();
      await signIn(theirPage, { email, password: temporary });
      for (const v of await axeViolations(theirPage)) found.push(`forced password change: ${v}`);
      await theirs.close();

      await page.goto(`${base}/admin/nguoi-dung`);
      await Promise.all([
        page.waitForURL(/\/phien$/),
        page.locator("tr", { hasText: email }).getByRole("link", { name: "Phiên đăng nhập" }).click(),
      ]);
      await check("their sessions");

      expect(found).toEqual([]);
      await context.close();
    },
    TIMEOUT,
  );
});
