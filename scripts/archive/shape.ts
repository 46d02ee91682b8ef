/** The generated archive (scripts/archive-generate.ts), and where the bench finds it. */
export const ARCHIVE = {
  state: ".wrangler/archive-state",
  years: 10,
  articles: 250_000,
  photos: 500_000,
  tags: 2_000,
  authors: 50,
  /** One article in this many has the rare word ("kỳ lân") in its headline. */
  rareEvery: 5_000,
  sections: [
    { slug: "thoi-su", name: "Thời sự" },
    { slug: "kinh-te", name: "Kinh tế" },
    { slug: "xa-hoi", name: "Xã hội" },
    { slug: "giao-duc", name: "Giáo dục" },
    { slug: "the-thao", name: "Thể thao" },
    { slug: "van-hoa-du-lich", name: "Văn hóa - Du lịch" },
  ],
};
