// What the weather box shows for each place: an editor's pinned text while it
// lasts, else the latest automatic forecast; stale after 6 hours, hidden after 24.
// The demo paper's forecast (scripts/demo/weather.ts) is the exception: it is
// shown whatever its age, as a dated sample, until a real forecast replaces it.

import type { WeatherBoxItem } from "../model/weather";
import type { Place } from "../weather/config";
import type { Database } from "./client";
import { activeOverride, latestForecast } from "./weather";

export const STALE_AFTER_MS = 6 * 3600_000;
export const HIDE_AFTER_MS = 24 * 3600_000;

/** The key in a forecast's `data` that marks the demo paper's sample forecast. */
export const DEMO_FORECAST_MARK = "demo";

function isDemoForecast(data: string): boolean {
  try {
    const parsed: unknown = JSON.parse(data);
    return (
      typeof parsed === "object" && parsed !== null && (parsed as Record<string, unknown>)[DEMO_FORECAST_MARK] === true
    );
  } catch {
    return false;
  }
}

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
          demo: false,
        };
      }
      if (!forecast) return null;
      // The demo paper's sample forecast says its own date, so it shows at any age.
      const demo = isDemoForecast(forecast.data);
      const age = now.getTime() - forecast.fetchedAt.getTime();
      if (!demo && age > HIDE_AFTER_MS) return null;
      return {
        placeName: place.name,
        text: forecast.text,
        tempMin: forecast.tempMin,
        tempMax: forecast.tempMax,
        updatedAt: forecast.fetchedAt,
        stale: !demo && age > STALE_AFTER_MS,
        demo,
      };
    }),
  );
  return items.filter((i): i is WeatherBoxItem => i !== null);
}
