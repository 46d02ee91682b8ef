// `npm run import -- <source> [--dry-run] [--persist-to DIR]`: brings a
// paper's past in (docs/import.md). The source is a file in the neutral JSON
// format (*.json), a WordPress export (WXR, *.xml) or a WordPress REST API
// (http://…/wp-json/wp/v2; WP_USER and WP_APP_PASSWORD for drafts). Writes the local state
// (.wrangler/state, or DIR like `wrangler dev --persist-to`), or with
// `--remote [--env NAME]` the production D1 and R2 through Cloudflare's HTTP
// APIs (./import/remote-*.ts).
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ImportFormatError, readDocument } from "./import/format";
import { remoteTarget } from "./import/remote-config";
import { HttpD1, RemoteApiError } from "./import/remote-d1";
import { withLoopbackBindings } from "./import/remote-loopback";
import { S3R2 } from "./import/remote-r2";
import { RestReadError, readRest } from "./import/rest";
import { type ImportReport, type WriteOptions, writeImport } from "./import/writer";
import { readWxr } from "./import/wxr";
import { applyLocalMigrations } from "./migrate-local";

const IMAGE_TIMEOUT_MS = 30_000;
const IMAGE_MAX_BYTES = 15 * 1024 * 1024;

/** An image's bytes: file: URLs from disk (fixtures, an unpacked uploads folder), http(s) with a timeout. */
export async function fetchBytes(url: string): Promise<Uint8Array> {
  if (url.startsWith("file:")) return new Uint8Array(await readFile(fileURLToPath(url)));
  if (!/^https?:/i.test(url)) throw new Error("không phải địa chỉ http(s)");
  const res = await fetch(url, { signal: AbortSignal.timeout(IMAGE_TIMEOUT_MS), redirect: "follow" }).catch(
    (e: Error) => {
      throw new Error(e.name === "TimeoutError" ? "quá thời gian tải" : `không tải được: ${e.message}`);
    },
  );
  if (!res.ok) throw new Error(`máy chủ trả lời ${res.status}`);
  const size = Number(res.headers.get("content-length") ?? 0);
  if (size > IMAGE_MAX_BYTES) throw new Error("ảnh quá 15 MB");
  return new Uint8Array(await res.arrayBuffer());
}

export function printReport(r: ImportReport, dryRun: boolean): void {
  const verb = dryRun ? "Sẽ" : "Đã";
  console.log(
    `\n${verb} nhập mới ${r.imported} bài, cập nhật ${r.updated} bài, bỏ qua ${r.skipped.length} bài; ` +
      `ảnh: ${r.imagesStored} lưu mới, ${r.imagesReused} dùng lại, ${r.imagesMissing.length} thiếu; ` +
      `${r.redirects} địa chỉ cũ (${(r.ms / 1000).toFixed(1)} s).`,
  );
  if (r.tags) console.log(`  ${r.tags} thẻ của trang cũ đã gắn với thẻ của báo.`);
  if (r.commentsAdded || r.commentsUpdated)
    console.log(`  Bình luận: ${r.commentsAdded} thêm mới, ${r.commentsUpdated} cập nhật.`);
  if (r.stoppedBy) console.log(`  ! Dừng ở ${r.stoppedBy}`);
  if (r.stopped) console.log("  Đã dừng giữa chừng (Ctrl+C): chạy lại đúng lệnh này để nhập tiếp phần còn lại.");
  for (const p of r.problems) console.log(`  ! ${p}`);
  for (const s of r.skipped) console.log(`  - ${s.item}: ${s.reason}`);
  for (const m of r.imagesMissing) console.log(`  ? ảnh ${m.url} (${m.item}): ${m.reason}`);
}

function progressLine(startedAt: number) {
  const tty = process.stderr.isTTY;
  return (done: number, total: number) => {
    const elapsed = (Date.now() - startedAt) / 1000;
    const left = done ? Math.round((elapsed / done) * (total - done)) : 0;
    const width = 30;
    const bar = "#".repeat(Math.round((done / Math.max(total, 1)) * width)).padEnd(width, ".");
    const line = `[${bar}] ${done}/${total} bài, còn khoảng ${left} s`;
    if (tty) process.stderr.write(`\r${line}${done === total ? "\n" : ""}`);
    else if (done === total || done % 50 === 0) process.stderr.write(`${line}\n`);
  };
}

interface RunOptions {
  dryRun: boolean;
  comments: boolean;
  persistTo: string | undefined;
  remote: boolean;
  wranglerEnv: string | undefined;
  config: string | undefined;
}

