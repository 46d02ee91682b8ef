import { type Context, Hono } from "hono";
import {
  archivePoll,
  closePoll,
  createPoll,
  getPoll,
  isOpen,
  listPolls,
  type PollInput,
  pollArticleIds,
  updatePollBeforeVotes,
  voteCount,
} from "../db/polls";
import type { AppEnv } from "../env";
import { parseVietnamLocal, toVietnamLocalInput } from "../vi/dates";
import { PollFormPage, type PollFormValues, PollListPage } from "../views/admin/PollPages";
import { formStrings, parseId } from "./form";
import { adminPage, notFoundAdmin, requirePermission } from "./responses";

export const pollAdminRoutes = new Hono<AppEnv>();

pollAdminRoutes.use(requirePermission("polls.manage", "Chỉ biên tập viên và quản trị viên được quản lý bình chọn."));

function parsePollForm(v: PollFormValues): PollInput | string {
  const question = v.question.normalize("NFC").trim();
  if (!question || question.length > 300) return "Cần nhập câu hỏi (tối đa 300 ký tự).";
  const options = [
    ...new Set(
      v.options
        .split("\n")
        .map((o) => o.normalize("NFC").trim())
        .filter(Boolean),
    ),
  ];
  if (options.length < 2 || options.length > 10) return "Cần từ 2 đến 10 phương án khác nhau.";
  if (options.some((o) => o.length > 200)) return "Mỗi phương án tối đa 200 ký tự.";
  const opensAt = parseVietnamLocal(v.opensAt);
  const closesAt = parseVietnamLocal(v.closesAt);
  if (!opensAt || !closesAt) return "Hãy chọn thời gian mở và đóng hợp lệ.";
  if (closesAt <= opensAt) return "Thời gian đóng phải sau thời gian mở.";
  const placement = v.placement === "articles" ? "articles" : "sidebar";
  const articleIds = v.articleIds
    .split(/[,\s]+/)
    .map((x) => parseId(x))
    .filter((x): x is number => x !== null)
    .slice(0, 50);
  if (placement === "articles" && !articleIds.length) return "Hãy nhập mã ít nhất một bài viết.";
  return { question, options, placement, opensAt, closesAt, articleIds };
}

const valuesOf = (form: Record<string, string>): PollFormValues => ({
  question: form.question ?? "",
  options: form.options ?? "",
  placement: form.placement ?? "sidebar",
  opensAt: form.opensAt ?? "",
  closesAt: form.closesAt ?? "",
  articleIds: form.articleIds ?? "",
});

const formPage = (
  c: Context<AppEnv>,
  values: PollFormValues,
  extra: { pollId?: number; error?: string; locked?: boolean; open?: boolean } = {},
  status: 200 | 400 | 409 = 200,
) =>
  adminPage(c, <PollFormPage user={c.var.user!} csrf={c.var.session!.csrfToken} values={values} {...extra} />, status);

pollAdminRoutes.get("/", async (c) => {
  const polls = await listPolls(c.var.db);
  const withVotes = await Promise.all(polls.map(async (p) => ({ ...p, votes: await voteCount(c.var.db, p.id) })));
  return adminPage(
    c,
    <PollListPage
      user={c.var.user!}
      csrf={c.var.session!.csrfToken}
      polls={withVotes}
      now={new Date()}
      notice={c.req.query("da-luu") !== undefined ? "Đã lưu." : null}
    />,
  );
});

pollAdminRoutes.get("/moi", (c) => {
  const now = new Date();
  return formPage(c, {
    question: "",
    options: "",
    placement: "sidebar",
    articleIds: "",
    opensAt: toVietnamLocalInput(now),
    closesAt: toVietnamLocalInput(new Date(now.getTime() + 7 * 24 * 3600_000)),
  });
});

pollAdminRoutes.post("/", async (c) => {
  const values = valuesOf(await formStrings(c));
  const input = parsePollForm(values);
  if (typeof input === "string") return formPage(c, values, { error: input }, 400);
  const id = await createPoll(c.var.db, input);
  return c.redirect(`/admin/binh-chon/${id}?da-luu`, 303);
});

pollAdminRoutes.get("/:id{[0-9]+}", async (c) => {
  const data = await getPoll(c.var.db, parseId(c.req.param("id")) ?? 0);
  if (!data) return notFoundAdmin(c, "Không tìm thấy cuộc bình chọn.");
  const { poll, options } = data;
  const [votes, articleIds] = await Promise.all([voteCount(c.var.db, poll.id), pollArticleIds(c.var.db, poll.id)]);
  const locked = votes > 0;
  return formPage(
    c,
    {
      question: poll.question,
      options: options.map((o) => o.label).join("\n"),
      placement: poll.placement,
      articleIds: articleIds.join(", "),
      opensAt: toVietnamLocalInput(poll.opensAt),
      closesAt: toVietnamLocalInput(poll.closesAt),
    },
    { pollId: poll.id, locked, open: isOpen(poll, new Date()) },
  );
});

pollAdminRoutes.post("/:id{[0-9]+}", async (c) => {
  const id = parseId(c.req.param("id")) ?? 0;
  if (!(await getPoll(c.var.db, id))) return notFoundAdmin(c, "Không tìm thấy cuộc bình chọn.");
  const values = valuesOf(await formStrings(c));
  const input = parsePollForm(values);
  if (typeof input === "string") return formPage(c, values, { pollId: id, error: input }, 400);
  if (!(await updatePollBeforeVotes(c.var.db, id, input))) {
    return formPage(
      c,
      values,
      { pollId: id, locked: true, error: "Đã có người bình chọn nên không thể sửa câu hỏi và phương án." },
      409,
    );
  }
  return c.redirect(`/admin/binh-chon/${id}?da-luu`, 303);
});

pollAdminRoutes.post("/:id{[0-9]+}/trang-thai", async (c) => {
  const id = parseId(c.req.param("id")) ?? 0;
  if (!(await getPoll(c.var.db, id))) return notFoundAdmin(c, "Không tìm thấy cuộc bình chọn.");
  const action = (await formStrings(c))["hanh-dong"];
  if (action === "dong") await closePoll(c.var.db, id, new Date());
  else if (action === "luu-tru") await archivePoll(c.var.db, id);
  return c.redirect("/admin/binh-chon?da-luu", 303);
});
