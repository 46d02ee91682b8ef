// A real WordPress for the importer's end-to-end test: Debian's wordpress,
// mariadb-server and php packages (installed by install-packages.sh if
// missing), a private MariaDB (own datadir and socket under a temp
// directory, no network, run as the current user), PHP's built-in server on
// loopback with pretty permalinks, the site installed with wp_install() and
// seeded with Vietnamese content (php/seed.php), then exported to WXR with
// WordPress's own export_wp(). Nothing is written outside the temp directory.
//
//   npx tsx scripts/wordpress/site.ts [port]   keeps it up until Ctrl+C
//
// The test (test/wordpress/) imports startWordPress() and calls stop().
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const HERE = import.meta.dirname;
const PHP = join(HERE, "php");
const DEBIAN_WORDPRESS = "/usr/share/wordpress";

export interface SeedManifest {
  site: { url: string; timezone: string; wordpress: string };
  authors: { id: number; login: string; display_name: string }[];
  categories: { id: number; slug: string; name: string }[];
  tags: { id: number; slug: string; name: string }[];
  posts: {
    id: number;
    key: string;
    slug: string;
    title: string;
    excerpt: string;
    status: "publish" | "draft" | "future";
    date: string;
    date_gmt: string;
    link: string;
    author: string;
    categories: string[];
    tags: string[];
    featured_media: number;
    attachments: number[];
  }[];
  attachments: {
    id: number;
    parent: number;
    url: string;
    caption: string;
    alt: string;
    sha256: string;
    /** Exif Orientation written into the file (1 = none); kept in the served file. */
    orientation: number;
  }[];
  /** On the first post: approved ("1", replies among them), held ("0"), "spam", "trash", a pingback. */
  comments: {
    id: number;
    key: string;
    post: number;
    parent: number;
    author: string;
    /** As a reader sees it: tags and entities gone. */
    text: string;
    approved: string;
    type: string;
    date_gmt: string;
  }[];
  application_password: { user: string; password: string };
}

export interface WordPressSite {
  /** http://127.0.0.1:<port> (no trailing slash) */
  url: string;
  /** `${url}/wp-json/wp/v2` */
  restApi: string;
  /** The WXR file written by export_wp(). */
  wxrFile: string;
  manifest: SeedManifest;
  /** Milliseconds per phase: packages, database, install, seed, export. */
  timings: Record<string, number>;
  dir: string;
  stop(): Promise<void>;
}

export class WordPressUnavailable extends Error {}

/** Installs the Debian packages if missing; throws WordPressUnavailable when that is impossible here. */
export async function ensurePackages(): Promise<void> {
  try {
    await run("bash", [join(HERE, "install-packages.sh")], { maxBuffer: 16 << 20 });
  } catch (error) {
    const e = error as { code?: number; stderr?: string };
    if (e.code === 3) throw new WordPressUnavailable(e.stderr?.trim() || "WordPress packages missing");
    throw new Error(`Installing WordPress packages failed: ${e.stderr ?? String(error)}`);
  }
}

function waitFor(check: () => Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  return new Promise((done, fail) => {
    const tick = async () => {
      if (await check().catch(() => false)) return done();
      if (Date.now() > until) return fail(new Error(`Timed out waiting for ${what}`));
      setTimeout(tick, 200);
    };
    void tick();
  });
}

// A child spawned detached leads its own process group (PHP's server forks
// its workers): the whole group is signalled, so no worker outlives the test.
function stopChild(child: ChildProcess, group: boolean): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  const pid = child.pid;
  const signal = (name: NodeJS.Signals) => {
    try {
      if (group) process.kill(-pid, name);
      else child.kill(name);
    } catch {
      // already gone
    }
  };
  return new Promise((done) => {
    const kill = setTimeout(() => signal("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(kill);
      // Workers may still be finishing after the parent left.
      if (group) signal("SIGKILL");
      done();
    });
    signal("SIGTERM");
  });
}

