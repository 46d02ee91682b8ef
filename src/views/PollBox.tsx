import type { PollWithOptions } from "../model/community";

export function PollResults({ poll, options }: PollWithOptions) {
  const total = options.reduce((n, o) => n + o.votes, 0);
  return (
    <div class="poll-results">
      <p class="poll-total">{total.toLocaleString("vi-VN")} lượt bình chọn</p>
      <ul>
        {options.map((o) => {
          const pct = total ? Math.round((o.votes / total) * 1000) / 10 : 0;
          return (
            <li key={o.id}>
              <span class="poll-label">{o.label}</span>
              <span class="poll-count">
                {o.votes.toLocaleString("vi-VN")} ({pct.toLocaleString("vi-VN")}%)
              </span>
              <span class="poll-bar" aria-hidden="true">
                <span style={`width:${pct}%`}></span>
              </span>
            </li>
          );
        })}
      </ul>
      <p class="hint">Câu hỏi: {poll.question}</p>
    </div>
  );
}

/**
 * The "thăm dò ý kiến" box: a plain form while the poll is open, the results
 * once it is closed. `chosen` ticks an option (a vote shown again to confirm).
 */
export function PollBox({ data, open, chosen }: { data: PollWithOptions; open: boolean; chosen?: number }) {
  const { poll, options } = data;
  return (
    <section class="poll" aria-labelledby={`poll-${poll.id}-title`}>
      <h2 id={`poll-${poll.id}-title`} class="block-title">
        Thăm dò ý kiến
      </h2>
      {open ? (
        <form method="post" action={`/binh-chon/${poll.id}`}>
          <fieldset>
            <legend>{poll.question}</legend>
            {options.map((o) => (
              <label class="poll-option" key={o.id}>
                <input type="radio" name="option" value={String(o.id)} required checked={o.id === chosen} /> {o.label}
              </label>
            ))}
          </fieldset>
          <button type="submit">Bình chọn</button> <a href={`/binh-chon/${poll.id}`}>Xem kết quả</a>
        </form>
      ) : (
        <>
          <p>
            <strong>{poll.question}</strong> <span class="hint">(đã kết thúc)</span>
          </p>
          <PollResults {...data} />
        </>
      )}
    </section>
  );
}
