// A throwaway wrangler config whose migrations directory holds only the
// migrations a backup was taken at, so `wrangler d1 migrations apply` builds
// exactly the schema its data.sql was written for (rows are exported without
// column names, in that schema's column order).
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { MIGRATIONS_DIR } from "./migration-files";
import { projectBindings } from "./project-config";

/** Writes `<dir>/wrangler.json` and `<dir>/migrations/` (copies); returns the config path. */
export async function writeExactMigrationsConfig(dir: string, migrations: string[]): Promise<string> {
  const project = projectBindings();
  const migrationsDir = resolve(dir, "migrations");
  await mkdir(migrationsDir, { recursive: true });
  for (const name of migrations) await copyFile(join(MIGRATIONS_DIR, name), join(migrationsDir, name));
  const configPath = join(dir, "wrangler.json");
  // The same database id as wrangler.toml: a local D1's file is named after it.
  await writeFile(
    configPath,
    JSON.stringify(
      {
        name: project.name,
        compatibility_date: project.compatibilityDate,
        d1_databases: [{ binding: "DB", ...project.db, migrations_dir: migrationsDir }],
      },
      null,
      2,
    ),
  );
  return configPath;
}
