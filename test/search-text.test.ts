import { describe, expect, it } from "vitest";
import { foldVietnamese, toneNormalise, words } from "../src/search/fold";
import { parseSearchQuery } from "../src/search/query";
import { snippet } from "../src/search/snippet";

// Each row: base letter, then the vowel with no tone, huyền, sắc, hỏi, ngã, nặng.
const VOWELS: [string, string][] = [
  ["a", "aàáảãạ"],
  ["a", "ăằắẳẵặ"],
  ["a", "âầấẩẫậ"],
  ["e", "eèéẻẽẹ"],
  ["e", "êềếểễệ"],
  ["i", "iìíỉĩị"],
  ["o", "oòóỏõọ"],
  ["o", "ôồốổỗộ"],
  ["o", "ơờớởỡợ"],
  ["u", "uùúủũụ"],
  ["u", "ưừứửữự"],
  ["y", "yỳýỷỹỵ"],
];

describe("foldVietnamese", () => {
  it("folds every vowel with every tone, both cases, to the base letter", () => {
    let count = 0;
    for (const [base, forms] of VOWELS) {
      const chars = Array.from(forms);
      expect(chars).toHaveLength(6);
      for (const ch of chars) {
        for (const c of [ch, ch.toUpperCase()]) {
          expect(foldVietnamese(c), c).toBe(base);
          expect(foldVietnamese(c.normalize("NFD")), `NFD ${c}`).toBe(base);
          count++;
        }
      }
    }
    expect(count).toBe(12 * 6 * 2);
  });

  it("folds đ/Đ to d", () => {
    expect(foldVietnamese("đ")).toBe("d");
    expect(foldVietnamese("Đ")).toBe("d");
    expect(foldVietnamese("Đường")).toBe("duong");
  });

  it("folds NFD input like NFC", () => {
    const s = "Thành phố Hồ Chí Minh, Đà Nẵng và Huế — mưa lớn!";
    expect(foldVietnamese(s.normalize("NFD"))).toBe(foldVietnamese(s.normalize("NFC")));
    expect(foldVietnamese(s)).toBe("thanh pho ho chi minh da nang va hue mua lon");
  });

  it("makes city spellings meet", () => {
    for (const s of ["da nang", "Đà Nẵng", "ĐÀ NẴNG", "đà nẵng", "  Đà-Nẵng!! "]) {
      expect(foldVietnamese(s), s).toBe("da nang");
    }
  });

  it("equates old and new tone placement", () => {
    expect(foldVietnamese("hoà")).toBe(foldVietnamese("hòa"));
    expect(foldVietnamese("thuý")).toBe(foldVietnamese("thúy"));
    expect(foldVietnamese("khoẻ")).toBe(foldVietnamese("khỏe"));
  });

  it("turns non-letters into single spaces", () => {
    expect(foldVietnamese("🌧️ mưa\n\t(lớn)  2024")).toBe("mua lon 2024");
    expect(foldVietnamese("  ...  ")).toBe("");
  });
});

describe("toneNormalise", () => {
  it("unifies tone placement", () => {
    expect(toneNormalise("hoà")).toBe(toneNormalise("hòa"));
    expect(toneNormalise("hoà")).toBe("hòa");
    expect(toneNormalise("thuý")).toBe(toneNormalise("thúy"));
    expect(toneNormalise("Thuý")).toBe("thúy");
    expect(toneNormalise("khoẻ")).toBe(toneNormalise("khỏe"));
    expect(toneNormalise("Hoà Bình, THUỶ")).toBe("hòa bình thủy");
    expect(toneNormalise("hoà".normalize("NFD"))).toBe("hòa");
  });

  it("keeps tones and leaves syllables it should not touch", () => {
    expect(toneNormalise("quý")).toBe("quý");
    expect(toneNormalise("hoàng")).toBe("hoàng");
    expect(toneNormalise("ngoài")).toBe("ngoài");
    expect(toneNormalise("Đà Nẵng")).toBe("đà nẵng");
    expect(toneNormalise("hòa")).not.toBe(toneNormalise("hoa"));
  });
});

describe("words", () => {
  it("gives offsets into the original string", () => {
    const s = "  Đà Nẵng, mưa!";
    const ws = words(s);
    expect(ws.map((w) => w.folded)).toEqual(["da", "nang", "mua"]);
    expect(ws.map((w) => s.slice(w.start, w.end))).toEqual(["Đà", "Nẵng", "mưa"]);
  });

  it("keeps combining marks of NFD input inside words", () => {
    const s = "Đà Nẵng".normalize("NFD");
    const ws = words(s);
    expect(ws.map((w) => w.folded)).toEqual(["da", "nang"]);
    expect(ws.map((w) => s.slice(w.start, w.end))).toEqual(s.split(" "));
  });
});