async function main(argv: string[]): Promise<number> {
  const args = argv.filter((a) => !a.startsWith("--"));
  const flagValue = (flag: string) => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const run: RunOptions = {
    dryRun: argv.includes("--dry-run"),
    comments: argv.includes("--comments"),
    persistTo: flagValue("--persist-to"),
    remote: argv.includes("--remote"),
    wranglerEnv: flagValue("--env"),
    config: flagValue("--config"),
  };
  const source = args.find((a) => a !== run.persistTo && a !== run.wranglerEnv && a !== run.config);
  if (!source) {
    console.error(
      "Cách dùng: npm run import -- <tệp.json | tệp.xml | http://…/wp-json/wp/v2> [--dry-run] [--comments] [--persist-to THƯ_MỤC | --remote [--env TÊN] [--config wrangler.toml]]",
    );
    return 2;
  }
  if (/^https?:\/\//i.test(source))
    return importDocument(await readFromRest(source, run.persistTo ?? ".wrangler"), run);
  let raw: Buffer;
  try {
    raw = await readFile(resolve(source));
  } catch (error) {
    console.error(`Không đọc được ${source}: ${(error as Error).message}`);
    return 1;
  }
  let parsed: ReturnType<typeof readDocument>;
  try {
    if (/\.xml$/i.test(source)) {
      const wxr = readWxr(raw);
      for (const w of wxr.warnings) console.log(`  ! ${w}`);
      parsed = readDocument(wxr.doc);
    } else parsed = readDocument(JSON.parse(raw.toString("utf8")));
  } catch (error) {
    console.error(
      error instanceof ImportFormatError || error instanceof SyntaxError ? (error as Error).message : error,
    );
    return 1;
  }
  return importDocument(parsed, run);
}

/** A WordPress REST API read into the neutral document; null (message printed) when it stopped. */
async function readFromRest(api: string, stateDir: string): Promise<ReturnType<typeof readDocument> | null> {
  const user = process.env.WP_USER;
  const password = process.env.WP_APP_PASSWORD;
  const resumeDir = join(stateDir, "import-resume", createHash("sha256").update(api).digest("hex").slice(0, 16));
  console.log(`• Đọc ${api}${user && password ? ` (đăng nhập ${user})` : ""}…`);
  try {
    const raw = await readRest(api, {
      ...(user && password ? { auth: `${user}:${password}` } : {}),
      resumeDir,
      log: (line) => console.log(line),
    });
    return readDocument(raw);
  } catch (error) {
    console.error(
      error instanceof RestReadError || error instanceof ImportFormatError ? (error as Error).message : error,
    );
    return null;
  }
}

/**
 * The first Ctrl+C stops after the group of articles being written (each
 * article lands whole or not at all either way); a second one quits at once.
 */
function stopOnCtrlC(): AbortSignal {
  const controller = new AbortController();
  process.on("SIGINT", () => {
    if (controller.signal.aborted) process.exit(130);
    console.error("\nĐang dừng sau nhóm bài đang ghi… (Ctrl+C lần nữa để thoát ngay)");
    controller.abort();
  });
  return controller.signal;
}

async function importDocument(parsed: ReturnType<typeof readDocument> | null, run: RunOptions): Promise<number> {
  if (!parsed) return 1;
  const { doc, problems } = parsed;
  const { dryRun } = run;
  console.log(
    `• ${doc.items.length} bài, ${doc.media.length} ảnh, ${doc.authors.length} tác giả, ${doc.sections.length} chuyên mục từ ${doc.source}${dryRun ? " (chạy thử, không ghi gì)" : ""}`,
  );
  const options: WriteOptions = {
    dryRun,
    fetchBytes,
    comments: run.comments,
    signal: stopOnCtrlC(),
    progress: progressLine(Date.now()),
  };
  let report: ImportReport;
  if (run.remote) {
    const target = remoteTarget(process.env, run.wranglerEnv, run.config);
    if ("missing" in target) {
      console.error(
        `Thiếu cấu hình để nhập vào D1 và R2 thật (--remote):\n${target.missing.map((m) => `  - ${m}`).join("\n")}`,
      );
      return 2;
    }
    const db = new HttpD1(target.api, target.databaseId);
    try {
      const ready = await db
        .prepare("select count(*) as n from sqlite_master where type = 'table' and name = 'import_mappings'")
        .first<number>("n");
      if (!ready) {
        console.error(
          `D1 "${target.databaseName}" chưa có bảng của trình nhập: chạy \`npx wrangler d1 migrations apply DB --remote${run.wranglerEnv ? ` --env ${run.wranglerEnv}` : ""}\` trước.`,
        );
        return 1;
      }
      console.log(`• Ghi vào D1 "${target.databaseName}" và R2 "${target.r2.bucket}" qua API của Cloudflare`);
      const media = new S3R2(target.r2);
      report = await writeImport({ DB: db.asBinding(), MEDIA: media.asBinding() }, doc, problems, options);
      console.log(`• ${db.requests} yêu cầu tới API D1, ${media.puts} ảnh gửi lên R2`);
    } catch (error) {
      if (error instanceof RemoteApiError) {
        console.error(`\n${error.message}\nChưa xong: chạy lại đúng lệnh này để nhập tiếp.`);
        return 1;
      }
      throw error;
    }
  } else {
    applyLocalMigrations(run.persistTo);
    report = await withLoopbackBindings(run.persistTo, (env) => writeImport(env, doc, problems, options));
  }
  printReport(report, dryRun);
  return report.stoppedBy ? 1 : report.stopped ? 130 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main(process.argv.slice(2));
