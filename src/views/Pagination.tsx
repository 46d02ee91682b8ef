export function Pagination({ basePath, page, pageCount }: { basePath: string; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  const href = (p: number) => (p > 1 ? `${basePath}?page=${p}` : basePath);
  return (
    <nav class="pager" aria-label="Phân trang">
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          ← Trang trước
        </a>
      ) : (
        <span />
      )}
      <span>
        Trang {page}/{pageCount}
      </span>
      {page < pageCount ? (
        <a href={href(page + 1)} rel="next">
          Trang sau →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
