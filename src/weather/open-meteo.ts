// Fetching a forecast from an Open-Meteo-compatible server. The response is
// outside input: it is validated before anything is written from it.
import * as z from "zod";
import type { Place } from "./config";

const num = z.number().finite().nullable();
const series = z.array(num).min(1);

export const forecastResponse = z.object({
  utc_offset_seconds: z.number(),
  current: z.object({
    time: z.string(),
    temperature_2m: num,
    relative_humidity_2m: num,
    weather_code: num,
    wind_speed_10m: num,
    wind_direction_10m: num,
    wind_gusts_10m: num,
  }),
  daily: z.object({
    time: z.array(z.string()).min(1),
    weather_code: series,
    temperature_2m_max: series,
    temperature_2m_min: series,
    precipitation_probability_max: series.optional(),
    wind_speed_10m_max: series,
    wind_gusts_10m_max: series,
    wind_direction_10m_dominant: series,
  }),
});
export type ForecastResponse = z.infer<typeof forecastResponse>;

const CURRENT = "temperature_2m,relative_humidity_2m,weather_code,wind_speed_10m,wind_direction_10m,wind_gusts_10m";
const DAILY =
  "weather_code,temperature_2m_max,temperature_2m_min,precipitation_sum,precipitation_probability_max,wind_speed_10m_max,wind_gusts_10m_max,wind_direction_10m_dominant";

export function forecastUrl(base: string, place: Place): string {
  const params = new URLSearchParams({
    latitude: String(place.latitude),
    longitude: String(place.longitude),
    current: CURRENT,
    daily: DAILY,
    timezone: "Asia/Ho_Chi_Minh",
    forecast_days: "2",
    wind_speed_unit: "ms",
  });
  return `${base}/v1/forecast?${params}`;
}

export class ForecastError extends Error {}

export const TIMEOUT_MS = 8_000;
export const ATTEMPTS = 3;

/** One place's forecast, with bounded retries for network faults and 5xx; never more than ATTEMPTS tries. */
export async function fetchForecast(
  base: string,
  place: Place,
  fetcher: typeof fetch = fetch,
): Promise<ForecastResponse> {
  let last = "";
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    let res: Response;
    try {
      res = await fetcher(forecastUrl(base, place), {
        signal: AbortSignal.timeout(TIMEOUT_MS),
        headers: { accept: "application/json" },
      });
    } catch (err) {
      last =
        err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError")
          ? `hết thời gian chờ (${TIMEOUT_MS / 1000} giây)`
          : `lỗi mạng: ${String(err)}`;
      continue;
    }
    const text = await res.text();
    if (!res.ok) {
      let reason = "";
      try {
        reason = String((JSON.parse(text) as { reason?: unknown }).reason ?? "");
      } catch {
        /* not JSON */
      }
      last = `máy chủ trả về ${res.status}${reason ? `: ${reason.slice(0, 200)}` : ""}`;
      // A 4xx will not get better by asking again.
      if (res.status < 500) break;
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new ForecastError("dữ liệu không phải JSON hợp lệ");
    }
    const parsed = forecastResponse.safeParse(json);
    if (!parsed.success) {
      throw new ForecastError(
        `thiếu hoặc sai trường: ${parsed.error.issues
          .slice(0, 3)
          .map((i) => i.path.join(".") || i.message)
          .join(", ")}`,
      );
    }
    return parsed.data;
  }
  throw new ForecastError(last || "không lấy được dự báo");
}
