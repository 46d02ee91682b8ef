/**
 * Vietnamese weather wording in the style of the national forecast
 * ("Nhiều mây, có mưa rào ... Gió tây nam cấp 3, giật cấp 7. ...").
 *
 * Pure functions only: no I/O, safe in the Workers runtime.
 * Wind speeds are in m/s (request Open-Meteo with `wind_speed_unit=ms`).
 */

export interface WeatherCodeText {
  /** Sky condition, capitalised, e.g. "Nhiều mây". */
  sky: string;
  /** Precipitation clause in lower case, e.g. "có mưa rào", or null when dry. */
  precipitation: string | null;
  /** True when the code implies thunderstorms (95, 96, 99). */
  thunder: boolean;
}

const code = (sky: string, precipitation: string | null = null, thunder = false): WeatherCodeText =>
  Object.freeze({ sky, precipitation, thunder });

const CLOUDY = "Nhiều mây";

/** WMO weather interpretation codes as used by Open-Meteo. */
const WEATHER_CODES: ReadonlyMap<number, WeatherCodeText> = new Map<number, WeatherCodeText>([
  [0, code("Trời nắng, không mưa")],
  [1, code("Ít mây, trời nắng")],
  [2, code("Mây thay đổi, ngày nắng")],
  [3, code("Nhiều mây, không mưa")],
  [45, code("Có sương mù")],
  // Depositing rime fog: does not occur in Vietnam, mapped for completeness.
  [48, code("Có sương mù dày")],
  [51, code(CLOUDY, "có mưa phùn nhẹ")],
  [53, code(CLOUDY, "có mưa phùn")],
  [55, code(CLOUDY, "có mưa phùn dày")],
  [56, code(CLOUDY, "có mưa phùn")],
  [57, code(CLOUDY, "có mưa phùn dày")],
  [61, code(CLOUDY, "có mưa nhỏ")],
  [63, code(CLOUDY, "có mưa vừa")],
  [65, code(CLOUDY, "có mưa to")],
  [66, code(CLOUDY, "có mưa")],
  [67, code(CLOUDY, "có mưa to")],
  [71, code(CLOUDY, "có mưa tuyết nhẹ")],
  [73, code(CLOUDY, "có mưa tuyết")],
  [75, code(CLOUDY, "có mưa tuyết dày")],
  [77, code(CLOUDY, "có mưa tuyết")],
  [80, code(CLOUDY, "có mưa rào")],
  [81, code(CLOUDY, "có mưa rào, có nơi mưa vừa, mưa to")],
  [82, code(CLOUDY, "có mưa rào mạnh, có nơi mưa rất to")],
  [85, code(CLOUDY, "có mưa tuyết")],
  [86, code(CLOUDY, "có mưa tuyết dày")],
  [95, code(CLOUDY, "có mưa rào, có nơi mưa vừa, mưa to và rải rác có dông", true)],
  [96, code(CLOUDY, "có mưa rào và dông, có nơi mưa đá", true)],
  [99, code(CLOUDY, "có mưa rào và dông mạnh, có nơi mưa đá", true)],
]);

/** Every WMO weather code Open-Meteo uses, ascending. */
export const WMO_CODES: readonly number[] = Object.freeze([...WEATHER_CODES.keys()].sort((a, b) => a - b));

/** Wording for a WMO weather code; null for a code Open-Meteo does not use. */
export function describeWeatherCode(code: number): WeatherCodeText | null {
  return WEATHER_CODES.get(code) ?? null;
}

const DIRECTIONS_16 = [
  "bắc",
  "bắc đông bắc",
  "đông bắc",
  "đông đông bắc",
  "đông",
  "đông đông nam",
  "đông nam",
  "nam đông nam",
  "nam",
  "nam tây nam",
  "tây nam",
  "tây tây nam",
  "tây",
  "tây tây bắc",
  "tây bắc",
  "bắc tây bắc",
] as const;

const DIRECTIONS_8 = ["bắc", "đông bắc", "đông", "đông nam", "nam", "tây nam", "tây", "tây bắc"] as const;

function sector(deg: number, names: readonly string[]): string {
  if (!Number.isFinite(deg)) throw new RangeError(`wind direction must be a finite number of degrees, got ${deg}`);
  const width = 360 / names.length;
  const normalised = ((deg % 360) + 360) % 360;
  // Sectors are centred on each point: shift by half a sector, then bucket.
  const index = Math.floor((normalised + width / 2) / width) % names.length;
  const name = names[index];
  if (name === undefined) throw new RangeError(`wind direction out of range: ${deg}`);
  return name;
}

/** 16-point Vietnamese name of the direction the wind blows from (north covers [348.75, 11.25)). */
export function windDirection16(deg: number): string {
  return sector(deg, DIRECTIONS_16);
}

