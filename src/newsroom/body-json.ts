// The body as the form sent it: the editor's `bodyJson` (the blocks as JSON,
// docs/newsroom.md) when present, else the markup textarea. Either way the
// result is unchecked input; the write layer validates it with parseBody.
import { InvalidBodyError } from "../content/blocks";
import { markupToBlocks } from "../content/markup/parse";

/** Characters of `bodyJson`. The form itself is capped at 1 MB (http/request-guards.ts). */
export const BODY_JSON_MAX = 1_000_000;
/** Blocks in a body (content/blocks.ts): checked before validation, so 10,000 blocks cost nothing. */
const BLOCKS_MAX = 500;

/** The blocks in `bodyJson`; InvalidBodyError, in Vietnamese, when it is not a JSON array of at most 500 items. */
export function blocksFromJson(raw: string): unknown[] {
  if (raw.length > BODY_JSON_MAX) throw new InvalidBodyError(["Nội dung bài viết quá lớn để lưu một lần"]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new InvalidBodyError([
      "Nội dung gửi từ trình soạn thảo bị hỏng. Hãy tải lại trang, hoặc sửa ở ô nội dung dạng văn bản.",
    ]);
  }
  if (!Array.isArray(parsed)) throw new InvalidBodyError(["Nội dung gửi từ trình soạn thảo không đúng dạng"]);
  if (parsed.length > BLOCKS_MAX) throw new InvalidBodyError([`Bài viết tối đa ${BLOCKS_MAX} khối nội dung`]);
  return parsed;
}

/** The submitted body: a non-empty `bodyJson` wins over the `body` markup. */
export function submittedBody(values: { body: string; bodyJson: string }): unknown {
  return values.bodyJson.trim() ? blocksFromJson(values.bodyJson) : markupToBlocks(values.body);
}
