// The photo picker on a 360x740 phone: the article's hero photo chosen by
// searching a caption, a share photo uploaded from within the dialog and its
// caption edited in place, the reader page showing both; axe with the dialog
// open; and the hero photo chosen without JavaScript.
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { renderDemoPhoto } from "../../scripts/demo/photos";
import { axeViolations } from "./axe";
import { PHONE, SCREENSHOTS, useChromium } from "./chromium";
import { signedIn } from "./newsroom";

const base = inject("baseUrl");
const editor = inject("editor");

const browser = useChromium();

interface Photo {
  id: number;
  thumbUrl: string;
  alt: string;
  caption: string;
  credit: string;
}

const signIn = (javaScriptEnabled: boolean) => signedIn(browser(), base, editor, { ...PHONE, javaScriptEnabled });

async function fillArticle(page: Page, headline: string) {
  await page.fill("#headline", headline);
  await page.fill("#lead", "Sapo của bài thử bộ chọn ảnh trên điện thoại.");
  await page.fill("#tags", "Thử nghiệm");
  await page.selectOption("#sectionId", { label: "Kinh tế" });
  await page.selectOption("#authorId", { index: 1 });
  // With JavaScript the body is the editor; without, the markup textarea.
  if (await page.locator("textarea#body").isVisible()) await page.fill("#body", "Đoạn văn đầu tiên của bài thử.");
  else {
    await page.locator(".pm-editor").click();
    await page.keyboard.type("Đoạn văn đầu tiên của bài thử.");
  }
}

/** The reader page of the article just saved: its "Xem trên trang" link. */
async function readerPage(page: Page): Promise<string> {
  const href = await page.locator("main a", { hasText: "Xem trên trang" }).getAttribute("href");
  expect(href).toMatch(/\.html$/);
  return `${base}${href}`;
}

