import type { PublicComment } from "../model/community";
import { formatDate, formatTime, toVietnamIso } from "../vi/dates";
import { Lines } from "./Lines";

function when(date: Date): string {
  return `${formatDate(date)} ${formatTime(date)}`;
}

function CommentItem({ comment, reply }: { comment: PublicComment; reply?: boolean }) {
  return (
    <li>
      <article class="comment" id={`bl-${comment.id}`}>
        <p class="comment-meta">
          <strong>{comment.name}</strong> ·{" "}
          <time datetime={toVietnamIso(comment.createdAt)}>{when(comment.createdAt)}</time>
        </p>
        <p>
          <Lines text={comment.body} />
        </p>
        {!reply && (
          <a class="reply" href={`/binh-luan/tra-loi/${comment.id}`}>
            Trả lời
          </a>
        )}
        {comment.replies.length > 0 && (
          <ol class="replies">
            {comment.replies.map((r) => (
              <CommentItem comment={r} reply />
            ))}
          </ol>
        )}
      </article>
    </li>
  );
}

/** The approved comments of an article: a fragment with its own clock. */
export function CommentList({ threads, total }: { threads: PublicComment[]; total: number }) {
  return (
    <section class="comments" id="binh-luan" aria-labelledby="binh-luan-title">
      <h2 id="binh-luan-title" class="block-title">
        Bình luận ({total})
      </h2>
      {total === 0 ? (
        <p>Chưa có bình luận nào.</p>
      ) : (
        <ol>
          {threads.map((c) => (
            <CommentItem comment={c} />
          ))}
        </ol>
      )}
    </section>
  );
}
