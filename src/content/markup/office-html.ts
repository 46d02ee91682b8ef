// What word processors mean by their clipboard HTML, beyond plain HTML.
// Desktop Word writes <p class=MsoNormal>, styles full of mso-, bold as
// <b> or font-weight:bold, and lists as paragraphs (MsoListParagraphCxSp…,
// "mso-list:l0 level1 lfo1") whose bullet sits in "<![if !supportLists]>".
// Google Docs wraps the whole paste in <b style="font-weight:normal"
// id="docs-internal-guid-…"> and marks bold and italic with span styles
// (font-weight:700, font-style:italic). LibreOffice Writer writes <font
// face=…>, <h2 class="western"> and real <ol>/<ul>. Only bold, italic,
// links, headings and lists are read from any of it; ./paste-html walks the
// document.
import { cleanPastedHref } from "./paste-links";

/** What an inline element says about bold, italic and links; undefined: it says nothing. */
export interface InlineEffect {
  name: string;
  bold?: boolean;
  italic?: boolean;
  href?: string | null;
  /** Its text is not the writer's: Word's comment marks. */
  hidden?: boolean;
}

/** Elements that carry formatting, tracked on a stack while their text is read. */
export const INLINE = new Set(["b", "strong", "i", "em", "cite", "dfn", "a", "span", "font"]);

/** Bold and italic from the element and its style; a link's cleaned target (null: no link, text kept). */
export function inlineEffect(name: string, attrs: Record<string, string>): InlineEffect {
  const effect: InlineEffect = { name };
  if (name === "b" || name === "strong") effect.bold = true;
  if (name === "i" || name === "em" || name === "cite" || name === "dfn") effect.italic = true;
  // Word's bookmarks (<a name="_GoBack">) and in-document links (#_Toc…) have no target we keep.
  if (name === "a") effect.href = attrs.href === undefined ? null : cleanPastedHref(attrs.href);
  const style = (attrs.style ?? "").toLowerCase();
  if (/^MsoCommentReference$/i.test(attrs.class ?? "") || /mso-special-character\s*:\s*comment/.test(style))
    effect.hidden = true;
  // "(?:^|;)" so Word's mso-bidi-font-weight (the weight of right-to-left text) is not read.
  const weight = /(?:^|;)\s*font-weight\s*:\s*([a-z0-9]+)/.exec(style)?.[1];
  if (weight) effect.bold = weight === "bold" || weight === "bolder" || Number(weight) >= 600;
  const fontStyle = /(?:^|;)\s*font-style\s*:\s*([a-z]+)/.exec(style)?.[1];
  if (fontStyle) effect.italic = fontStyle === "italic" || fontStyle === "oblique";
  return effect;
}

/** A Word list paragraph: class MsoListParagraph… or a style naming its list. */
export const isWordListItem = (attrs: Record<string, string>): boolean =>
  /^MsoListParagraph/i.test(attrs.class ?? "") || /mso-list\s*:\s*l\d/i.test(attrs.style ?? "");

/** Word's bullet or number before a list paragraph: "·", "o", "§" are bullets; "1.", "a)", "iv." numbers. */
export const isNumberMarker = (marker: string): boolean => /^(?:\d+|[a-z]|[ivxlc]+)[.)]$/i.test(marker);

/** A paragraph styled as a title in Word or LibreOffice (not an <h1>), read as a subheading. */
export const isTitleParagraph = (name: string, attrs: Record<string, string>): boolean =>
  name === "p" && /^(?:MsoTitle|MsoSubtitle|title|subtitle)$/i.test(attrs.class ?? "");
