// What the weather box shows for each place: an editor's pinned text while it
// lasts, else the latest automatic forecast; stale after 6 hours, hidden after 24.

import type { WeatherBoxItem } from "../model/weather";
import type { Place } from "../weather/config";
import type { Database } from "./client";
import { activeOverride, latestForecast } from "./weather";

export const STALE_AFTER_MS = 6 * 3600_000;
export const HIDE_AFTER_MS = 24 * 3600_000;

export async function weatherBoxItems(db: Database, places: Place[], now: Date): Promise<WeatherBoxItem[]> {
  const items = await Promise.all(
    places.map(async (place): Promise<WeatherBoxItem | null> => {
      const [override, forecast] = await Promise.all([
        activeOverride(db, place.slug, now),
        latestForecast(db, place.slug),
      ]);
      if (override) {
        return {
          placeName: place.name,
          text: override.text,
          tempMin: null,
          tempMax: null,
          updatedAt: override.createdAt,
          stale: false,
        };
      }
      if (!forecast) return null;
      const age = now.getTime() - forecast.fetchedAt.getTime();
      if (age > HIDE_AFTER_MS) return null;
      return {
        placeName: place.name,
        text: forecast.text,
        tempMin: forecast.tempMin,
        tempMax: forecast.tempMax,
        updatedAt: forecast.fetchedAt,
        stale: age > STALE_AFTER_MS,
      };
    }),
  );
  return items.filter((i): i is WeatherBoxItem => i !== null);
}
