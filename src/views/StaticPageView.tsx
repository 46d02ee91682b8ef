import type { BodyBlock } from "../content/blocks";
import type { ArticleLink, ImageData } from "../model/article";
import type { SiteInfo } from "../model/site-info";
import { breadcrumbs } from "../seo/structured-data";
import { BodyBlockView, InfoBox, needsVideoScript, splitBody } from "./ArticleBody";
import { Document } from "./Document";

export interface StaticPageViewProps {
  site: SiteInfo;
  slug: string;
  title: string;
  body: BodyBlock[];
  figures: Map<number, ImageData>;
  seeAlso?: Map<number, ArticleLink>;
  lite?: boolean;
}

/** "Giới thiệu", "Liên hệ"…: the article's body blocks without dateline, byline or comments. */
export function StaticPageView({ site, slug, title, body, figures, seeAlso, lite }: StaticPageViewProps) {
  const { flow, asides } = splitBody(body);
  const first = body.find((b) => b.type === "paragraph");
  return (
    <Document
      site={site}
      title={title}
      description={first?.type === "paragraph" ? first.text.slice(0, 160) : undefined}
      canonicalPath={`/${slug}`}
      videoScript={needsVideoScript(body, lite)}
      meta={{ structuredData: [breadcrumbs(site, [{ name: title, path: `/${slug}` }])] }}
    >
      <article class="article static-page">
        <h1>{title}</h1>
        <div class="body">
          {flow.map((block) => (
            <BodyBlockView block={block} figures={figures} seeAlso={seeAlso} lite={lite} />
          ))}
        </div>
        {asides.map((block) => (
          <InfoBox block={block} />
        ))}
      </article>
    </Document>
  );
}
