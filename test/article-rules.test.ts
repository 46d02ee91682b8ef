import { describe, expect, it } from "vitest";
import { type ArticleFields, InvalidArticleError, validateArticle } from "../src/content/article-rules";
import { InvalidBodyError } from "../src/content/blocks";

const valid: ArticleFields = {
  headline: "  Đà Nẵng: mưa lớn  ",
  lead: "Sapo.",
  body: [{ type: "paragraph", text: "Đoạn." }],
  status: "draft",
};

/** The field and message of the error `input` is refused with. */
function refusal(input: Partial<ArticleFields>): { field: string | undefined; message: string } {
  try {
    validateArticle({ ...valid, ...input });
  } catch (err) {
    if (err instanceof InvalidArticleError) return { field: err.field, message: err.message };
    throw err;
  }
  throw new Error("expected a refusal");
}

describe("article rules, without a database", () => {
  it("normalises what it accepts: trimmed text, a slug from the headline, unique tags", () => {
    const out = validateArticle({ ...valid, kicker: " ", tags: ["Thời tiết", "thoi tiet", " ", "Bão"] });
    expect(out).toMatchObject({
      headline: "Đà Nẵng: mưa lớn",
      kicker: null,
      slug: "da-nang-mua-lon",
      slugTyped: false,
    });
    expect(out.tags).toEqual([
      { slug: "thoi-tiet", name: "Thời tiết" },
      { slug: "bao", name: "Bão" },
    ]);
    expect(validateArticle({ ...valid, slug: " mua-lon " })).toMatchObject({ slug: "mua-lon", slugTyped: true });
  });

  it("refuses each field with its Vietnamese message, the first problem first", () => {
    expect(refusal({ headline: " " })).toEqual({ field: "headline", message: "Tiêu đề không được để trống" });
    expect(refusal({ headline: "x".repeat(301) })).toEqual({ field: "headline", message: "Tiêu đề tối đa 300 ký tự" });
    expect(refusal({ headline: "", lead: "" }).field).toBe("headline");
    expect(refusal({ lead: "x".repeat(1001) })).toEqual({ field: "lead", message: "Sapo tối đa 1000 ký tự" });
    expect(refusal({ status: "scheduled" })).toEqual({ field: "publishedAt", message: "Cần có thời điểm đăng" });
    expect(refusal({ headline: "!!!" })).toEqual({ field: "slug", message: "Không tạo được đường dẫn từ tiêu đề" });
    expect(() => validateArticle({ ...valid, body: [{ type: "paragraph", text: "" }] })).toThrow(InvalidBodyError);
  });
});
