import type { SiteInfo } from "../model/site-info";
import { Document } from "./Document";

export function ErrorPage({ site, title, message }: { site: SiteInfo; title: string; message: string }) {
  return (
    <Document site={site} title={title} noindex>
      <div class="error-page">
        <h1>{title}</h1>
        <p>{message}</p>
        <p>
          <a href="/">Về trang chủ</a>
        </p>
      </div>
    </Document>
  );
}
