import type { SiteInfo } from "../model/site-info";
import { Document } from "./Document";

/**
 * The shells of "Bài đã lưu" (/da-luu) and the offline page (/ngoai-tuyen).
 * The lists live in the reader's browser, so the server sends them empty and
 * src/assets/offline.js fills them from the service worker's cache. Without
 * that script the page says what the feature needs.
 */
export interface OfflineListPageProps {
  site: SiteInfo;
  kind: "saved" | "offline";
}

const TEXT = {
  saved: {
    path: "/da-luu",
    title: "Bài đã lưu",
    intro:
      "Các bài bạn bấm “Lưu để đọc sau” được giữ ngay trên máy này để đọc cả khi không có mạng, không cần tài khoản.",
    listTitle: undefined,
    empty: "Bạn chưa lưu bài nào. Bấm “Lưu để đọc sau” ở đầu mỗi bài để lưu.",
  },
  offline: {
    path: "/ngoai-tuyen",
    title: "Không có kết nối mạng",
    intro:
      "Máy bạn đang mất mạng hoặc mạng quá yếu, và trang bạn mở chưa được lưu trên máy. Khi có mạng trở lại, xin tải lại trang.",
    listTitle: "Bài đọc được khi không có mạng",
    empty: "Chưa có bài nào trên máy. Những bài bạn mở khi có mạng sẽ được giữ lại để đọc sau.",
  },
} as const;

export function OfflineListPage({ site, kind }: OfflineListPageProps) {
  const t = TEXT[kind];
  return (
    <Document site={site} title={t.title} canonicalPath={t.path} noindex>
      <div class="article">
        <h1>{t.title}</h1>
        <p>{t.intro}</p>
        <p class="box" data-offline-need>
          Tính năng đọc khi không có mạng cần trình duyệt bật JavaScript và hỗ trợ lưu trang (Chrome, Cốc Cốc, Firefox,
          Safari, Edge bản mới). Khi có mạng, bạn vẫn đọc báo bình thường; <a href="/lite">bản nhẹ</a> giúp tiết kiệm dữ
          liệu.
        </p>
        <div class="saved" data-offline-list={kind === "saved" ? "saved" : "all"} hidden>
          {t.listTitle && (
            <h2 id="saved-title" class="block-title">
              {t.listTitle}
            </h2>
          )}
          <ul hidden></ul>
          <p data-offline-empty hidden>
            {t.empty}
          </p>
        </div>
        {kind === "offline" && (
          <p>
            <a href="/da-luu">Xem các bài đã lưu</a> · <a href="/">Về trang chủ</a>
          </p>
        )}
      </div>
    </Document>
  );
}
