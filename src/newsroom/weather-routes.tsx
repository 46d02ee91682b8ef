import { type Context, Hono } from "hono";
import { writeContent } from "../db/versions";
import { activeOverride, endOverridesQuery, insertOverrideQuery, recentRuns } from "../db/weather";
import { weatherBoxItems } from "../db/weather-box";
import type { AppEnv } from "../env";
import { refreshWeather } from "../jobs/weather";
import { scope } from "../model/content-scopes";
import { parseVietnamLocal, toVietnamLocalInput } from "../vi/dates";
import { WeatherAdminPage } from "../views/admin/WeatherAdminPage";
import { weatherPlaces } from "../weather/config";
import { formStrings } from "./form";
import { adminPage, notFoundAdmin, requirePermission } from "./responses";

export const weatherAdminRoutes = new Hono<AppEnv>();

weatherAdminRoutes.use(
  requirePermission("weather.manage", "Chỉ biên tập viên và quản trị viên được quản lý thời tiết."),
);

async function page(c: Context<AppEnv>, opts: { notice?: string | null; error?: string; status?: 200 | 400 } = {}) {
  const now = new Date();
  const places = weatherPlaces(c.env);
  const views = await Promise.all(
    places.map(async (p) => {
      const [items, override, runs] = await Promise.all([
        weatherBoxItems(c.var.db, [p], now),
        activeOverride(c.var.db, p.slug, now),
        recentRuns(c.var.db, p.slug, 10),
      ]);
      return { slug: p.slug, name: p.name, shown: items[0]?.text ?? null, override, runs };
    }),
  );
  return adminPage(
    c,
    <WeatherAdminPage
      user={c.var.user!}
      csrf={c.var.session!.csrfToken}
      places={views}
      notice={opts.notice}
      error={opts.error}
      defaultExpiry={toVietnamLocalInput(new Date(now.getTime() + 12 * 3600_000))}
    />,
    opts.status ?? 200,
  );
}

weatherAdminRoutes.get("/", (c) => page(c, { notice: c.req.query("da-luu") !== undefined ? "Đã lưu." : null }));

/** The same job the cron runs, now. */
weatherAdminRoutes.post("/lam-moi", async (c) => {
  const results = await refreshWeather(c.env);
  const failed = results.filter((r) => !r.ok);
  return page(
    c,
    failed.length
      ? {
          error: `Không cập nhật được: ${failed.map((f) => `${f.place} (${f.reason})`).join("; ")}. Bản tin cũ vẫn được giữ.`,
        }
      : { notice: "Đã cập nhật thời tiết." },
  );
});

weatherAdminRoutes.post("/:place/ghim", async (c) => {
  const place = weatherPlaces(c.env).find((p) => p.slug === c.req.param("place"));
  if (!place) return notFoundAdmin(c, "Không có địa điểm này.");
  const form = await formStrings(c);
  const text = (form.text ?? "").trim();
  const expiresAt = parseVietnamLocal(form.expiresAt ?? "");
  if (!text || text.length > 1000) return page(c, { error: "Cần nhập bản tin (tối đa 1.000 ký tự).", status: 400 });
  if (!expiresAt || expiresAt <= new Date())
    return page(c, { error: "Thời điểm hết hạn phải ở tương lai.", status: 400 });
  await writeContent(
    c.var.db,
    [insertOverrideQuery(c.var.db, { place: place.slug, text, expiresAt, createdBy: c.var.user!.id })],
    [scope.weather],
  );
  return c.redirect("/admin/thoi-tiet?da-luu", 303);
});

weatherAdminRoutes.post("/:place/bo-ghim", async (c) => {
  const place = weatherPlaces(c.env).find((p) => p.slug === c.req.param("place"));
  if (!place) return notFoundAdmin(c, "Không có địa điểm này.");
  await writeContent(c.var.db, [endOverridesQuery(c.var.db, place.slug, new Date())], [scope.weather]);
  return c.redirect("/admin/thoi-tiet?da-luu", 303);
});
