import { and, desc, eq, gt, lt } from "drizzle-orm";
import type { Database } from "./client";
import { weatherForecasts, weatherOverrides, weatherRuns } from "./schema";

export async function latestForecast(db: Database, place: string) {
  const [row] = await db
    .select()
    .from(weatherForecasts)
    .where(eq(weatherForecasts.place, place))
    .orderBy(desc(weatherForecasts.fetchedAt))
    .limit(1);
  return row ?? null;
}

export async function activeOverride(db: Database, place: string, now: Date) {
  const [row] = await db
    .select()
    .from(weatherOverrides)
    .where(and(eq(weatherOverrides.place, place), gt(weatherOverrides.expiresAt, now)))
    .orderBy(desc(weatherOverrides.createdAt))
    .limit(1);
  return row ?? null;
}

export function recentRuns(db: Database, place: string, limit: number) {
  return db
    .select()
    .from(weatherRuns)
    .where(eq(weatherRuns.place, place))
    .orderBy(desc(weatherRuns.at), desc(weatherRuns.id))
    .limit(limit);
}

export function insertForecastQuery(db: Database, f: typeof weatherForecasts.$inferInsert) {
  return db.insert(weatherForecasts).values(f);
}

export function insertRunQuery(db: Database, r: typeof weatherRuns.$inferInsert) {
  return db.insert(weatherRuns).values(r);
}

export function insertOverrideQuery(db: Database, o: typeof weatherOverrides.$inferInsert) {
  return db.insert(weatherOverrides).values(o);
}

export function endOverridesQuery(db: Database, place: string, now: Date) {
  return db
    .update(weatherOverrides)
    .set({ expiresAt: now })
    .where(and(eq(weatherOverrides.place, place), gt(weatherOverrides.expiresAt, now)));
}

/** Drops history older than `before`. */
export async function pruneWeather(db: Database, before: Date): Promise<void> {
  await db.batch([
    db.delete(weatherForecasts).where(lt(weatherForecasts.fetchedAt, before)),
    db.delete(weatherRuns).where(lt(weatherRuns.at, before)),
    db.delete(weatherOverrides).where(lt(weatherOverrides.expiresAt, before)),
  ]);
}
