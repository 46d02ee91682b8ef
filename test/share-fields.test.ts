// Share and search fields (issue 18.9): an article's own title, description
// and photo for search results and share cards, set on the form, used in the
// reader page's head, kept by revisions, and refused when too long or missing.
import { env } from "cloudflare:test";
import type { HTMLElement } from "node-html-parser";
import { parse } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../src/db/client";
import { imageUses } from "../src/db/image-uses";
import { loadDemo } from "./setup/demo";
import { get, getPage, text } from "./setup/http";
import { articleFields, articleFormValues, type Editor, firstIds, idFromLocation, loginAs } from "./setup/newsroom";

beforeAll(loadDemo);

const SITE = env.SITE_URL.replace(/\/+$/, "");

const metaProperty = (doc: HTMLElement, p: string) =>
  doc.querySelector(`meta[property="${p}"]`)?.getAttribute("content");
const metaName = (doc: HTMLElement, n: string) => doc.querySelector(`meta[name="${n}"]`)?.getAttribute("content");
const newsArticle = (doc: HTMLElement) =>
  doc
    .querySelectorAll('script[type="application/ld+json"]')
    .map((s) => JSON.parse(s.textContent))
    .find((d) => d["@type"] === "NewsArticle");

interface Row {
  headline: string;
  version: number;
  seo_title: string | null;
  seo_description: string | null;
  social_image_id: number | null;
}
const stored = (id: number) =>
  env.DB.prepare("select headline, version, seo_title, seo_description, social_image_id from articles where id = ?")
    .bind(id)
    .first<Row>();

async function twoImages(): Promise<{ id: number; key: string }[]> {
  const { results } = await env.DB.prepare("select id, r2_key as key from images order by id limit 2").all<{
    id: number;
    key: string;
  }>();
  expect(results).toHaveLength(2);
  return results;
}

const card = (key: string) => `${SITE}/media/${key}?w=1200&h=630`;

/** The reader page of an article, by its id (the short address redirects to the real one). */
async function readerPage(id: number): Promise<HTMLElement> {
  const res = await get(`/x/x-${id}.html`);
  return (await getPage(res.headers.get("location")!)).doc;
}

async function publish(editor: Editor, over: Record<string, string>): Promise<number> {
  const { sectionId, authorId } = await firstIds();
  const res = await editor.post(
    "/admin/bai-viet",
    articleFields({ sectionId: String(sectionId), authorId: String(authorId), "hanh-dong": "dang", ...over }),
  );
  expect(res.status).toBe(303);
  return idFromLocation(res);
}

