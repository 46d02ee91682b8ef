import { describe, expect, it } from "vitest";
import {
  BEAUFORT_UPPER_BOUNDS_MS,
  beaufort,
  describeWeatherCode,
  type ForecastInput,
  forecastText,
  WMO_CODES,
  windDirection8,
  windDirection16,
} from "../src/weather/wording";

const NAMES_16 = [
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
];
const NAMES_8 = ["bắc", "đông bắc", "đông", "đông nam", "nam", "tây nam", "tây", "tây bắc"];

// Letters used in Vietnamese text (Latin + Vietnamese diacritics), spaces and punctuation.
const VIETNAMESE_TEXT = /^[\p{Script=Latin}\s,]+$/u;
const VIETNAMESE_DIACRITIC = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/iu;

describe("describeWeatherCode", () => {
  it("lists exactly the codes Open-Meteo uses", () => {
    expect(WMO_CODES).toEqual([
      0, 1, 2, 3, 45, 48, 51, 53, 55, 56, 57, 61, 63, 65, 66, 67, 71, 73, 75, 77, 80, 81, 82, 85, 86, 95, 96, 99,
    ]);
  });

  it.each(WMO_CODES.map((c) => [c]))("code %i has non-empty Vietnamese wording", (c) => {
    const text = describeWeatherCode(c);
    expect(text).not.toBeNull();
    if (text === null) return;
    expect(text.sky.length).toBeGreaterThan(0);
    expect(text.sky).toMatch(VIETNAMESE_TEXT);
    expect(text.sky).toMatch(VIETNAMESE_DIACRITIC);
    expect(text.sky[0]).toBe(text.sky[0]?.toUpperCase());
    expect(text.sky.endsWith(".")).toBe(false);
    if (text.precipitation !== null) {
      expect(text.precipitation.length).toBeGreaterThan(0);
      expect(text.precipitation).toMatch(VIETNAMESE_TEXT);
      expect(text.precipitation.startsWith("có ")).toBe(true);
      expect(text.precipitation.endsWith(".")).toBe(false);
    }
    expect(text.thunder).toBe(c === 95 || c === 96 || c === 99);
  });

  it("is dry exactly for clear, cloudy and fog codes", () => {
    const dry = WMO_CODES.filter((c) => describeWeatherCode(c)?.precipitation === null);
    expect(dry).toEqual([0, 1, 2, 3, 45, 48]);
  });

  it("words the national forecast's usual cases", () => {
    expect(describeWeatherCode(0)?.sky).toBe("Trời nắng, không mưa");
    expect(describeWeatherCode(1)?.sky).toBe("Ít mây, trời nắng");
    expect(describeWeatherCode(2)?.sky).toBe("Mây thay đổi, ngày nắng");
    expect(describeWeatherCode(45)?.sky).toBe("Có sương mù");
    expect(describeWeatherCode(48)?.sky).toBe("Có sương mù dày");
    expect(describeWeatherCode(61)).toEqual({ sky: "Nhiều mây", precipitation: "có mưa nhỏ", thunder: false });
    expect(describeWeatherCode(63)?.precipitation).toBe("có mưa vừa");
    expect(describeWeatherCode(65)?.precipitation).toBe("có mưa to");
    expect(describeWeatherCode(80)?.precipitation).toBe("có mưa rào");
    expect(describeWeatherCode(81)?.precipitation).toBe("có mưa rào, có nơi mưa vừa, mưa to");
    expect(describeWeatherCode(82)?.precipitation).toBe("có mưa rào mạnh, có nơi mưa rất to");
    expect(describeWeatherCode(95)).toEqual({
      sky: "Nhiều mây",
      precipitation: "có mưa rào, có nơi mưa vừa, mưa to và rải rác có dông",
      thunder: true,
    });
    expect(describeWeatherCode(96)?.precipitation).toContain("mưa đá");
    expect(describeWeatherCode(99)?.precipitation).toContain("mưa đá");
  });

  it.each([[4], [100], [-1], [50], [94], [1.5], [Number.NaN], [Number.POSITIVE_INFINITY]])(
    "unknown code %d -> null",
    (c) => {
      expect(describeWeatherCode(c)).toBeNull();
    },
  );

  it("returns frozen values", () => {
    expect(Object.isFrozen(WMO_CODES)).toBe(true);
    expect(Object.isFrozen(describeWeatherCode(95))).toBe(true);
  });
});

