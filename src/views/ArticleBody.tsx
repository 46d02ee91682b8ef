import type { BodyBlock } from "../content/blocks";
import type { ArticleLink, ImageData } from "../model/article";
import { BodyTable } from "./BodyTable";
import { Figure } from "./Figure";
import { RichText } from "./RichText";
import { SeeAlso } from "./SeeAlso";
import { VideoFacade } from "./VideoFacade";

type FlowBlock = Exclude<BodyBlock, { type: "aside" }>;

export function BodyBlockView({
  block,
  figures,
  seeAlso,
  lite,
}: {
  block: FlowBlock;
  figures: Map<number, ImageData>;
  /** The published articles "Xem thêm" boxes link to; a box whose article is not here is not shown. */
  seeAlso?: Map<number, ArticleLink>;
  lite?: boolean;
}) {
  switch (block.type) {
    case "paragraph":
      return (
        <p>
          <RichText value={block} />
        </p>
      );
    case "list": {
      const items = block.items.map((item) => (
        <li>
          <RichText value={item} />
        </li>
      ));
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case "subheading":
      return <h2>{block.text}</h2>;
    case "quote":
      return (
        <blockquote>
          <p>
            <RichText value={block} />
          </p>
          {block.cite && <footer>- {block.cite}</footer>}
        </blockquote>
      );
    case "figure": {
      const image = figures.get(block.imageId);
      // A figure whose image was deleted keeps its words: the caption is news too.
      if (!image) return block.caption ? <p class="meta">{block.caption}</p> : null;
      return <Figure image={image} caption={block.caption} credit={block.credit} lite={lite} />;
    }
    case "table":
      return <BodyTable block={block} />;
    case "related":
      return <SeeAlso article={seeAlso?.get(block.articleId)} />;
    case "video":
      return (
        <VideoFacade
          block={block}
          image={block.imageId === undefined ? undefined : figures.get(block.imageId)}
          lite={lite}
        />
      );
  }
}

export function InfoBox({ block }: { block: Extract<BodyBlock, { type: "aside" }> }) {
  return (
    <aside class="box" aria-label={block.title ? undefined : "Thông tin thêm"}>
      {block.title && <h2>{block.title}</h2>}
      {block.items.map((item) => (
        <p>
          <RichText value={item} />
        </p>
      ))}
    </aside>
  );
}

/** Whether a page needs the video player's script (src/assets/video.js): only the full edition with a video. */
export const needsVideoScript = (blocks: BodyBlock[], lite?: boolean): boolean =>
  !lite && blocks.some((b) => b.type === "video");

/** Body in reading order; boxed asides follow the byline, as in print. */
export function splitBody(blocks: BodyBlock[]): { flow: FlowBlock[]; asides: Extract<BodyBlock, { type: "aside" }>[] } {
  const flow: FlowBlock[] = [];
  const asides: Extract<BodyBlock, { type: "aside" }>[] = [];
  for (const b of blocks) b.type === "aside" ? asides.push(b) : flow.push(b);
  return { flow, asides };
}