describe("share and search fields", () => {
  it("are used in the page's head when set, and the headline, lead and hero when cleared", async () => {
    const editor = await loginAs("editor");
    const [hero, social] = await twoImages();
    const seoTitle = "Muối Bạc Liêu: vì sao giá tăng gấp đôi";
    const seoDescription = "Diêm dân kể chuyện mùa muối được giá, và điều còn lo.";
    const id = await publish(editor, {
      headline: "Giá muối hạt tại các cánh đồng ven biển tăng mạnh trong tháng qua",
      lead: "Sapo thật của bài muối.",
      heroImageId: String(hero!.id),
      seoTitle,
      seoDescription,
      socialImageId: String(social!.id),
    });
    expect(await stored(id)).toMatchObject({
      seo_title: seoTitle,
      seo_description: seoDescription,
      social_image_id: social!.id,
    });

    const doc = await readerPage(id);
    expect(text(doc.querySelector("title"))).toBe(`${seoTitle} - ${env.SITE_NAME}`);
    expect(metaProperty(doc, "og:title")).toBe(seoTitle);
    expect(metaName(doc, "twitter:title")).toBe(seoTitle);
    expect(metaName(doc, "description")).toBe(seoDescription);
    expect(metaProperty(doc, "og:description")).toBe(seoDescription);
    expect(metaName(doc, "twitter:description")).toBe(seoDescription);
    expect(metaProperty(doc, "og:image")).toBe(card(social!.key));
    expect(metaName(doc, "twitter:image")).toBe(card(social!.key));
    // The page itself and its structured data keep the real headline and lead.
    expect(text(doc.querySelector("h1"))).toBe("Giá muối hạt tại các cánh đồng ven biển tăng mạnh trong tháng qua");
    expect(text(doc.querySelector(".lead"))).toBe("Sapo thật của bài muối.");
    expect(newsArticle(doc).headline).toBe("Giá muối hạt tại các cánh đồng ven biển tăng mạnh trong tháng qua");
    // The card of the chosen photo is served.
    const image = await get(card(social!.key).slice(SITE.length));
    expect(image.status).toBe(200);

    // The form shows the fields and the share card drawn from them.
    const form = await editor.page(`/admin/bai-viet/${id}`);
    expect(form.querySelector("#seoTitle")?.getAttribute("value")).toBe(seoTitle);
    expect(form.querySelector("#seoDescription")?.textContent).toBe(seoDescription);
    expect(form.querySelector('input[name="socialImageId"][checked]')?.getAttribute("value")).toBe(String(social!.id));
    expect(text(form.querySelector(".share-title"))).toBe(seoTitle);
    expect(text(form.querySelector(".share-description"))).toBe(seoDescription);
    expect(form.querySelector(".share-card img")?.getAttribute("src")).toBe(`/media/${social!.key}?w=1200&h=630`);
    expect(text(form.querySelector(".share-card"))).toContain("ảnh chia sẻ");

    // Cleared: today's behaviour comes back.
    const values = await articleFormValues(editor, id);
    const cleared = await editor.post(`/admin/bai-viet/${id}`, {
      ...values,
      seoTitle: "",
      seoDescription: "  ",
      socialImageId: "",
    });
    expect(cleared.status).toBe(303);
    expect(await stored(id)).toMatchObject({ seo_title: null, seo_description: null, social_image_id: null });
    const after = await readerPage(id);
    const headline = "Giá muối hạt tại các cánh đồng ven biển tăng mạnh trong tháng qua";
    expect(text(after.querySelector("title"))).toBe(`${headline} - ${env.SITE_NAME}`);
    expect(metaProperty(after, "og:title")).toBe(headline);
    expect(metaName(after, "twitter:title")).toBe(headline);
    expect(metaName(after, "description")).toBe("Sapo thật của bài muối.");
    expect(metaProperty(after, "og:description")).toBe("Sapo thật của bài muối.");
    expect(metaProperty(after, "og:image")).toBe(card(hero!.key));
    const form2 = await editor.page(`/admin/bai-viet/${id}`);
    expect(text(form2.querySelector(".share-title"))).toBe(headline);
    expect(text(form2.querySelector(".share-description"))).toBe("Sapo thật của bài muối.");
    expect(form2.querySelector(".share-card img")?.getAttribute("src")).toBe(`/media/${hero!.key}?w=1200&h=630`);
    expect(text(form2.querySelector(".share-card"))).toContain("ảnh đầu bài");
  });

  it("fall back to the paper's default card without any photo", async () => {
    const editor = await loginAs("editor");
    const id = await publish(editor, { headline: "Bài không ảnh", seoTitle: "Tiêu đề chia sẻ không ảnh" });
    const doc = await readerPage(id);
    expect(metaProperty(doc, "og:title")).toBe("Tiêu đề chia sẻ không ảnh");
    expect(metaProperty(doc, "og:image")).toMatch(new RegExp(`^${SITE}/_/og-default\\.[0-9a-f]+\\.png$`));
    const form = await editor.page(`/admin/bai-viet/${id}`);
    expect(form.querySelector(".share-card img")?.getAttribute("src")).toMatch(/^\/_\/og-default\.[0-9a-f]+\.png$/);
  });

  it("accept 70 and 160 characters, counted after NFC, on one line", async () => {
    const editor = await loginAs("editor");
    // "ệ" typed decomposed is one character once normalised.
    const title = `${"e\u0323\u0302".repeat(10)}${"a".repeat(60)}`;
    const description = `Dòng một\nDòng hai ${"b".repeat(160 - 18)}`;
    const id = await publish(editor, { headline: "Bài giới hạn", seoTitle: title, seoDescription: description });
    const row = await stored(id);
    expect(row!.seo_title).toBe(title.normalize("NFC"));
    expect(row!.seo_title).toHaveLength(70);
    expect(row!.seo_description).toBe(description.replace("\n", " "));
    expect(row!.seo_description).toHaveLength(160);
  });

  it("refuse a too-long title or description and a missing image with a Vietnamese 400, storing nothing", async () => {
    const editor = await loginAs("editor");
    const [, social] = await twoImages();
    const id = await publish(editor, { headline: "Bài bị từ chối", seoTitle: "Tiêu đề cũ" });
    const before = await stored(id);
    const cases: [Record<string, string>, string, string][] = [
      [{ seoTitle: "t".repeat(71) }, "seoTitle", "Tiêu đề chia sẻ tối đa 70 ký tự (hiện có 71)"],
      [{ seoDescription: "m".repeat(161) }, "seoDescription", "Mô tả chia sẻ tối đa 160 ký tự (hiện có 161)"],
      [{ socialImageId: "999999" }, "socialImageId", "Ảnh chia sẻ không tồn tại trong thư viện: 999999"],
      [{ socialImageId: "ảnh" }, "socialImageId", "Mã ảnh phải là một số"],
    ];
    for (const [over, field, message] of cases) {
      const values = await articleFormValues(editor, id);
      const res = await editor.post(`/admin/bai-viet/${id}`, { ...values, headline: "Không được lưu", ...over });
      expect(res.status, field).toBe(400);
      const doc = parse(await res.text());
      expect(text(doc.querySelector(`#${field}-error`))).toBe(message);
      expect(text(doc.querySelector(".error"))).toContain("Bài chưa được lưu");
      // What was typed is shown back, in the field and on the card.
      if (over.seoTitle) {
        expect(doc.querySelector("#seoTitle")?.getAttribute("value")).toBe(over.seoTitle);
        expect(text(doc.querySelector(".share-title"))).toBe(over.seoTitle);
      }
      expect(await stored(id)).toEqual(before);
    }
    // On a new article too: nothing is created.
    const count = () =>
      env.DB.prepare("select count(*) as n from articles where headline = ?").bind("Bài mới bị từ chối").first("n");
    const { sectionId, authorId } = await firstIds();
    for (const [over, field] of cases) {
      const res = await editor.post(
        "/admin/bai-viet",
        articleFields({
          sectionId: String(sectionId),
          authorId: String(authorId),
          headline: "Bài mới bị từ chối",
          ...over,
        }),
      );
      expect(res.status, field).toBe(400);
    }
    expect(await count()).toBe(0);
    // An existing image is fine.
    const values = await articleFormValues(editor, id);
    expect((await editor.post(`/admin/bai-viet/${id}`, { ...values, socialImageId: String(social!.id) })).status).toBe(
      303,
    );
  });

  it("are kept by revisions and come back on restoring one", async () => {
    const editor = await loginAs("editor");
    const [, social] = await twoImages();
    const id = await publish(editor, {
      headline: "Bài có phiên bản",
      seoTitle: "Tiêu đề chia sẻ đầu",
      seoDescription: "Mô tả chia sẻ đầu",
      socialImageId: String(social!.id),
    });
    const values = await articleFormValues(editor, id);
    await editor.post(`/admin/bai-viet/${id}`, { ...values, seoTitle: "", seoDescription: "", socialImageId: "" });
    expect(await stored(id)).toMatchObject({ seo_title: null, social_image_id: null, version: 2 });
    const list = await editor.page(`/admin/bai-viet/${id}/phien-ban`);
    const first = list.querySelectorAll("td a").at(-1)!.getAttribute("href")!;
    expect((await editor.post(`${first}/khoi-phuc`, {})).status).toBe(303);
    expect(await stored(id)).toMatchObject({
      seo_title: "Tiêu đề chia sẻ đầu",
      seo_description: "Mô tả chia sẻ đầu",
      social_image_id: social!.id,
      version: 3,
    });
    const doc = await readerPage(id);
    expect(metaProperty(doc, "og:title")).toBe("Tiêu đề chia sẻ đầu");
    expect(metaProperty(doc, "og:image")).toBe(card(social!.key));
  });

  it("keep a photo used as a share card from being deleted", async () => {
    const editor = await loginAs("editor");
    const [, social] = await twoImages();
    const id = await publish(editor, { headline: "Bài giữ ảnh chia sẻ", socialImageId: String(social!.id) });
    const uses = await imageUses(openDatabase(env.DB), social!.id);
    expect(uses.map((u) => u.href)).toContain(`/admin/bai-viet/${id}`);
  });
});