/** 8-point Vietnamese name of the direction the wind blows from (north covers [337.5, 22.5)). */
export function windDirection8(deg: number): string {
  return sector(deg, DIRECTIONS_8);
}

/**
 * Upper bounds (inclusive, m/s) of Beaufort levels 1..16 as used in Vietnam;
 * level 0 is below 0.3 m/s, level 17 above 56.0 m/s.
 */
export const BEAUFORT_UPPER_BOUNDS_MS: readonly number[] = Object.freeze([
  0.3, 1.5, 3.3, 5.4, 7.9, 10.7, 13.8, 17.1, 20.7, 24.4, 28.4, 32.6, 36.9, 41.4, 46.1, 50.9, 56.0,
]);

/** Beaufort level 0..17 for a mean wind speed in m/s. */
export function beaufort(ms: number): number {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`wind speed must be a finite number >= 0 m/s, got ${ms}`);
  if (ms < 0.3) return 0;
  for (let level = 1; level < BEAUFORT_UPPER_BOUNDS_MS.length; level++) {
    const bound = BEAUFORT_UPPER_BOUNDS_MS[level];
    if (bound !== undefined && ms <= bound) return level;
  }
  return 17;
}

export interface ForecastInput {
  dayCode: number | null; // today's daily weather_code
  windSpeedMax: number | null; // m/s
  windDirection: number | null; // degrees
  gustMax: number | null; // m/s
  tempMin: number | null;
  tempMax: number | null;
  humidity: number | null; // %
}

/** A usable number: finite (null, NaN and ±Infinity count as missing). */
const known = (n: number | null | undefined): n is number => typeof n === "number" && Number.isFinite(n);
/** A usable speed: finite and not negative. */
const knownSpeed = (n: number | null | undefined): n is number => known(n) && n >= 0;
/** Math.round without "-0". */
const int = (n: number): number => Math.round(n) + 0;

function windSentence(f: ForecastInput): string | null {
  const mean = knownSpeed(f.windSpeedMax) ? beaufort(f.windSpeedMax) : null;
  const gust = knownSpeed(f.gustMax) ? beaufort(f.gustMax) : null;
  const direction = known(f.windDirection) ? windDirection8(f.windDirection) : null;
  const showGust = gust !== null && gust >= 6 && (mean === null || gust > mean);

  let text: string;
  if (mean === 0) {
    text = "Gió nhẹ"; // calm: a direction means nothing
  } else if (mean !== null) {
    text = direction !== null ? `Gió ${direction} cấp ${mean}` : `Gió cấp ${mean}`;
  } else if (direction !== null) {
    text = `Gió ${direction}`;
  } else if (showGust) {
    return `Gió giật cấp ${gust}.`;
  } else {
    return null;
  }
  return showGust ? `${text}, giật cấp ${gust}.` : `${text}.`;
}

function temperatureSentence(f: ForecastInput): string | null {
  const min = known(f.tempMin) ? int(f.tempMin) : null;
  const max = known(f.tempMax) ? int(f.tempMax) : null;
  if (min !== null && max !== null) {
    const [lo, hi] = min <= max ? [min, max] : [max, min];
    return lo === hi ? `Nhiệt độ khoảng ${lo} độ C.` : `Nhiệt độ từ ${lo} - ${hi} độ C.`;
  }
  if (max !== null) return `Nhiệt độ cao nhất ${max} độ C.`;
  if (min !== null) return `Nhiệt độ thấp nhất ${min} độ C.`;
  return null;
}

export const THUNDER_WARNING = "Trong cơn dông có khả năng xảy ra lốc, sét và gió giật mạnh.";

/**
 * The day's forecast paragraph in the national style, e.g.
 * "Nhiều mây, có mưa rào, có nơi mưa vừa, mưa to và rải rác có dông. Gió tây nam cấp 3, giật cấp 7.
 * Trong cơn dông có khả năng xảy ra lốc, sét và gió giật mạnh. Nhiệt độ từ 25 - 32 độ C. Độ ẩm 71%."
 * Missing (null or non-finite) values drop their sentence; all missing gives "".
 */
export function forecastText(f: ForecastInput): string {
  const sentences: string[] = [];
  const weather = known(f.dayCode) ? describeWeatherCode(f.dayCode) : null;
  if (weather !== null) {
    sentences.push(`${weather.sky}${weather.precipitation !== null ? `, ${weather.precipitation}` : ""}.`);
  }
  const wind = windSentence(f);
  if (wind !== null) sentences.push(wind);
  if (weather?.thunder === true) sentences.push(THUNDER_WARNING);
  const temperature = temperatureSentence(f);
  if (temperature !== null) sentences.push(temperature);
  if (known(f.humidity) && f.humidity >= 0 && f.humidity <= 100) sentences.push(`Độ ẩm ${int(f.humidity)}%.`);
  return sentences.join(" ");
}
