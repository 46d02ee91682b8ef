-- Full-text search over articles (SQLite FTS5). Text is folded in the Worker
-- before it is written (src/search/fold.ts: NFC, lowercase, tone marks and
-- diacritics removed, đ -> d), because FTS5's remove_diacritics does not fold
-- đ. search_toned keeps tone marks (tone placement unified) so a query typed
-- with tone marks can rank exact-tone matches first. rowid = articles.id;
-- visibility (published, time) is decided at query time by joining articles.
CREATE VIRTUAL TABLE `search_index` USING fts5(headline, kicker, lead, body, tags, author, tokenize = 'unicode61');
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_toned` USING fts5(text, tokenize = 'unicode61 remove_diacritics 0');
