/** What the editor script reads from the page (src/editor/data.ts reads the same shape). */
export interface EditorData {
  /** The body's blocks, unchecked; null when the form's body cannot be read as blocks (the editor then reads the markup). */
  blocks: unknown[] | null;
  /** Photos named by the blocks, by id. */
  images: Record<string, { thumbUrl: string; alt: string; caption: string; credit: string }>;
}

/** JSON that cannot close its script element. */
const scriptJson = (data: unknown) =>
  JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");

/**
 * The WYSIWYG editor on a body textarea: its starting data and its script,
 * loaded only on the newsroom's body forms. Without JavaScript nothing here runs
 * and the textarea is the editor.
 */
export function EditorBoot({ data, script }: { data: EditorData; script: string }) {
  return (
    <>
      <script type="application/json" id="editor-data" dangerouslySetInnerHTML={{ __html: scriptJson(data) }} />
      <script src={script} defer></script>
    </>
  );
}
