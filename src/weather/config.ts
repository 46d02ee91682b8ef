// Where the weather box forecasts for, and which server speaks the Open-Meteo API.
import * as z from "zod";
import { describeError, log } from "../platform/log";

export interface Place {
  slug: string;
  name: string;
  latitude: number;
  longitude: number;
}

export const DEFAULT_PLACES: Place[] = [{ slug: "bac-lieu", name: "Bạc Liêu", latitude: 9.29, longitude: 105.72 }];
export const DEFAULT_API_URL = "https://api.open-meteo.com";

const placesSchema = z
  .array(
    z.object({
      slug: z.string().regex(/^[a-z0-9-]{1,40}$/),
      name: z.string().min(1).max(80),
      latitude: z.number().min(-90).max(90),
      longitude: z.number().min(-180).max(180),
    }),
  )
  .min(1)
  .max(10);

/** WEATHER_PLACES (JSON) or Bạc Liêu; a malformed value is reported and the default used. */
export function weatherPlaces(env: { WEATHER_PLACES?: string }): Place[] {
  if (!env.WEATHER_PLACES) return DEFAULT_PLACES;
  try {
    return placesSchema.parse(JSON.parse(env.WEATHER_PLACES));
  } catch (err) {
    log("error", "WEATHER_PLACES is not valid; using the default", { error: describeError(err) });
    return DEFAULT_PLACES;
  }
}

export const weatherApiUrl = (env: { WEATHER_API_URL?: string }) =>
  (env.WEATHER_API_URL || DEFAULT_API_URL).replace(/\/+$/, "");
