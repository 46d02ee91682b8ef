// Never lose text (issue 18.5) in a real browser: autosave brings a new
// article's text back after the tab is closed, the local copy is offered
// and restored, leaving with unsaved text warns, an expired session loses
// nothing, and the share card follows the fields as they are typed (18.9).
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { DESKTOP, PHONE, SCREENSHOTS, useChromium } from "./chromium";

const base = inject("baseUrl");
const editor = inject("editor");

const browser = useChromium();

async function signIn(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${base}/admin/dang-nhap`);
  await page.fill("#email", editor.email);
  await page.fill("#password", editor.password);
  await Promise.all([page.waitForURL(/\/admin\/bai-viet$/), page.click("main form button[type=submit]")]);
  return page;
}

/** Opens the new-article form; `autosaveMs` shortens the interval (the server says 20 s). */
async function newArticle(page: Page, autosaveMs?: number): Promise<void> {
  await page.goto(`${base}/admin/bai-viet/moi`);
  await page.waitForSelector("#autosave-status", { state: "attached" });
  if (autosaveMs) {
    await page.$eval("#article-form", (form, ms) => form.setAttribute("data-autosave-ms", String(ms)), autosaveMs);
  }
}

async function fillArticle(page: Page, headline: string, body: string): Promise<void> {
  await page.selectOption("#sectionId", { label: "Kinh tế" });
  await page.selectOption("#authorId", { index: 1 });
  // Typed, as an editor does (and so the page has the user's gesture a leave warning needs).
  await page.click("#headline");
  await page.keyboard.type(headline);
  await page.fill("#lead", "Sapo viết trong lúc thử tự động lưu.");
  // The body in the editor, a paragraph at a time; the markup textarea follows it.
  await page.locator(".pm-editor").click();
  const paragraphs = body.split("\n\n");
  for (const [i, paragraph] of paragraphs.entries()) {
    await page.keyboard.type(paragraph);
    if (i < paragraphs.length - 1) await page.keyboard.press("Enter");
  }
  await expect.poll(() => page.inputValue("#body")).toBe(body);
}

describe("never lose text", () => {
  it("autosaves a new article; closing the tab and opening the form again brings the text back", async () => {
    const context = await browser().newContext(DESKTOP);
    const page = await signIn(context);
    await newArticle(page);
    expect(await page.$eval("#article-form", (f) => f.getAttribute("data-autosave-ms"))).toBe("20000");
    const body = "Đoạn đầu viết rồi đóng tab.\n\nĐoạn giữa.\n\nĐoạn cuối.";
    await fillArticle(page, "Bài tự động lưu rồi đóng tab", body);
    // Typed within the 20 s: nothing sent yet. A shorter interval now, so the test need not wait 20 s.
    expect(await page.locator("#autosave-status").textContent()).toBe("");
    await page.$eval("#article-form", (form) => form.setAttribute("data-autosave-ms", "1000"));
    await page.waitForFunction(() =>
      /Đã tự động lưu lúc/.test(document.getElementById("autosave-status")?.textContent ?? ""),
    );
    await page.close();

    const again = await context.newPage();
    await again.goto(`${base}/admin/bai-viet/moi`);
    // The server's autosave is offered (the local copy was dropped once the server had the same text).
    await expect(again.locator("#autosave-offer").textContent()).resolves.toContain("Có bản tự động lưu");
    expect(await again.locator("#local-copy").count()).toBe(0);
    await Promise.all([again.waitForURL(/\/tu-dong-luu\/\d+$/), again.click("#autosave-offer a")]);
    expect(await again.inputValue("#headline")).toBe("Bài tự động lưu rồi đóng tab");
    expect(await again.inputValue("#body")).toBe(body);
    await again.screenshot({ path: `${SCREENSHOTS}/admin-autosave-restored.png`, fullPage: true });
    // Saving it is an ordinary save.
    await Promise.all([again.waitForURL(/\/admin\/bai-viet\/\d+\?da-luu/), again.click("button[value=luu]")]);
    await again.waitForSelector("text=Đã lưu bài viết.");
    await context.close();
  });

  it("keeps a local copy until the server has it, offers it on opening, and restores it into the form", async () => {
    const context = await browser().newContext(PHONE);
    const page = await signIn(context);
    await newArticle(page, 600_000);
    await fillArticle(page, "Bản chỉ có trên máy này", "Gõ dở khi mất mạng.");
    await page.waitForFunction(() => localStorage.getItem("newsroom:bai-viet:new") !== null);
    await page.close();

    const again = await context.newPage();
    await again.goto(`${base}/admin/bai-viet/moi`);
    const banner = again.locator("#local-copy");
    await expect(banner.getAttribute("role")).resolves.toBe("status");
    await expect(banner.textContent()).resolves.toContain("Trình duyệt này còn giữ một bản");
    await again.screenshot({ path: `${SCREENSHOTS}/admin-local-copy-phone.png`, fullPage: true });
    await again.evaluate(() => {
      document.getElementById("article-form")!.addEventListener("newsroom:restored", () => {
        document.body.dataset.restored = "yes";
      });
    });
    await again.click("#local-copy button:has-text('Khôi phục')");
    expect(await again.inputValue("#headline")).toBe("Bản chỉ có trên máy này");
    expect(await again.inputValue("#body")).toBe("Gõ dở khi mất mạng.");
    expect(await again.$eval("body", (b) => b.dataset.restored)).toBe("yes");
    expect(await again.locator("#local-copy").count()).toBe(0);

    // "Bỏ bản này" forgets it.
    await again.close();
    const third = await context.newPage();
    await third.goto(`${base}/admin/bai-viet/moi`);
    await third.click("#local-copy button:has-text('Bỏ bản này')");
    expect(await third.evaluate(() => localStorage.getItem("newsroom:bai-viet:new"))).toBeNull();
    await context.close();
  });

  it("warns before leaving with unsaved text, and not after a submit", async () => {
    const context = await browser().newContext(DESKTOP);
    const page = await signIn(context);
    await newArticle(page, 600_000);
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    });
    // Nothing typed: leaving is quiet.
    await page.goto(`${base}/admin/bai-viet`);
    expect(dialogs).toEqual([]);

    await newArticle(page, 600_000);
    await fillArticle(page, "Bài chưa lưu mà định rời trang", "Nội dung chưa lưu.");
    await page.goto(`${base}/admin/bai-viet`).catch(() => undefined);
    expect(dialogs).toEqual(["beforeunload"]);
    expect(new URL(page.url()).pathname).toBe("/admin/bai-viet/moi");

    // Submitting the form leaves without a word.
    await Promise.all([page.waitForURL(/\/admin\/bai-viet\/\d+\?da-luu/), page.click("button[value=luu]")]);
    expect(dialogs).toEqual(["beforeunload"]);
    // The saved form is what the server has: leaving it is quiet, and no copy is left behind.
    expect(await page.evaluate(() => localStorage.getItem("newsroom:bai-viet:new"))).toBeNull();
    await page.goto(`${base}/admin/bai-viet`);
    expect(dialogs).toEqual(["beforeunload"]);
    await context.close();
  });

  it("loses nothing when the session expired: Lưu, sign in, the text is there, save", async () => {
    const context = await browser().newContext(DESKTOP);
    const page = await signIn(context);
    await newArticle(page, 600_000);
    const body = "Viết lâu đến mức phiên đăng nhập hết hạn.\n\nĐoạn thứ hai vẫn còn.";
    await fillArticle(page, "Bài viết qua lúc phiên hết hạn", body);
    await context.clearCookies({ name: "__Host-phien" });

    await page.click("button[value=luu]");
    await page.waitForSelector("text=Phiên đăng nhập đã hết hạn");
    expect(new URL(page.url()).search).toBe("");
    await page.screenshot({ path: `${SCREENSHOTS}/admin-session-expired.png`, fullPage: true });
    await page.fill("#email", editor.email);
    await page.fill("#password", editor.password);
    await page.click("main form button[type=submit]");
    await page.waitForSelector("text=Đã đăng nhập lại");
    expect(await page.inputValue("#headline")).toBe("Bài viết qua lúc phiên hết hạn");
    expect(await page.inputValue("#body")).toBe(body);

    await Promise.all([page.waitForURL(/\/admin\/bai-viet\/\d+\?da-luu/), page.click("button[value=luu]")]);
    await page.waitForSelector("text=Đã lưu bài viết.");
    expect(await page.inputValue("#headline")).toBe("Bài viết qua lúc phiên hết hạn");
    expect(await page.inputValue("#body")).toBe(body);
    await context.close();
  });

  it("draws the share card as the fields are typed, with character counts", async () => {
    const context = await browser().newContext(PHONE);
    const page = await signIn(context);
    await newArticle(page, 600_000);
    await page.fill("#kicker", "Phường 7:");
    await page.fill("#headline", "Chợ nổi sáng sớm");
    await expect.poll(() => page.locator(".share-title").textContent()).toBe("Phường 7: Chợ nổi sáng sớm");
    await page.fill("#lead", "Ghe xuồng tấp nập từ bốn giờ sáng.");
    await expect
      .poll(() => page.locator(".share-description").textContent())
      .toBe("Ghe xuồng tấp nập từ bốn giờ sáng.");
    await page.fill("#seoTitle", "Chợ nổi Phường 7 lúc bình minh");
    await page.fill("#seoDescription", "Một buổi sáng ở chợ nổi.");
    await expect.poll(() => page.locator(".share-title").textContent()).toBe("Chợ nổi Phường 7 lúc bình minh");
    await expect.poll(() => page.locator(".share-description").textContent()).toBe("Một buổi sáng ở chợ nổi.");
    await expect(page.locator("#seoTitle-count").textContent()).resolves.toBe("30/70 ký tự");
    await expect(page.locator("#seoDescription-count").textContent()).resolves.toBe("24/160 ký tự");

    // A library photo as the share photo: the card shows its 1200x630 picture.
    const shareChoice = page.locator('fieldset[data-photo-choice="socialImageId"]');
    await shareChoice.getByRole("button", { name: "Chọn ảnh" }).click();
    await page.locator("dialog .pp-photo").first().click();
    await expect.poll(() => page.locator(".share-card img").getAttribute("src")).toMatch(/^\/media\/.+\?w=1200&h=630$/);
    await expect(page.locator(".share-from").textContent()).resolves.toBe("Ảnh: ảnh chia sẻ");
    await shareChoice.getByRole("button", { name: "Bỏ ảnh" }).click();
    await expect.poll(() => page.locator(".share-from").textContent()).toBe("Ảnh: ảnh mặc định của trang báo");
    await page.screenshot({ path: `${SCREENSHOTS}/admin-share-card-live-phone.png`, fullPage: true });
    await context.close();
  });
});
