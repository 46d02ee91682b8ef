// The textarea's paste helper (src/assets/admin.js) in a real browser: Word
// HTML with a data: image and multi-line plain text go through the server
// and come back as markup, with the notes shown under the body.
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { PNG } from "../fixtures/image-formats";
import { DESKTOP, useChromium } from "./chromium";

const base = inject("baseUrl");
const editor = inject("editor");

const browser = useChromium();

/** Fires a paste on the body textarea carrying the given clipboard types, as a browser does for Ctrl+V. */
function pasteInto(page: Page, data: Record<string, string>) {
  return page.evaluate((types) => {
    const body = document.querySelector<HTMLTextAreaElement>("textarea.body")!;
    body.focus();
    body.value = "";
    const clipboard = new DataTransfer();
    for (const [type, value] of Object.entries(types)) clipboard.setData(type, value);
    body.dispatchEvent(new ClipboardEvent("paste", { clipboardData: clipboard, bubbles: true, cancelable: true }));
  }, data);
}

describe("pasting into the body textarea", () => {
  it("converts Word HTML and uploads its data: image; splits plain text into paragraphs; shows notes", async () => {
    const context = await browser().newContext(DESKTOP);
    const page = await context.newPage();
    await page.goto(`${base}/admin/dang-nhap`);
    await page.fill("#email", editor.email);
    await page.fill("#password", editor.password);
    await Promise.all([page.waitForURL(/\/admin\/bai-viet$/), page.click("main form button[type=submit]")]);
    await page.goto(`${base}/admin/bai-viet/moi`);
    // The textarea path: the editor switched to its markup mode ("Soạn dạng mã").
    await page.click("button.pm-mode");

    const png = Buffer.from(PNG).toString("base64");
    await pasteInto(page, {
      "text/html": `<html xmlns:o="urn:schemas-microsoft-com:office:office"><body><p class=MsoNormal><span style='font-family:"Times New Roman"'>Mùa <b>nước nổi</b> đã về<o:p></o:p></span></p><p class=MsoNormal><img src="data:image/png;base64,${png}"><img src="https://anh.example.com/x.jpg"></p></body></html>`,
      "text/plain": "Mùa nước nổi đã về",
    });
    const body = page.locator("textarea.body");
    await expect
      .poll(() => body.inputValue(), { timeout: 15_000 })
      .toMatch(/^Mùa \*\*nước nổi\*\* đã về\n\n\[\[anh:\d+\]\]$/);
    const notes = page.locator("textarea.body + p[role=status]");
    await expect.poll(() => notes.textContent(), { timeout: 15_000 }).toContain("Đã bỏ 1 ảnh dán từ trang khác");
    expect(await notes.textContent()).toContain("Đã tải 1 ảnh trong đoạn dán lên thư viện ảnh");

    await pasteInto(page, { "text/plain": "Dòng một của tin nhắn\nDòng hai\n- mục một\n- mục hai" });
    await expect
      .poll(() => body.inputValue(), { timeout: 15_000 })
      .toBe("Dòng một của tin nhắn\n\nDòng hai\n\n- mục một\n- mục hai");
    expect(await notes.isHidden()).toBe(true);
    await context.close();
  });
});
