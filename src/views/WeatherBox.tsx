import type { WeatherBoxItem } from "../model/weather";
import { formatDate, formatTime } from "../vi/dates";

/** "THÔNG TIN CẦN BIẾT": the weather, kept current by the weather job (a fragment). */
export function WeatherBox({ items }: { items: WeatherBoxItem[] }) {
  if (!items.length) return null;
  return (
    <aside class="weather" aria-labelledby="weather-title">
      <h2 id="weather-title" class="block-title">
        Thông tin cần biết
      </h2>
      {items.map((w) => (
        <div class="weather-place">
          <p>
            <strong>Thời tiết {w.placeName}</strong>
            {w.tempMin !== null && w.tempMax !== null && (
              <span class="weather-temp">
                {" "}
                {w.tempMin}° - {w.tempMax}°C
              </span>
            )}
          </p>
          <p>{w.text}</p>
          {w.demo ? (
            <p class="meta">Dữ liệu mẫu ngày {formatDate(w.updatedAt)}, không phải dự báo hôm nay.</p>
          ) : (
            <p class="meta">
              Cập nhật lúc {formatTime(w.updatedAt)}
              {w.stale && " (chưa có bản tin mới hơn)"}
            </p>
          )}
        </div>
      ))}
    </aside>
  );
}
