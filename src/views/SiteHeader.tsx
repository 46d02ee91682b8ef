import type { SiteInfo } from "../model/site-info";

/**
 * One line on a phone: masthead, search, and a menu that opens without
 * JavaScript (<details>); on wider screens the menu is a row under the masthead.
 * Below 480 px search and menu are icons (their words kept for screen readers),
 * so the paper's name fits whole at 320 px; a longer name wraps, never clips.
 */
export function SiteHeader({ site, currentSection }: { site: SiteInfo; currentSection?: string }) {
  const links = [{ href: "/", label: "Trang chủ", section: "" }, ...site.headerMenu];
  const items = links.map((l) => (
    <li key={l.href}>
      <a href={l.href} aria-current={l.section !== undefined && currentSection === l.section ? "page" : undefined}>
        {l.label}
      </a>
    </li>
  ));
  return (
    <header class="site-header">
      <div class="wrap">
        <div class="masthead">
          <a class="logo" href="/">
            {site.logo ? (
              <img
                src={site.logo.src}
                alt={site.name}
                width={Math.round((site.logo.width / site.logo.height) * 40)}
                height={40}
              />
            ) : (
              site.name
            )}
          </a>
          {site.tagline && <span class="tagline">{site.tagline}</span>}
          <a class="search-link" href="/tim-kiem">
            <span class="icon icon-search" aria-hidden="true"></span>
            <span class="label">Tìm kiếm</span>
          </a>
          <details class="menu">
            <summary>
              <span class="icon icon-menu" aria-hidden="true"></span>
              <span class="label">Chuyên mục</span>
            </summary>
            <nav aria-label="Chuyên mục">
              <ul>{items}</ul>
            </nav>
          </details>
        </div>
        <nav class="nav" aria-label="Chuyên mục chính">
          <ul>{items}</ul>
        </nav>
      </div>
    </header>
  );
}