/** Every token in a MATCH string must be one complete FTS5 string "…" ("" escapes a quote). */
function assertSafeMatch(match: string): void {
  expect((match.match(/"/g) ?? []).length % 2).toBe(0);
  expect(match).toMatch(/^"(?:[^"]|"")*"(?: "(?:[^"]|"")*")*$/);
  // Outside the strings nothing remains (no operators, *, ^, :, parentheses).
  expect(match.replace(/"(?:[^"]|"")*"/g, "").trim()).toBe("");
}

describe("parseSearchQuery", () => {
  const hostile = [
    '"',
    'a" OR "b',
    "NEAR(a b)",
    "*",
    "-x",
    "col:val",
    "^start",
    "()",
    "🌧️ mưa",
    "a ".repeat(1000),
    "",
    "   ",
    "AND",
    "OR NOT",
    'x* "y',
    "“mưa lớn” ”",
    "\u0000\"'`;--",
    "a".repeat(5000),
  ];

  for (const raw of hostile) {
    it(`is safe for ${JSON.stringify(raw.slice(0, 30))}`, () => {
      const q = parseSearchQuery(raw);
      if (q.match !== null) {
        assertSafeMatch(q.match);
        const tokens = q.match.match(/"(?:[^"]|"")*"/g) ?? [];
        expect(tokens.length).toBeLessThanOrEqual(10);
        expect(tokens.length).toBe(q.terms.length + q.phrases.length);
      }
    });
  }

  it("quotes operators as plain strings", () => {
    expect(parseSearchQuery("NEAR(a b)").match).toBe('"near" "a" "b"');
    expect(parseSearchQuery('a" OR "b').match).toBe('"a" "or" "b"');
    expect(parseSearchQuery("col:val").match).toBe('"col" "val"');
    expect(parseSearchQuery("OR NOT").match).toBe('"or" "not"');
    expect(parseSearchQuery("🌧️ mưa").match).toBe('"mua"');
  });

  it("gives null when nothing searchable remains", () => {
    for (const raw of [undefined, "", "   ", '"', "*", "()", "^", "-", "🌧️", '""', "!!! ???"]) {
      const q = parseSearchQuery(raw);
      expect(q.match, JSON.stringify(raw)).toBeNull();
      expect(q.terms).toEqual([]);
      expect(q.phrases).toEqual([]);
    }
  });

  it("caps long input and the token count", () => {
    const q = parseSearchQuery("a ".repeat(1000));
    expect(q.terms).toEqual(["a"]);
    const many = parseSearchQuery(Array.from({ length: 50 }, (_, i) => `w${i}`).join(" "));
    expect(many.terms).toHaveLength(10);
    const long = parseSearchQuery("x".repeat(1000));
    expect(long.terms).toEqual(["x".repeat(200)]);
  });

  it("parses phrases and terms", () => {
    const q = parseSearchQuery('"mưa lớn" Cà Mau');
    expect(q.phrases).toEqual([["mua", "lon"]]);
    expect(q.terms).toEqual(["ca", "mau"]);
    expect(q.match).toBe('"mua lon" "ca" "mau"');
    expect(q.tonedTerms).toEqual(["mưa", "lớn", "cà", "mau"]);
  });

  it("treats an unclosed quote as plain words", () => {
    const q = parseSearchQuery('bão "số 3');
    expect(q.phrases).toEqual([]);
    expect(q.terms).toEqual(["bao", "so", "3"]);
  });

  it("tone-normalises tonedTerms", () => {
    expect(parseSearchQuery("Hoà Bình").tonedTerms).toEqual(["hòa", "bình"]);
  });
});

describe("snippet", () => {
  const joined = (s: { text: string }[]): string => s.map((x) => x.text).join("");

  it("highlights the original spelling for a folded query", () => {
    const text = "Mưa lớn kéo dài ở Đà Nẵng từ đêm qua.";
    const segs = snippet(text, ["da", "nang"]);
    expect(segs.filter((s) => s.match).map((s) => s.text)).toEqual(["Đà", "Nẵng"]);
    expect(joined(segs)).toBe(text);
  });

  it("works with query terms from parseSearchQuery", () => {
    const q = parseSearchQuery('"da nang"');
    const segs = snippet("Tin Đà Nẵng hôm nay", [...q.terms, ...q.phrases.flat()]);
    expect(segs).toEqual([
      { text: "Tin ", match: false },
      { text: "Đà", match: true },
      { text: " ", match: false },
      { text: "Nẵng", match: true },
      { text: " hôm nay", match: false },
    ]);
  });

  it("windows around the first match with ellipses", () => {
    const filler = "lorem ipsum dolor sit amet ".repeat(30);
    const text = `${filler}Bão số 3 đổ bộ vào Quảng Ninh. ${filler}`;
    const segs = snippet(text, ["quang", "ninh"], 100);
    expect(segs[0]).toEqual({ text: "…", match: false });
    expect(segs[segs.length - 1]).toEqual({ text: "…", match: false });
    expect(segs.filter((s) => s.match).map((s) => s.text)).toEqual(["Quảng", "Ninh"]);
    expect(joined(segs).length).toBeLessThanOrEqual(110);
  });

  it("returns the start of the text when nothing matches", () => {
    const text = "Một hai ba bốn năm ".repeat(40);
    const segs = snippet(text, ["khong"], 50);
    expect(segs.every((s) => !s.match)).toBe(true);
    expect(joined(segs).startsWith("Một hai ba")).toBe(true);
    expect(segs[segs.length - 1]?.text).toBe("…");
    expect(joined(segs).length).toBeLessThanOrEqual(52);
  });

  it("handles empty text and NFD text", () => {
    expect(snippet("", ["a"])).toEqual([]);
    const nfd = "Ở Đà Nẵng".normalize("NFD");
    const segs = snippet(nfd, ["nang"]);
    expect(segs.filter((s) => s.match).map((s) => s.text)).toEqual(["Nẵng".normalize("NFD")]);
  });
});
