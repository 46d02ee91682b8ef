// WordPress's wpautop() (wp-includes/formatting.php) for the WXR reader: the
// export holds post_content as written, without <p>, and WordPress adds the
// paragraphs only when it shows a post (the REST API's content.rendered has
// them). Blank lines make paragraphs, a single line end inside one becomes
// <br>, block elements (figure, lists, tables, quotes, headings…) and
// standalone shortcodes ([caption], [gallery], shortcode_unautop()) are not
// wrapped. Block-editor content (<!-- wp:… -->) is left alone, as
// WordPress's do_blocks() removes wpautop for it.

const BLOCKS =
  "(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)";
/** Shortcodes WordPress itself registers that draw a block: a paragraph of only one of them is not wrapped. */
const BLOCK_SHORTCODES = "caption|wp_caption|gallery|playlist|audio|video|embed";

const re = (source: string, flags = "g") => new RegExp(source, flags);

/** Line ends inside tags (attributes split over lines) are kept, not made into <br>. */
function protectNewlinesInTags(text: string): string {
  return text.replace(/<[^>]*>/g, (tag) => (tag.startsWith("<!--") ? tag : tag.replace(/\n/g, " <!-- wpnl --> ")));
}

export function autop(input: string): string {
  if (!input.trim()) return "";
  if (/<!--\s*wp:/.test(input)) return input;
  let text = `${input.replace(/\r\n?/g, "\n")}\n`;

  // <pre> keeps its line ends as they are.
  const pres: string[] = [];
  text = text.replace(/<pre\b[\s\S]*?<\/pre>/gi, (m) => {
    pres.push(m);
    return `<pre wp-pre-tag-${pres.length - 1}></pre>`;
  });
  text = text.replace(/<br\s*\/?>\s*<br\s*\/?>/gi, "\n\n");
  text = text.replace(re(`(<${BLOCKS}[\\s/>])`, "gi"), "\n\n$1");
  text = text.replace(re(`(</${BLOCKS}>)`, "gi"), "$1\n\n");
  text = text.replace(/(<hr\s*?\/?>)/gi, "$1\n\n");
  text = protectNewlinesInTags(text);
  if (text.includes("<option")) text = text.replace(/\s*<option/g, "<option").replace(/<\/option>\s*/g, "</option>");
  if (text.includes("</object>"))
    text = text
      .replace(/(<object[^>]*>)\s*/g, "$1")
      .replace(/\s*<\/object>/g, "</object>")
      .replace(/\s*(<\/?(?:param|embed)[^>]*>)\s*/g, "$1");
  if (text.includes("<source") || text.includes("<track"))
    text = text
      .replace(/([<[](?:audio|video)[^>\]]*[>\]])\s*/g, "$1")
      .replace(/\s*([<[]\/(?:audio|video)[>\]])/g, "$1")
      .replace(/\s*(<(?:source|track)[^>]*>)\s*/g, "$1");
  if (text.includes("<figcaption"))
    text = text.replace(/\s*(<figcaption[^>]*>)/g, "$1").replace(/<\/figcaption>\s*/g, "</figcaption>");
  text = text.replace(/\n\n+/g, "\n\n");

  const paragraphs = text.split(/\n\s*\n/).filter((p) => p !== "");
  text = paragraphs.map((p) => `<p>${p.replace(/^\n+|\n+$/g, "")}</p>\n`).join("");
  text = text.replace(/<p>\s*<\/p>/g, "");
  text = text.replace(/<p>([^<]+)<\/(div|address|form)>/g, "<p>$1</p></$2>");
  text = text.replace(re(`<p>\\s*(</?${BLOCKS}[^>]*>)\\s*</p>`, "gi"), "$1");
  text = text.replace(/<p>(<li.+?)<\/p>/g, "$1");
  text = text.replace(/<p><blockquote([^>]*)>/gi, "<blockquote$1><p>");
  text = text.replace(/<\/blockquote><\/p>/g, "</p></blockquote>");
  text = text.replace(re(`<p>\\s*(</?${BLOCKS}[^>]*>)`, "gi"), "$1");
  text = text.replace(re(`(</?${BLOCKS}[^>]*>)\\s*</p>`, "gi"), "$1");

  // Single line ends inside a paragraph: <br />.
  text = text.replace(/<(script|style|svg)[\s\S]*?<\/\1>/g, (m) => m.replace(/\n/g, "<WPPreserveNewline />"));
  text = text.replace(/<br>|<br\/>/g, "<br />");
  text = text.replace(/(?<!<br \/>)\s*\n/g, "<br />\n");
  text = text.replace(/<WPPreserveNewline \/>/g, "\n");
  text = text.replace(re(`(</?${BLOCKS}[^>]*>)\\s*<br />`, "gi"), "$1");
  text = text.replace(/<br \/>(\s*<\/?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)/gi, "$1");
  text = text.replace(/\n<\/p>$/, "</p>");

  text = unautopShortcodes(text);
  text = text.replace(/<pre wp-pre-tag-(\d+)><\/pre>/g, (_m, i: string) => pres[Number(i)] ?? "");
  return text.replace(/ <!-- wpnl --> |<!-- wpnl -->/g, "\n");
}

/** shortcode_unautop(): a paragraph that is only a block shortcode loses its <p> (and the <br>s autop put in it). */
function unautopShortcodes(text: string): string {
  return text.replace(
    re(`<p>\\s*(\\[(${BLOCK_SHORTCODES})\\b[^\\]]*\\](?:[\\s\\S]*?\\[\\/\\2\\])?)\\s*</p>`, "gi"),
    (whole, inner: string) => (/<\/?p\b/i.test(inner) ? whole : inner.replace(/<br \/>\n/g, "\n")),
  );
}
