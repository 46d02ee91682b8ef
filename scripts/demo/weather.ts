// The demo paper's weather box: one forecast for Bạc Liêu from our own
// fixture (scripts/demo/weather.json, in Open-Meteo's wire format), so a
// fresh `npm start` without internet still shows "Thông tin cần biết".
// It is dated by the fixture's own time, not the load's, and marked as demo
// data, so the box says it is a sample of that day; the first real refresh
// is newer and takes its place.
import { openDatabase } from "../../src/db/client";
import { writeContent } from "../../src/db/versions";
import { insertForecastQuery } from "../../src/db/weather";
import { DEMO_FORECAST_MARK } from "../../src/db/weather-box";
import { forecastInput } from "../../src/jobs/weather";
import { scope } from "../../src/model/content-scopes";
import { DEFAULT_PLACES } from "../../src/weather/config";
import { forecastResponse } from "../../src/weather/open-meteo";
import { forecastText } from "../../src/weather/wording";
import fixture from "./weather.json";

/** When the fixture's forecast was made: its `current.time`, local to the place, as an instant. */
export function demoForecastTime(): Date {
  const r = forecastResponse.parse(fixture);
  return new Date(Date.parse(`${r.current.time}:00Z`) - r.utc_offset_seconds * 1000);
}

/** Stores the demo forecast for the demo paper's place (Bạc Liêu, the default). */
export async function seedDemoWeather(d1: D1Database): Promise<void> {
  const db = openDatabase(d1);
  const input = forecastInput(forecastResponse.parse(fixture));
  const text = forecastText(input);
  if (!text) throw new Error("the demo forecast fixture writes no forecast");
  const place = DEFAULT_PLACES[0]!;
  await writeContent(
    db,
    [
      insertForecastQuery(db, {
        place: place.slug,
        fetchedAt: demoForecastTime(),
        text,
        tempMin: input.tempMin === null ? null : Math.round(input.tempMin),
        tempMax: input.tempMax === null ? null : Math.round(input.tempMax),
        data: JSON.stringify({ ...input, [DEMO_FORECAST_MARK]: true }),
      }),
    ],
    [scope.weather],
  );
}
