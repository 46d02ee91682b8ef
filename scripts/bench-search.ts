// Search benchmark (part of `npm run bench`): 10,000 generated articles in a
// separate local state, then p50/p99 for typical queries and the FTS index size.
import { sql } from "drizzle-orm";
import { runBatch } from "../src/db/batch";
import { openDatabase } from "../src/db/client";
import { indexForSearch } from "../src/search/index-writes";
import { benchEditorCookie } from "./bench/editor-cookie";
import { DEMO_ARTICLES } from "./demo/articles/index";
import { freePort, startWranglerDev } from "./dev-server";
import { withLocalPlatform } from "./local-platform";
import { createTempState, removeTempState } from "./temp-state";

const COUNT = Number(process.env.BENCH_ARTICLES ?? 10_000);
const QUERIES = ["bac lieu", "Đà Nẵng mưa lớn", "tôm lúa", '"điện gió"', "giao duc the thao"];
const SAMPLES = 200;

/** Sentences from the demo articles, recombined: realistic Vietnamese text of ~400 words. */
function generator() {
  const sentences = DEMO_ARTICLES.flatMap((a) =>
    a.body.flatMap((b) => ("text" in b ? b.text.split(/(?<=\.)\s+/) : [])),
  );
  const places = [
    "Bạc Liêu",
    "Cà Mau",
    "Sóc Trăng",
    "Đà Nẵng",
    "Hòa Bình",
    "Vĩnh Lợi",
    "Phước Long",
    "Giá Rai",
    "Đông Hải",
    "Hồng Dân",
  ];
  let seed = 42;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  return (i: number) => {
    const place = pick(places);
    const body = Array.from({ length: 6 }, () => ({
      type: "paragraph" as const,
      text: Array.from({ length: 4 }, () => pick(sentences)).join(" "),
    }));
    return {
      headline: `${place}: ${pick(sentences).split(" ").slice(0, 10).join(" ")} (${i})`,
      lead: pick(sentences),
      body,
      place,
    };
  };
}

export async function benchSearch(): Promise<void> {
  const state = await createTempState("edge-news-search");
  try {
    const started = Date.now();
    const { size, tonedSize } = await withLocalPlatform(async (env) => {
      const db = openDatabase(env.DB);
      await runBatch(db, [
        sql`insert into sections (slug, name, position) values ('tin-tuc', 'Tin tức', 0)`,
        sql`insert into authors (slug, name, byline) values ('pv', 'Phóng viên', 'PV')`,
      ]);
      const make = generator();
      for (let from = 1; from <= COUNT; from += 25) {
        const statements = [];
        for (let i = from; i < from + 25 && i <= COUNT; i++) {
          const a = make(i);
          statements.push(sql`insert into articles (id, section_id, author_id, headline, slug, lead, body, status, published_at)
            values (${i}, 1, 1, ${a.headline}, ${`bai-${i}`}, ${a.lead}, ${JSON.stringify(a.body)}, 'published', ${Date.now() - i * 60_000})`);
          statements.push(
            ...indexForSearch(i, {
              headline: a.headline,
              kicker: null,
              lead: a.lead,
              body: a.body,
              tags: [a.place],
              author: "PV",
            }),
          );
        }
        await runBatch(db, statements);
      }
      return {
        size: await env.DB.prepare("select sum(length(block)) as n from search_index_data").first<number>("n"),
        tonedSize: await env.DB.prepare("select sum(length(block)) as n from search_toned_data").first<number>("n"),
      };
    }, state);
    console.log(
      `\nSearch: ${COUNT.toLocaleString("en")} generated articles loaded in ${((Date.now() - started) / 1000).toFixed(0)} s; FTS index ${(size! / 1048576).toFixed(1)} MB (+ ${(tonedSize! / 1048576).toFixed(1)} MB toned)`,
    );

    const dev = await startWranglerDev({ port: await freePort(), persistTo: state });
    try {
      console.log(
        `| query (uncached: editor bypass), ${SAMPLES} requests | results | p50 ms | p99 ms |\n|---|---|---|---|`,
      );
      for (const q of QUERIES) {
        const url = `${dev.url}/tim-kiem?q=${encodeURIComponent(q)}`;
        const first = await (await fetch(url)).text();
        const found = /Tìm thấy ([\d.]+) bài/.exec(first)?.[1] ?? "0";
        const times: number[] = [];
        for (let i = 0; i < SAMPLES; i++) {
          const t = performance.now();
          await (await fetch(url, { headers: { cookie: await benchEditorCookie() } })).arrayBuffer();
          times.push(performance.now() - t);
        }
        times.sort((a, b) => a - b);
        console.log(
          `| ${q} | ${found} | ${times[Math.floor(SAMPLES / 2)]!.toFixed(1)} | ${times[Math.floor(SAMPLES * 0.99)]!.toFixed(1)} |`,
        );
      }
    } finally {
      await dev.stop();
    }
  } finally {
    await removeTempState(state);
  }
}
