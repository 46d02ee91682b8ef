// Keeping the search index in step with articles: these statements go into
// the same D1 batch as the article write, so the index is never behind.
import { type SQL, sql } from "drizzle-orm";
import { type BodyBlock, blockText } from "../content/blocks";
import { foldVietnamese, toneNormalise } from "./fold";

export interface SearchDocument {
  headline: string;
  kicker: string | null;
  lead: string;
  body: BodyBlock[];
  tags: string[];
  author: string;
}

export function bodyText(blocks: BodyBlock[]): string {
  return blocks.map(blockText).join("\n");
}

export function removeFromSearch(articleId: number | SQL): SQL[] {
  return [
    sql`delete from search_index where rowid = ${articleId}`,
    sql`delete from search_toned where rowid = ${articleId}`,
  ];
}

export function indexForSearch(articleId: number | SQL, doc: SearchDocument): SQL[] {
  const body = bodyText(doc.body);
  const tags = doc.tags.join(" ");
  return [
    ...removeFromSearch(articleId),
    sql`insert into search_index (rowid, headline, kicker, lead, body, tags, author)
        values (${articleId}, ${foldVietnamese(doc.headline)}, ${foldVietnamese(doc.kicker ?? "")}, ${foldVietnamese(doc.lead)}, ${foldVietnamese(body)}, ${foldVietnamese(tags)}, ${foldVietnamese(doc.author)})`,
    sql`insert into search_toned (rowid, text) values (${articleId}, ${toneNormalise([doc.kicker ?? "", doc.headline, doc.lead, body, tags, doc.author].join(" "))})`,
  ];
}
