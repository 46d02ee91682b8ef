// The repository's D1 migrations, in the order wrangler applies them (by file name).
import { readdirSync } from "node:fs";

export const MIGRATIONS_DIR = "migrations";
export const MIGRATION_FILE = /^\d{4}_[a-z0-9_]+\.sql$/;

export function repositoryMigrations(dir = MIGRATIONS_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => MIGRATION_FILE.test(name))
    .sort();
}

/**
 * A backup can be restored by this checkout only if its migrations are this
 * checkout's first migrations; returns the ones to apply after its data.
 */
export function migrationsAfter(backupMigrations: string[]): string[] {
  const ours = repositoryMigrations();
  backupMigrations.forEach((name, i) => {
    if (ours[i] !== name) {
      throw new Error(
        ours.includes(name)
          ? `migration của bản sao lưu không theo thứ tự của ${MIGRATIONS_DIR}/ (${name})`
          : `bản sao lưu có migration ${name}, không có trong ${MIGRATIONS_DIR}/: bản sao lưu từ phiên bản mã mới hơn, hãy khôi phục bằng phiên bản đó`,
      );
    }
  });
  return ours.slice(backupMigrations.length);
}
