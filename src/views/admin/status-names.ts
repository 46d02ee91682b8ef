import type { ArticleStatus } from "../../model/statuses";

export const STATUS_NAMES: Record<ArticleStatus, string> = {
  draft: "Bản nháp",
  review: "Chờ duyệt",
  scheduled: "Hẹn giờ",
  published: "Đã đăng",
  unpublished: "Đã gỡ",
};
