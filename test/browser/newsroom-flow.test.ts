import { describe, expect, inject, it } from "vitest";
import { renderDemoPhoto } from "../../scripts/demo/photos";
import { PHONE, SCREENSHOTS, useChromium } from "./chromium";

const base = inject("baseUrl");
const editor = inject("editor");

const browser = useChromium();

describe("an editor on a phone", () => {
  it("logs in, uploads a photo, writes an article with a subheading and a figure, publishes, and sees it on the home page", async () => {
    const context = await browser().newContext(PHONE);
    const page = await context.newPage();

    await page.goto(`${base}/admin`);
    expect(new URL(page.url()).pathname).toBe("/admin/dang-nhap");
    await page.fill("#email", editor.email);
    await page.fill("#password", editor.password);
    await Promise.all([page.waitForURL(/\/admin\/bai-viet$/), page.click("main form button[type=submit]")]);
    await page.screenshot({ path: `${SCREENSHOTS}/admin-list-phone.png`, fullPage: true });

    await page.goto(`${base}/admin/anh/tai-len`);
    const photo = await renderDemoPhoto("wind-farm", 77, 800, 450);
    await page.setInputFiles("#file", {
      name: "IMG_2041.JPG",
      mimeType: "image/jpeg",
      buffer: Buffer.from(photo.data),
    });
    await page.fill("#alt", "Tua bin điện gió ven biển Bạc Liêu");
    await page.fill("#caption", "Những tua bin điện gió trên bãi bồi ven biển.");
    await page.fill("#credit", "T.N");
    await page.click("form[data-upload] button[type=submit]");
    await page.waitForSelector("text=Đã tải ảnh lên");
    const imageId = Number(
      await page
        .locator("main .card code")
        .first()
        .textContent()
        .then((t) => /\d+/.exec(t ?? "")?.[0]),
    );
    expect(imageId).toBeGreaterThan(0);

    await page.goto(`${base}/admin/bai-viet/moi`);
    await page.fill("#kicker", "Huyện Hòa Bình:");
    await page.fill("#headline", "Điện gió ven biển thêm 50 tua bin mới");
    await page.fill(
      "#lead",
      "Thêm 50 tua bin điện gió vừa được lắp đặt trên vùng bãi bồi ven biển, nâng tổng công suất của tỉnh.",
    );
    await page.fill("#tags", "Năng lượng, Bạc Liêu");
    await page.selectOption("#sectionId", { label: "Kinh tế" });
    await page.selectOption("#authorId", { index: 1 });
    // The hero photo, picked by its caption in the photo picker.
    await page.locator('fieldset[data-photo-choice="heroImageId"]').getByRole("button", { name: "Chọn ảnh" }).click();
    await page.fill("#pp-q", "Những tua bin điện gió trên bãi bồi");
    await page.keyboard.press("Enter");
    await page.locator("dialog .pp-status", { hasText: /^Có \d+ ảnh/ }).waitFor();
    await page
      .locator("dialog .pp-photo", { hasText: "Những tua bin điện gió trên bãi bồi ven biển." })
      .first()
      .click();
    await expect(page.locator('input[type="hidden"][name="heroImageId"]').inputValue()).resolves.toBe(String(imageId));
    // The markup, typed as before: the editor's "Soạn dạng mã" shows the textarea.
    await page.click("button.pm-mode");
    await page.fill(
      "#body",
      [
        "Sáng nay, chủ đầu tư đã hoàn thành lắp đặt tua bin cuối cùng.",
        "## Việc làm cho lao động địa phương",
        `[[anh:${imageId} | Tua bin mới trên bãi bồi. | T.N]]`,
        "Hơn 200 lao động địa phương tham gia thi công.",
      ].join("\n\n"),
    );
    await page.screenshot({ path: `${SCREENSHOTS}/admin-form-phone.png`, fullPage: true });
    await Promise.all([page.waitForURL(/\/admin\/bai-viet\/\d+\?da-luu/), page.click("button[value=dang]")]);
    await page.waitForSelector("text=Đã lưu bài viết.");

    await page.goto(`${base}/`);
    const top = page.locator(".top-story h2 a");
    await expect(top.textContent()).resolves.toContain("Điện gió ven biển thêm 50 tua bin mới");
    await Promise.all([page.waitForURL(/\.html$/), top.click()]);
    await expect(page.locator(".body h2").textContent()).resolves.toBe("Việc làm cho lao động địa phương");
    const figureImg = page.locator(".body figure img");
    await figureImg.scrollIntoViewIfNeeded();
    await page.waitForFunction(() =>
      [...document.querySelectorAll("article img")].every(
        (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
      ),
    );
    await expect(page.locator(".body figcaption").textContent()).resolves.toContain("Ảnh: T.N");
    await context.close();
  });
});
