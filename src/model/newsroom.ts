// The newsroom's article list: its filter and rows.
import type { ArticleStatus } from "./statuses";

export interface NewsroomFilter {
  status?: ArticleStatus;
  sectionId?: number;
  authorId?: number;
  q?: string;
  /**
   * Set for a reporter: besides published articles (public anyway), only the
   * articles this account created. Others' drafts, pieces in review,
   * scheduled and unpublished ones are not theirs to see, titles included.
   */
  visibleTo?: number;
}

export interface NewsroomRow {
  id: number;
  headline: string;
  status: ArticleStatus;
  sectionName: string;
  authorName: string;
  updatedAt: Date;
  publishedAt: Date | null;
  createdBy: number | null;
}
