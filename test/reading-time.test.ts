// The article form tells the editor how long the piece is: words and minutes.
import { beforeAll, describe, expect, it } from "vitest";
import { parseBody } from "../src/content/blocks";
import { readingTime } from "../src/content/reading-time";
import { loadDemo } from "./setup/demo";
import { text } from "./setup/http";
import { articleFields, firstIds, idFromLocation, loginAs } from "./setup/newsroom";

describe("reading time", () => {
  beforeAll(loadDemo);

  it("counts the lead's and the body's words, captions and list items included, not markup", () => {
    const blocks = parseBody([
      { type: "subheading", text: "Ba chữ đây" },
      { type: "paragraph", text: "Một hai ba bốn năm", marks: [{ type: "bold", start: 0, end: 3 }] },
      { type: "list", ordered: false, items: ["sáu bảy", "tám"] },
    ]);
    expect(readingTime("Sapo hai", blocks)).toEqual({ words: 13, minutes: 1 });
    const long = parseBody([{ type: "paragraph", text: "chữ ".repeat(461).trim() }]);
    expect(readingTime("", long)).toEqual({ words: 461, minutes: 3 });
  });

  it("shows on the edit form, counted from what the editor wrote", async () => {
    const editor = await loginAs("editor");
    const { sectionId, authorId } = await firstIds();
    const body = ["## Tiêu đề nhỏ", "Câu có **chữ đậm** và *nghiêng*.", "- một\n- hai", "chữ ".repeat(457).trim()];
    const res = await editor.post(
      "/admin/bai-viet",
      articleFields({
        sectionId: String(sectionId),
        authorId: String(authorId),
        headline: "Bài đếm chữ",
        lead: "Sapo bốn chữ nhé.",
        body: body.join("\n\n"),
      }),
    );
    expect(res.status).toBe(303);
    const form = await editor.page(`/admin/bai-viet/${idFromLocation(res)}`);
    // 4 (lead) + 3 (subheading) + 6 (paragraph, markup not counted) + 2 (list) + 457 = 472 words: 3 minutes.
    expect(text(form.querySelector("#body-length"))).toBe("Khoảng 472 chữ, đọc trong 3 phút");
  });
});
