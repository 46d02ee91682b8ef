import { describe, expect, it } from "vitest";
import { formatDateline, toVietnamIso } from "../src/vi/dates";
import { slugify } from "../src/vi/slug";

describe("dateline in Asia/Ho_Chi_Minh", () => {
  it("prints the seed's format", () => {
    // 14:54 in Vietnam is 07:54 UTC.
    expect(formatDateline(new Date("2024-01-17T07:54:00Z"))).toBe("Thứ Tư, 17/01/2024 | 14:54");
  });

  it("moves 23:30 UTC to the next day in Vietnam", () => {
    expect(formatDateline(new Date("2024-01-16T23:30:00Z"))).toBe("Thứ Tư, 17/01/2024 | 06:30");
    expect(formatDateline(new Date("2024-12-31T17:00:00Z"))).toBe("Thứ Tư, 01/01/2025 | 00:00");
    expect(formatDateline(new Date("2024-12-31T16:59:00Z"))).toBe("Thứ Ba, 31/12/2024 | 23:59");
  });

  it("names every weekday in Vietnamese", () => {
    const days = Array.from(
      { length: 7 },
      (_, i) => formatDateline(new Date(Date.UTC(2024, 0, 14 + i, 3))).split(",")[0],
    );
    expect(days).toEqual(["Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"]);
  });

  it("gives ISO times with the +07:00 offset", () => {
    expect(toVietnamIso(new Date("2024-01-16T23:30:05Z"))).toBe("2024-01-17T06:30:05+07:00");
  });
});

describe("Vietnamese slugs", () => {
  it.each([
    ["Đà Nẵng: Mưa lớn", "da-nang-mua-lon"],
    ["ĐƯỜNG ĐÊ BIỂN đã thông xe", "duong-de-bien-da-thong-xe"],
    ["Thủy sản: Tôm – lúa “được mùa”!", "thuy-san-tom-lua-duoc-mua"],
    ["àáảãạ ăằắẳẵặ âầấẩẫậ èéẻẽẹ êềếểễệ", "aaaaa-aaaaaa-aaaaaa-eeeee-eeeeee"],
    ["ìíỉĩị òóỏõọ ôồốổỗộ ơờớởỡợ ùúủũụ ưừứửữự ỳýỷỹỵ", "iiiii-ooooo-oooooo-oooooo-uuuuu-uuuuuu-yyyyy"],
    ["  Năm 2026:   100% xã có đường ô tô  ", "nam-2026-100-xa-co-duong-o-to"],
  ])("%s -> %s", (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it("treats decomposed (NFD) input like composed input", () => {
    expect(slugify("Đà Nẵng".normalize("NFD"))).toBe("da-nang");
  });

  it("cuts long headlines at a word boundary", () => {
    const slug = slugify(
      "Nông dân huyện Hòa Bình chuyển đổi hàng trăm héc-ta lúa kém hiệu quả sang mô hình tôm lúa bền vững thích ứng biến đổi khí hậu",
    );
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith("-")).toBe(false);
    expect(slug.startsWith("nong-dan-huyen-hoa-binh")).toBe(true);
  });
});
