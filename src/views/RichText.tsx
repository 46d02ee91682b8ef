import { isExternalHref, type RichItem, type Segment, segments } from "../content/rich-text";
import { Lines } from "./Lines";

function Piece({ segment }: { segment: Segment }) {
  let node = <Lines text={segment.text} />;
  if (segment.italic) node = <em>{node}</em>;
  if (segment.bold) node = <strong>{node}</strong>;
  return node;
}

/**
 * Text with its marks: cut at every mark boundary, each piece wrapped in
 * <strong>/<em>, the pieces of one link inside one <a>. Always escaped; line
 * breaks kept. Without marks, exactly <Lines>. External links get
 * rel="noopener" and open in the same tab.
 */
export function RichText({ value }: { value: RichItem }) {
  if (typeof value === "string" || !value.marks?.length)
    return <Lines text={typeof value === "string" ? value : value.text} />;
  const groups: { link?: Segment["link"]; pieces: Segment[] }[] = [];
  for (const s of segments(value)) {
    const last = groups[groups.length - 1];
    if (last && s.link && last.link === s.link) last.pieces.push(s);
    else groups.push({ link: s.link, pieces: [s] });
  }
  return (
    <>
      {groups.map(({ link, pieces }) => {
        const inner = pieces.map((s) => <Piece segment={s} />);
        return link ? (
          <a href={link.href} rel={isExternalHref(link.href) ? "noopener" : undefined}>
            {inner}
          </a>
        ) : (
          inner
        );
      })}
    </>
  );
}
