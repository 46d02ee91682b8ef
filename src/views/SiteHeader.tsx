import { sectionPath } from "./urls";
import type { SiteInfo } from "./site";

export function SiteHeader({ site, currentSection }: { site: SiteInfo; currentSection?: string }) {
  return (
    <header class="site-header">
      <div class="wrap">
        <div class="masthead">
          <a class="logo" href="/">{site.name}</a>
          {site.tagline && <span class="tagline">{site.tagline}</span>}
          <a class="search-link" href="/tim-kiem">Tìm kiếm</a>
        </div>
        <nav class="nav" aria-label="Chuyên mục">
          <ul>
            <li><a href="/" aria-current={currentSection === "" ? "page" : undefined}>Trang chủ</a></li>
            {site.sections.map((s) => (
              <li key={s.slug}>
                <a href={sectionPath(s.slug)} aria-current={currentSection === s.slug ? "page" : undefined}>{s.name}</a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
