import type { SiteInfo } from "../model/site-info";

export function SiteFooter({ site }: { site: SiteInfo }) {
  return (
    <footer class="site-footer">
      <div class="wrap">
        {site.footerMenu.length > 0 && (
          <nav aria-label="Liên kết cuối trang">
            <ul class="footer-menu">
              {site.footerMenu.map((l) => (
                <li key={l.href}>
                  <a href={l.href}>{l.label}</a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <p>
          <strong>{site.name}</strong>
          {site.tagline ? ` - ${site.tagline}` : ""}
        </p>
        {/* The lines Vietnamese press law requires of an online paper. */}
        {site.legal.agency && <p>Cơ quan chủ quản: {site.legal.agency}</p>}
        {site.legal.licenceNumber && (
          <p>
            Giấy phép số {site.legal.licenceNumber}
            {site.legal.licenceIssuer ? ` do ${site.legal.licenceIssuer} cấp` : ""}
          </p>
        )}
        {site.legal.editorInChief && <p>Tổng biên tập: {site.legal.editorInChief}</p>}
        {site.contact.address && <p>Địa chỉ: {site.contact.address}</p>}
        {(site.contact.phone || site.contact.email) && (
          <p>
            {site.contact.phone && (
              <>
                Điện thoại: <a href={`tel:${site.contact.phone.replace(/[^0-9+]/g, "")}`}>{site.contact.phone}</a>
              </>
            )}
            {site.contact.phone && site.contact.email && " · "}
            {site.contact.email && (
              <>
                Email: <a href={`mailto:${site.contact.email}`}>{site.contact.email}</a>
              </>
            )}
          </p>
        )}
        <p>Ghi rõ nguồn “{site.name}” khi phát hành lại thông tin từ website này.</p>
        {/* Shown by src/assets/offline.js where offline reading works. */}
        <p data-offline hidden>
          <a href="/da-luu">Bài đã lưu để đọc khi không có mạng</a>
        </p>
      </div>
    </footer>
  );
}