describe("windDirection16", () => {
  it("names each point at its centre", () => {
    for (const [i, name] of NAMES_16.entries()) expect(windDirection16(i * 22.5)).toBe(name);
  });

  it.each(NAMES_16.map((name, i) => [11.25 + i * 22.5, name, NAMES_16[(i + 1) % 16] ?? ""] as const))(
    "boundary %f: %s below, %s at and above",
    (boundary, before, after) => {
      expect(windDirection16(boundary - 0.01)).toBe(before);
      expect(windDirection16(boundary)).toBe(after);
      expect(windDirection16(boundary + 0.01)).toBe(after);
    },
  );

  it("covers north as [348.75, 11.25)", () => {
    expect(windDirection16(348.74)).toBe("bắc tây bắc");
    expect(windDirection16(348.75)).toBe("bắc");
    expect(windDirection16(0)).toBe("bắc");
    expect(windDirection16(11.24)).toBe("bắc");
    expect(windDirection16(11.25)).toBe("bắc đông bắc");
  });

  it("normalises any finite angle", () => {
    expect(windDirection16(359.99)).toBe("bắc");
    expect(windDirection16(360)).toBe("bắc");
    expect(windDirection16(720)).toBe("bắc");
    expect(windDirection16(-0)).toBe("bắc");
    expect(windDirection16(-22.5)).toBe("bắc tây bắc");
    expect(windDirection16(-90)).toBe("tây");
    expect(windDirection16(-360 - 135)).toBe("tây nam");
    expect(windDirection16(225 + 3 * 360)).toBe("tây nam");
    expect(windDirection16(-1e-12)).toBe("bắc");
  });

  it("rejects non-finite angles", () => {
    expect(() => windDirection16(Number.NaN)).toThrow(RangeError);
    expect(() => windDirection16(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe("windDirection8", () => {
  it("names each point at its centre", () => {
    for (const [i, name] of NAMES_8.entries()) expect(windDirection8(i * 45)).toBe(name);
  });

  it.each(NAMES_8.map((name, i) => [22.5 + i * 45, name, NAMES_8[(i + 1) % 8] ?? ""] as const))(
    "boundary %f: %s below, %s at and above",
    (boundary, before, after) => {
      expect(windDirection8(boundary - 0.01)).toBe(before);
      expect(windDirection8(boundary)).toBe(after);
      expect(windDirection8(boundary + 0.01)).toBe(after);
    },
  );

  it("covers north as [337.5, 22.5)", () => {
    expect(windDirection8(337.49)).toBe("tây bắc");
    expect(windDirection8(337.5)).toBe("bắc");
    expect(windDirection8(0)).toBe("bắc");
    expect(windDirection8(22.49)).toBe("bắc");
    expect(windDirection8(22.5)).toBe("đông bắc");
  });

  it("normalises any finite angle", () => {
    expect(windDirection8(359.99)).toBe("bắc");
    expect(windDirection8(360)).toBe("bắc");
    expect(windDirection8(720)).toBe("bắc");
    expect(windDirection8(-22.5)).toBe("bắc");
    expect(windDirection8(-22.51)).toBe("tây bắc");
    expect(windDirection8(-135)).toBe("tây nam");
    expect(windDirection8(225)).toBe("tây nam");
    expect(windDirection8(210)).toBe("tây nam");
  });

  it("rejects non-finite angles", () => {
    expect(() => windDirection8(Number.NaN)).toThrow(RangeError);
    expect(() => windDirection8(Number.NEGATIVE_INFINITY)).toThrow(RangeError);
  });
});

describe("beaufort", () => {
  // The upper bounds of levels 1..16 in wording.ts (m/s); level 0 is < 0.3, level 17 above 56.0.
  const UPPER: ReadonlyArray<readonly [level: number, bound: number]> = [
    [1, 1.5],
    [2, 3.3],
    [3, 5.4],
    [4, 7.9],
    [5, 10.7],
    [6, 13.8],
    [7, 17.1],
    [8, 20.7],
    [9, 24.4],
    [10, 28.4],
    [11, 32.6],
    [12, 36.9],
    [13, 41.4],
    [14, 46.1],
    [15, 50.9],
    [16, 56.0],
  ];

  it("exports the README's table", () => {
    expect(BEAUFORT_UPPER_BOUNDS_MS).toEqual([0.3, ...UPPER.map(([, b]) => b)]);
  });

  it.each(UPPER)("level %i ends at %f m/s inclusive", (level, bound) => {
    expect(beaufort(bound)).toBe(level);
    expect(beaufort(bound - 0.01)).toBe(level);
    expect(beaufort(bound + 0.01)).toBe(level + 1);
  });

  it("handles level 0 and the typhoon end of the scale", () => {
    expect(beaufort(0)).toBe(0);
    expect(beaufort(-0)).toBe(0);
    expect(beaufort(0.29)).toBe(0);
    expect(beaufort(0.3)).toBe(1);
    expect(beaufort(56.0)).toBe(16);
    expect(beaufort(56.01)).toBe(17);
    expect(beaufort(56.1)).toBe(17);
    expect(beaufort(80)).toBe(17);
  });

  it("maps the fixture's winds", () => {
    expect(beaufort(5.2)).toBe(3);
    expect(beaufort(14.6)).toBe(7);
    expect(beaufort(4.1)).toBe(3);
    expect(beaufort(9.8)).toBe(5);
  });

  it("rejects negative and non-finite speeds", () => {
    expect(() => beaufort(-0.01)).toThrow(RangeError);
    expect(() => beaufort(-5)).toThrow(RangeError);
    expect(() => beaufort(Number.NaN)).toThrow(RangeError);
    expect(() => beaufort(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe("forecastText", () => {
  // daily[0] of /work/shared/fixtures/open-meteo/bac-lieu-forecast.json (Bạc Liêu, 2026-11-26),
  // humidity from `current`.
  const FIXTURE: ForecastInput = {
    dayCode: 95,
    windSpeedMax: 5.2,
    windDirection: 225,
    gustMax: 14.6,
    tempMin: 24.9,
    tempMax: 31.8,
    humidity: 71,
  };
  const NONE: ForecastInput = {
    dayCode: null,
    windSpeedMax: null,
    windDirection: null,
    gustMax: null,
    tempMin: null,
    tempMax: null,
    humidity: null,
  };
  const noGarbage = (s: string): void => {
    expect(s).not.toMatch(/undefined|null|NaN|Infinity/);
    expect(s).not.toMatch(/ {2}|^ | $|\.\.|,\./);
  };

  it("words the fixture's day in the national style", () => {
    const text = forecastText(FIXTURE);
    expect(text).toBe(
      "Nhiều mây, có mưa rào, có nơi mưa vừa, mưa to và rải rác có dông. " +
        "Gió tây nam cấp 3, giật cấp 7. " +
        "Trong cơn dông có khả năng xảy ra lốc, sét và gió giật mạnh. " +
        "Nhiệt độ từ 25 - 32 độ C. " +
        "Độ ẩm 71%.",
    );
    expect(text).toContain("Gió tây nam cấp 3");
    expect(text).toContain("giật cấp 7");
    expect(text).toContain("Trong cơn dông có khả năng xảy ra lốc, sét và gió giật mạnh.");
    expect(text).toContain("Nhiệt độ từ 25 - 32 độ C.");
  });

  it("words the fixture's second day", () => {
    expect(
      forecastText({
        ...FIXTURE,
        dayCode: 81,
        windSpeedMax: 4.4,
        windDirection: 210,
        gustMax: 11.3,
        tempMin: 25.1,
        tempMax: 31.2,
        humidity: null,
      }),
    ).toBe("Nhiều mây, có mưa rào, có nơi mưa vừa, mưa to. Gió tây nam cấp 3, giật cấp 6. Nhiệt độ từ 25 - 31 độ C.");
  });

  it("returns an empty string when nothing is known", () => {
    expect(forecastText(NONE)).toBe("");
  });

  it.each(WMO_CODES.map((c) => [c]))("code %i gives a capitalised sky sentence (+ storm warning on thunder)", (c) => {
    const text = forecastText({ ...NONE, dayCode: c });
    noGarbage(text);
    const thunder = c === 95 || c === 96 || c === 99;
    const [sky, ...rest] = text.split(/(?<=\.) /);
    expect(sky).toMatch(/^\p{Lu}[^.]*\.$/u);
    expect(rest).toEqual(thunder ? ["Trong cơn dông có khả năng xảy ra lốc, sét và gió giật mạnh."] : []);
  });

  it("skips an unknown or invalid code, and the storm warning with it", () => {
    for (const dayCode of [4, 100, -1, Number.NaN]) {
      const text = forecastText({ ...FIXTURE, dayCode });
      noGarbage(text);
      expect(text).toBe("Gió tây nam cấp 3, giật cấp 7. Nhiệt độ từ 25 - 32 độ C. Độ ẩm 71%.");
    }
  });

  it("shows gusts only from level 6 and above the mean level", () => {
    const wind = (windSpeedMax: number | null, gustMax: number | null, windDirection: number | null = 45): string =>
      forecastText({ ...NONE, windSpeedMax, gustMax, windDirection });
    expect(wind(5.2, 13.8)).toBe("Gió đông bắc cấp 3, giật cấp 6.");
    expect(wind(5.2, 10.7)).toBe("Gió đông bắc cấp 3.");
    expect(wind(12, 13.5)).toBe("Gió đông bắc cấp 6.");
    expect(wind(12, 15)).toBe("Gió đông bắc cấp 6, giật cấp 7.");
    expect(wind(5.2, null)).toBe("Gió đông bắc cấp 3.");
    expect(wind(5.2, 14.6, null)).toBe("Gió cấp 3, giật cấp 7.");
    expect(wind(null, null)).toBe("Gió đông bắc.");
    expect(wind(null, 14.6, null)).toBe("Gió giật cấp 7.");
    expect(wind(null, 5, null)).toBe("");
    expect(wind(0.1, null)).toBe("Gió nhẹ.");
    expect(wind(0.1, 14.6)).toBe("Gió nhẹ, giật cấp 7.");
    expect(wind(60, 70, 0)).toBe("Gió bắc cấp 17.");
  });

  it("treats negative or non-finite values as missing instead of throwing", () => {
    const text = forecastText({
      dayCode: 3,
      windSpeedMax: -1,
      windDirection: Number.NaN,
      gustMax: Number.POSITIVE_INFINITY,
      tempMin: Number.NaN,
      tempMax: Number.NEGATIVE_INFINITY,
      humidity: Number.NaN,
    });
    expect(text).toBe("Nhiều mây, không mưa.");
    expect(forecastText({ ...NONE, humidity: 140 })).toBe("");
    expect(forecastText({ ...NONE, humidity: -3 })).toBe("");
  });

  it("words temperatures", () => {
    const temp = (tempMin: number | null, tempMax: number | null): string =>
      forecastText({ ...NONE, tempMin, tempMax });
    expect(temp(24.9, 31.8)).toBe("Nhiệt độ từ 25 - 32 độ C.");
    expect(temp(31.8, 24.9)).toBe("Nhiệt độ từ 25 - 32 độ C.");
    expect(temp(27.6, 28.4)).toBe("Nhiệt độ khoảng 28 độ C.");
    expect(temp(null, 31.8)).toBe("Nhiệt độ cao nhất 32 độ C.");
    expect(temp(24.9, null)).toBe("Nhiệt độ thấp nhất 25 độ C.");
    expect(temp(-0.4, 2)).toBe("Nhiệt độ từ 0 - 2 độ C.");
  });

  it("rounds humidity", () => {
    expect(forecastText({ ...NONE, humidity: 70.6 })).toBe("Độ ẩm 71%.");
    expect(forecastText({ ...NONE, humidity: 0 })).toBe("Độ ẩm 0%.");
  });

  it("keeps the national order: sky, wind, storm warning, temperature, humidity", () => {
    const text = forecastText(FIXTURE);
    const order = ["Nhiều mây", "Gió", "Trong cơn dông", "Nhiệt độ", "Độ ẩm"].map((s) => text.indexOf(s));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    noGarbage(text);
    for (const sentence of text.split(/(?<=\.) /)) expect(sentence).toMatch(/^\p{Lu}.*\.$/u);
  });
});
