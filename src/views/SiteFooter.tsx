import type { SiteInfo } from "./site";

export function SiteFooter({ site }: { site: SiteInfo }) {
  return (
    <footer class="site-footer">
      <div class="wrap">
        <p><strong>{site.name}</strong>{site.tagline ? ` - ${site.tagline}` : ""}</p>
        <p>Ghi rõ nguồn “{site.name}” khi phát hành lại thông tin từ website này.</p>
      </div>
    </footer>
  );
}
