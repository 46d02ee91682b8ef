/** "Tin nóng": one line under the header on every page, while it runs. */
export function BreakingNews({ text, url }: { text: string; url: string | null }) {
  return (
    <div class="breaking">
      <div class="wrap">
        <strong>Tin nóng</strong> {url ? <a href={url}>{text}</a> : <span>{text}</span>}
      </div>
    </div>
  );
}
