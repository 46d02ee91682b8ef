// WordPress post statuses as the import format's (./format.ts), for both the
// WXR and REST readers. Private posts come in as drafts (readers never saw
// them); a status not listed here (trash, auto-draft, inherit) is left out.
export const WP_STATUS: Record<string, string> = {
  publish: "published",
  future: "scheduled",
  draft: "draft",
  pending: "review",
  private: "draft",
};
