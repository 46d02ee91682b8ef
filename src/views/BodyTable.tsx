import type { TableBlock } from "../content/blocks";
import { RichText } from "./RichText";

/**
 * A body table: header cells are column headers, the caption names it. The
 * wrapper scrolls sideways on a narrow phone instead of widening the page; it
 * takes keyboard focus so the hidden columns can be reached without a mouse
 * (not a named region: several tables would be landmarks of one name).
 * An empty header cell is a plain cell: a header must say something.
 */
export function BodyTable({ block }: { block: TableBlock }) {
  return (
    <div class="tbl" tabindex={0}>
      <table>
        {block.caption && <caption>{block.caption}</caption>}
        <thead>
          <tr>
            {block.header.map((cell) =>
              cell === "" ? (
                <td />
              ) : (
                <th scope="col">
                  <RichText value={cell} />
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {block.rows.map((row) => (
            <tr>
              {row.map((cell) => (
                <td>
                  <RichText value={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
