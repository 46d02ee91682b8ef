// Where a backup reads from: the same four questions asked of a local state
// (through getPlatformProxy) or of the remote database and bucket.
import type { ManifestSource, MediaObject } from "./manifest";

export interface BackupSource {
  describe: ManifestSource;
  query<T>(sql: string): Promise<T[]>;
  /** Writes INSERT statements (no schema) for exactly these tables to `file`. */
  exportData(tables: string[], file: string): Promise<void>;
  listMedia(): Promise<{ bucket: string; objects: MediaObject[] }>;
}