const keyOf = (thumbUrl: string) => thumbUrl.replace(/^\/media\//, "").replace(/\?.*$/, "");

describe("the photo picker on a phone", () => {
  it("picks the hero by caption, uploads and re-captions the share photo in the dialog, and publishes", async () => {
    const { context, page } = await signIn(true);
    await page.goto(`${base}/admin/bai-viet/moi`);
    await fillArticle(page, "Bộ chọn ảnh: ảnh đầu bài và ảnh chia sẻ");

    // A demo photo with a caption, to search for.
    const library = (await page.evaluate(() => fetch("/admin/anh/chon.json").then((r) => r.json()))) as {
      photos: Photo[];
    };
    // (Unique, so a rerun against the same site finds one photo.)
    const target = library.photos.find(
      (p) => p.caption.length > 12 && library.photos.filter((o) => o.caption === p.caption).length === 1,
    )!;
    expect(target).toBeDefined();

    const hero = page.locator('fieldset[data-photo-choice="heroImageId"]');
    await expect(hero.locator('input[type="number"]').count()).resolves.toBe(0);
    await expect(hero.locator("[data-photo-current]").textContent()).resolves.toContain("Chưa chọn ảnh");
    await expect(hero.locator('input[type="radio"]').first().isVisible()).resolves.toBe(false);

    // Esc closes the dialog and gives focus back.
    const chooseHero = hero.getByRole("button", { name: "Chọn ảnh" });
    await chooseHero.click();
    const dialog = page.locator("dialog.photo-picker");
    await expect(dialog.getAttribute("open")).resolves.toBe("");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("pp-q");
    await page.keyboard.press("Escape");
    await expect(dialog.isVisible()).resolves.toBe(false);
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Chọn ảnh");

    // Search a caption, then pick.
    await chooseHero.click();
    await page.fill("#pp-q", target.caption.slice(0, 24));
    await page.keyboard.press("Enter");
    await dialog.locator(".pp-status", { hasText: /^Có \d+ ảnh/ }).waitFor();
    const pickTarget = dialog.getByRole("button", { name: `Chọn ảnh: ${target.caption}` });
    await pickTarget.waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/photo-picker-phone.png` });
    const violations = await axeViolations(page);
    expect(violations).toEqual([]);
    const box = await pickTarget.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    await pickTarget.click();
    await expect(dialog.isVisible()).resolves.toBe(false);
    await expect(hero.locator('input[type="hidden"][name="heroImageId"]').inputValue()).resolves.toBe(
      String(target.id),
    );
    await expect(hero.locator("[data-photo-current] img").getAttribute("src")).resolves.toBe(target.thumbUrl);
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Chọn ảnh");
    // The form sends the hidden input alone: no radio button, no no-JS search.
    const sent = await page.evaluate(() => {
      const data = new FormData(document.getElementById("article-form") as HTMLFormElement);
      return { hero: data.getAll("heroImageId"), search: data.has("tim-anh") };
    });
    expect(sent).toEqual({ hero: [String(target.id)], search: false });

    // The share photo: uploaded from the dialog, then its caption edited in place.
    const social = page.locator('fieldset[data-photo-choice="socialImageId"]');
    await social.getByRole("button", { name: "Chọn ảnh" }).click();
    await dialog.locator("summary", { hasText: "Tải ảnh mới lên" }).click();
    const photo = await renderDemoPhoto("wind-farm", 91, 800, 450);
    await page.setInputFiles("#pp-file", {
      name: "IMG_3001.JPG",
      mimeType: "image/jpeg",
      buffer: Buffer.from(photo.data),
    });
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("pp-alt");
    await page.fill("#pp-alt", "Cánh đồng điện gió lúc hoàng hôn");
    await page.fill("#pp-caption", "Chú thích lúc tải lên");
    await page.fill("#pp-credit", "P.V");
    await dialog.getByRole("button", { name: "Tải lên", exact: true }).click();
    await dialog.locator(".pp-status", { hasText: "Đã tải ảnh lên" }).waitFor();
    // Newest first: the photo just uploaded leads the list.
    await dialog.getByRole("button", { name: "Sửa chú thích ảnh: Chú thích lúc tải lên" }).first().click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("pp-edit-caption");
    await page.fill("#pp-edit-caption", "Điện gió Bạc Liêu lúc hoàng hôn");
    await dialog.getByRole("button", { name: "Lưu chú thích" }).click();
    const uploaded = dialog.getByRole("button", { name: "Chọn ảnh: Điện gió Bạc Liêu lúc hoàng hôn" }).first();
    await uploaded.waitFor();
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Sửa chú thích");
    await expect(axeViolations(page)).resolves.toEqual([]);
    await uploaded.click();
    const socialId = await social.locator('input[type="hidden"][name="socialImageId"]').inputValue();
    expect(Number(socialId)).toBeGreaterThan(0);
    const socialThumb = await social.locator("[data-photo-current] img").getAttribute("src");
    await expect(social.locator("[data-photo-words]").textContent()).resolves.toBe("Điện gió Bạc Liêu lúc hoàng hôn");
    await page.screenshot({ path: `${SCREENSHOTS}/photo-choice-phone.png`, fullPage: true });

    await Promise.all([page.waitForURL(/\/admin\/bai-viet\/\d+\?da-luu/), page.click("button[value=dang]")]);
    await page.waitForSelector("text=Đã lưu bài viết.");
    // The saved form shows the chosen photos again.
    await expect(
      page.locator('fieldset[data-photo-choice="heroImageId"] input[name="heroImageId"]').inputValue(),
    ).resolves.toBe(String(target.id));

    await page.goto(await readerPage(page));
    const heroFigure = page.locator("article figure").first();
    await expect(heroFigure.locator("img").getAttribute("src")).resolves.toContain(keyOf(target.thumbUrl));
    await expect(heroFigure.locator("figcaption").textContent()).resolves.toContain(target.caption);
    await expect(page.locator('meta[property="og:image"]').getAttribute("content")).resolves.toContain(
      keyOf(socialThumb!),
    );
    await context.close();
  });

  it("chooses the hero photo without JavaScript: a search that reloads, then a radio button", async () => {
    const { context, page } = await signIn(false);
    await page.goto(`${base}/admin/bai-viet/moi`);
    const hero = page.locator('fieldset[data-photo-choice="heroImageId"]');
    await expect(hero.locator('input[type="radio"]').first().isVisible()).resolves.toBe(true);
    const words = (await hero.locator("label.pick").nth(1).textContent())!.replace(/\s+/g, " ").trim().slice(0, 20);
    await page.fill("#heroImageId-q", words);
    await Promise.all([page.waitForURL(/tim-anh=/), hero.getByRole("button", { name: "Tìm ảnh" }).click()]);
    await expect(page.locator("#heroImageId-q").inputValue()).resolves.toBe(words);
    await hero.screenshot({ path: `${SCREENSHOTS}/photo-choice-nojs-phone.png` });
    await fillArticle(page, "Ảnh đầu bài chọn không cần JavaScript");
    const choice = page.locator('fieldset[data-photo-choice="heroImageId"] label.pick').nth(1);
    await choice.locator("input").check();
    const id = await choice.locator("input").getAttribute("value");
    await expect(page.locator("body").textContent()).resolves.not.toMatch(/Ảnh đầu bài \(mã ảnh\)/);
    await Promise.all([page.waitForURL(/\/admin\/bai-viet\/\d+\?da-luu/), page.click("button[value=dang]")]);
    await expect(
      page.locator('fieldset[data-photo-choice="heroImageId"] input[type="radio"]:checked').getAttribute("value"),
    ).resolves.toBe(id);
    const chosenSrc = await page
      .locator('fieldset[data-photo-choice="heroImageId"] [data-photo-current] img')
      .getAttribute("src");
    await page.goto(await readerPage(page));
    await expect(page.locator("article figure img").first().getAttribute("src")).resolves.toContain(keyOf(chosenSrc!));
    await context.close();
  });

  it("takes a photo dropped onto the dialog, for the body editor's pick()", async () => {
    const { context, page } = await signIn(true);
    await page.goto(`${base}/admin/bai-viet/moi`);
    const photo = await renderDemoPhoto("wind-farm", 17, 800, 450);
    const picked = page.evaluate(() =>
      (window as unknown as { newsroomPhotos: { pick(): Promise<Photo | null> } }).newsroomPhotos.pick(),
    );
    const dialog = page.locator("dialog.photo-picker");
    await dialog.waitFor();
    const dropped = await page.evaluateHandle((b64) => {
      const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], "keo-tha.jpg", { type: "image/jpeg" }));
      return dt;
    }, Buffer.from(photo.data).toString("base64"));
    await dialog.dispatchEvent("dragover", { dataTransfer: dropped });
    await dialog.dispatchEvent("drop", { dataTransfer: dropped });
    await expect(dialog.locator(".pp-upload-box").getAttribute("open")).resolves.toBe("");
    await expect(dialog.locator("p.hint", { hasText: "keo-tha.jpg" }).count()).resolves.toBe(1);
    await page.fill("#pp-alt", "Ảnh kéo thả vào hộp chọn ảnh");
    await page.fill("#pp-caption", "Ảnh kéo thả");
    await dialog.getByRole("button", { name: "Tải lên", exact: true }).click();
    await dialog.locator(".pp-status", { hasText: "Đã tải ảnh lên" }).waitFor();
    await dialog.getByRole("button", { name: "Chọn ảnh: Ảnh kéo thả" }).first().click();
    const result = await picked;
    expect(result).toMatchObject({ alt: "Ảnh kéo thả vào hộp chọn ảnh", caption: "Ảnh kéo thả", credit: "" });
    expect(Object.keys(result!).sort()).toEqual(["alt", "caption", "credit", "id", "thumbUrl"]);
    await context.close();
  });

  it("edits a caption in place on the library page", async () => {
    const { context, page } = await signIn(true);
    await page.goto(`${base}/admin/anh`);
    const figure = page.locator("figure[data-photo]").first();
    const edit = figure.getByRole("button", { name: /^Sửa chú thích ảnh: / });
    await edit.click();
    const dialog = page.locator("dialog.photo-picker");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("pp-edit-caption");
    await expect(axeViolations(page)).resolves.toEqual([]);
    await page.keyboard.press("Escape");
    await expect(dialog.isVisible()).resolves.toBe(false);
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Sửa chú thích");
    await edit.click();
    await page.fill("#pp-edit-caption", "Chú thích sửa ngay trong thư viện");
    await page.fill("#pp-edit-credit", "Thư viện");
    await dialog.getByRole("button", { name: "Lưu chú thích" }).click();
    await dialog.waitFor({ state: "hidden" });
    await figure.locator("[data-photo-words]", { hasText: "Chú thích sửa ngay trong thư viện" }).waitFor();
    await page.reload();
    await expect(page.locator("figure[data-photo] [data-photo-words]").first().textContent()).resolves.toBe(
      "Chú thích sửa ngay trong thư viện",
    );
    await context.close();
  });
});