export async function startWordPress(options: { port?: number } = {}): Promise<WordPressSite> {
  const timings: Record<string, number> = {};
  let t = Date.now();
  const lap = (name: string) => {
    timings[name] = Date.now() - t;
    t = Date.now();
  };
  await ensurePackages();
  lap("packages");

  const port = options.port ?? 8793;
  const url = `http://127.0.0.1:${port}`;
  const dir = await mkdtemp(join(tmpdir(), "wp-"));
  const children: { child: ChildProcess; group: boolean }[] = [];
  const logs: string[] = [];
  const stop = async () => {
    for (const { child, group } of children.reverse()) await stopChild(child, group);
    await rm(dir, { recursive: true, force: true });
  };

  try {
    // MariaDB: its own datadir and socket, no TCP, as the current user.
    const datadir = join(dir, "db");
    const socket = join(dir, "mysql.sock");
    const asRoot = process.getuid?.() === 0 ? ["--user=root"] : [];
    await run("mariadb-install-db", [
      "--no-defaults",
      `--datadir=${datadir}`,
      "--auth-root-authentication-method=normal",
      "--skip-test-db",
      ...asRoot,
    ]);
    const mariadb = spawn(
      "mariadbd",
      [
        "--no-defaults",
        `--datadir=${datadir}`,
        `--socket=${socket}`,
        `--pid-file=${join(dir, "mariadb.pid")}`,
        "--skip-networking",
        "--skip-log-bin",
        "--innodb-buffer-pool-size=64M",
        "--innodb-flush-log-at-trx-commit=0",
        ...asRoot,
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    children.push({ child: mariadb, group: false });
    mariadb.stderr?.on("data", (c: Buffer) => logs.push(c.toString()));
    const sql = (query: string) => run("mariadb", ["--no-defaults", `--socket=${socket}`, "-uroot", "-e", query]);
    await waitFor(async () => {
      await sql("SELECT 1");
      return true;
    }, "MariaDB");
    await sql(
      "CREATE DATABASE wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci; " +
        "CREATE USER 'wp'@'localhost' IDENTIFIED BY 'wp'; GRANT ALL ON wordpress.* TO 'wp'@'localhost';",
    );
    lap("database");

    // A copy of Debian's WordPress with our own wp-config.php (Debian's reads /etc/wordpress/).
    const root = join(dir, "wordpress");
    await cp(DEBIAN_WORDPRESS, root, { recursive: true, verbatimSymlinks: true });
    await mkdir(join(root, "wp-content/uploads"), { recursive: true });
    const salt = () => randomBytes(24).toString("hex");
    const keys = ["AUTH", "SECURE_AUTH", "LOGGED_IN", "NONCE"]
      .flatMap((k) => [`define('${k}_KEY', '${salt()}');`, `define('${k}_SALT', '${salt()}');`])
      .join("\n");
    await writeFile(
      join(root, "wp-config.php"),
      `<?php
// Written by scripts/wordpress/site.ts for a throwaway test site.
define('DB_NAME', 'wordpress');
define('DB_USER', 'wp');
define('DB_PASSWORD', 'wp');
define('DB_HOST', 'localhost:${socket}');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('WP_HOME', '${url}');
define('WP_SITEURL', '${url}');
define('WP_CONTENT_DIR', __DIR__ . '/wp-content');
define('WP_ENVIRONMENT_TYPE', 'local');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('FS_METHOD', 'direct');
${keys}
$table_prefix = 'wp_';
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
`,
    );

    const wxrFile = join(dir, "export.wxr.xml");
    const manifestFile = join(dir, "manifest.json");
    const env = {
      ...process.env,
      WP_DIR: root,
      WP_URL: url,
      WXR_FILE: wxrFile,
      MANIFEST_FILE: manifestFile,
      WP_ADMIN_PASSWORD: "admin",
    };
    const php = (script: string) => run("php", [join(PHP, script)], { env, maxBuffer: 16 << 20 });
    await php("install.php");
    lap("install");

    // PHP's built-in server, several workers so WordPress's own loopback requests do not deadlock.
    const server = spawn("php", ["-S", `127.0.0.1:${port}`, "-t", root, join(PHP, "router.php")], {
      env: { ...env, PHP_CLI_SERVER_WORKERS: "4" },
      stdio: ["ignore", "ignore", "pipe"],
      detached: true,
    });
    children.push({ child: server, group: true });
    server.stderr?.on("data", (c: Buffer) => logs.push(c.toString()));
    await waitFor(async () => (await fetch(`${url}/wp-json/`)).ok, "PHP server");

    await php("seed.php");
    lap("seed");
    await php("export.php");
    lap("export");

    const manifest = JSON.parse(await readFile(manifestFile, "utf8")) as SeedManifest;
    return { url, restApi: `${url}/wp-json/wp/v2`, wxrFile, manifest, timings, dir, stop };
  } catch (error) {
    const tail = logs.join("").split("\n").slice(-20).join("\n");
    await stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${tail}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const port = Number(process.argv[2] ?? 8793);
  const started = Date.now();
  const site = await startWordPress({ port });
  console.log(`WordPress ${site.manifest.site.wordpress} at ${site.url}/ (${Date.now() - started} ms)`);
  console.log(`  phases (ms): ${JSON.stringify(site.timings)}`);
  console.log(`  REST API: ${site.restApi}/posts`);
  console.log(`  WXR: ${site.wxrFile}`);
  console.log(`  application password: admin / ${site.manifest.application_password.password}`);
  console.log(`  wp-admin: ${site.url}/wp-admin/ (admin / admin)`);
  console.log("Ctrl+C stops it and deletes everything.");
  const quit = () => void site.stop().then(() => process.exit(0));
  process.once("SIGINT", quit);
  process.once("SIGTERM", quit);
  if (!existsSync(site.dir)) process.exit(1);
}
