// drizzle's relational API (`.query.articles.findFirst(...)`) over the schema,
// for tests that read rows back. src/ builds every query from the tables and
// opens its databases without a schema (src/db/client.ts).
import { drizzle } from "drizzle-orm/d1";
import * as schema from "../../src/db/schema";

export const rowsOf = (d1: D1Database) => drizzle(d1, { schema });
