// The newsroom's article list: its filter and rows.
import type { ArticleStatus } from "./statuses";

export interface NewsroomFilter {
  status?: ArticleStatus;
  sectionId?: number;
  authorId?: number;
  q?: string;
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
