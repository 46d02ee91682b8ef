// The weather job: every 30 minutes, each configured place's forecast is
// fetched, validated, written in Vietnamese and stored; a failure keeps the
// last good forecast and records why. Never throws.

import { openDatabase } from "../db/client";
import { writeContent } from "../db/versions";
import { insertForecastQuery, insertRunQuery, pruneWeather } from "../db/weather";
import type { Env } from "../env";
import { scope } from "../model/content-scopes";
import { describeError, log } from "../platform/log";
import { weatherApiUrl, weatherPlaces } from "../weather/config";
import { type ForecastResponse, fetchForecast } from "../weather/open-meteo";
import { type ForecastInput, forecastText } from "../weather/wording";

export const HISTORY_DAYS = 30;

export function forecastInput(r: ForecastResponse): ForecastInput {
  const today = (xs: (number | null)[] | undefined) => xs?.[0] ?? null;
  return {
    dayCode: today(r.daily.weather_code),
    windSpeedMax: today(r.daily.wind_speed_10m_max),
    windDirection: today(r.daily.wind_direction_10m_dominant) ?? r.current.wind_direction_10m,
    gustMax: today(r.daily.wind_gusts_10m_max),
    tempMin: today(r.daily.temperature_2m_min),
    tempMax: today(r.daily.temperature_2m_max),
    humidity: r.current.relative_humidity_2m,
  };
}

export interface WeatherRunResult {
  place: string;
  ok: boolean;
  reason: string;
}

export async function refreshWeather(
  env: Env,
  now = new Date(),
  fetcher: typeof fetch = fetch,
): Promise<WeatherRunResult[]> {
  const db = openDatabase(env.DB);
  const results: WeatherRunResult[] = [];
  for (const place of weatherPlaces(env)) {
    try {
      const response = await fetchForecast(weatherApiUrl(env), place, fetcher);
      const input = forecastInput(response);
      const text = forecastText(input);
      if (!text) throw new Error("dự báo không có dữ liệu để viết thành lời");
      await writeContent(
        db,
        [
          insertForecastQuery(db, {
            place: place.slug,
            fetchedAt: now,
            text,
            tempMin: input.tempMin === null ? null : Math.round(input.tempMin),
            tempMax: input.tempMax === null ? null : Math.round(input.tempMax),
            data: JSON.stringify(input),
          }),
          insertRunQuery(db, { place: place.slug, at: now, ok: true }),
        ],
        [scope.weather],
        now.getTime(),
      );
      results.push({ place: place.slug, ok: true, reason: "" });
    } catch (err) {
      const reason = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      log("error", "forecast not updated", { job: "weather", place: place.slug, reason });
      try {
        await insertRunQuery(db, { place: place.slug, at: now, ok: false, reason });
      } catch (dbErr) {
        log("error", "could not record the failed run", { job: "weather", error: describeError(dbErr) });
      }
      results.push({ place: place.slug, ok: false, reason });
    }
  }
  return results;
}

/** Housekeeping: forecasts, runs and overrides older than HISTORY_DAYS. */
export async function pruneWeatherHistory(env: Env, now = new Date()): Promise<void> {
  await pruneWeather(openDatabase(env.DB), new Date(now.getTime() - HISTORY_DAYS * 24 * 3600_000));
}
