// Search benchmark (part of `npm run bench`): 10,000 generated articles in a
// separate local state, then p50/p99 for typical queries and the FTS index size.
import { spawn, spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { getPlatformProxy } from "wrangler";
import { runBatch } from "../src/db/batch";
import { openDatabase } from "../src/db/client";
import { EDITOR_SESSION_COOKIE } from "../src/edge/policy";
import type { Env } from "../src/env";
import { indexForSearch } from "../src/search/index-writes";
import { DEMO_ARTICLES } from "./demo/articles/index";

const COUNT = Number(process.env.BENCH_ARTICLES ?? 10_000);
const PORT = 8796;
const QUERIES = ["bac lieu", "Đà Nẵng mưa lớn", "tôm lúa", '"điện gió"', "giao duc the thao"];
const SAMPLES = 200;

/** Sentences from the demo articles, recombined: realistic Vietnamese text of ~400 words. */
function generator() {
  const sentences = DEMO_ARTICLES.flatMap((a) => a.body.flatMap((b) => ("text" in b ? b.text.split(/(?<=\.)\s+/) : [])));
  const places = ["Bạc Liêu", "Cà Mau", "Sóc Trăng", "Đà Nẵng", "Hòa Bình", "Vĩnh Lợi", "Phước Long", "Giá Rai", "Đông Hải", "Hồng Dân"];
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T,>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  return (i: number) => {
    const place = pick(places);
    const body = Array.from({ length: 6 }, () => ({ type: "paragraph" as const, text: Array.from({ length: 4 }, () => pick(sentences)).join(" ") }));
    return { headline: `${place}: ${pick(sentences).split(" ").slice(0, 10).join(" ")} (${i})`, lead: pick(sentences), body, place };
  };
}

export async function benchSearch(): Promise<void> {
  const state = await mkdtemp(join(tmpdir(), "edge-news-search-"));
  const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1" };
  try {
    const migrate = spawnSync("wrangler", ["d1", "migrations", "apply", "DB", "--local", "--persist-to", state], { env, encoding: "utf8" });
    if (migrate.status !== 0) throw new Error(migrate.stderr);
    const proxy = await getPlatformProxy<Env>({ configPath: "wrangler.toml", persist: { path: join(state, "v3") } });
    const db = openDatabase(proxy.env.DB);
    const started = Date.now();
    await runBatch(db, [sql`insert into sections (slug, name, position) values ('tin-tuc', 'Tin tức', 0)`, sql`insert into authors (slug, name, byline) values ('pv', 'Phóng viên', 'PV')`]);
    const make = generator();
    for (let from = 1; from <= COUNT; from += 25) {
      const statements = [];
      for (let i = from; i < from + 25 && i <= COUNT; i++) {
        const a = make(i);
        statements.push(sql`insert into articles (id, section_id, author_id, headline, slug, lead, body, status, published_at)
          values (${i}, 1, 1, ${a.headline}, ${`bai-${i}`}, ${a.lead}, ${JSON.stringify(a.body)}, 'published', ${Date.now() - i * 60_000})`);
        statements.push(...indexForSearch(i, { headline: a.headline, kicker: null, lead: a.lead, body: a.body, tags: [a.place], author: "PV" }));
      }
      await runBatch(db, statements);
    }
    const size = await proxy.env.DB.prepare("select sum(length(block)) as n from search_index_data").first<number>("n");
    const tonedSize = await proxy.env.DB.prepare("select sum(length(block)) as n from search_toned_data").first<number>("n");
    await proxy.dispose();
    console.log(`\nSearch: ${COUNT.toLocaleString("en")} generated articles loaded in ${((Date.now() - started) / 1000).toFixed(0)} s; FTS index ${(size! / 1048576).toFixed(1)} MB (+ ${(tonedSize! / 1048576).toFixed(1)} MB toned)`);

    const dev = spawn("wrangler", ["dev", "--port", String(PORT), "--ip", "localhost", "--persist-to", state, "--log-level", "warn"], { env: { ...env, CI: "" }, stdio: "ignore", detached: true });
    try {
      for (let i = 0; ; i++) {
        try { if ((await fetch(`http://localhost:${PORT}/`)).ok) break; } catch { /* starting */ }
        if (i > 120) throw new Error("wrangler dev did not start");
        await new Promise((r) => setTimeout(r, 500));
      }
      console.log(`| query (uncached: editor bypass), ${SAMPLES} requests | results | p50 ms | p99 ms |\n|---|---|---|---|`);
      for (const q of QUERIES) {
        const url = `http://localhost:${PORT}/tim-kiem?q=${encodeURIComponent(q)}`;
        const first = await (await fetch(url)).text();
        const found = /Tìm thấy ([\d.]+) bài/.exec(first)?.[1] ?? "0";
        const times: number[] = [];
        for (let i = 0; i < SAMPLES; i++) {
          const t = performance.now();
          await (await fetch(url, { headers: { cookie: `${EDITOR_SESSION_COOKIE}=bench` } })).arrayBuffer();
          times.push(performance.now() - t);
        }
        times.sort((a, b) => a - b);
        console.log(`| ${q} | ${found} | ${times[Math.floor(SAMPLES / 2)]!.toFixed(1)} | ${times[Math.floor(SAMPLES * 0.99)]!.toFixed(1)} |`);
      }
    } finally {
      try { process.kill(-dev.pid!, "SIGTERM"); } catch { dev.kill("SIGTERM"); }
    }
  } finally {
    await rm(state, { recursive: true, force: true });
  }
}
