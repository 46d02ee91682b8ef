-- FTS5's own rank uses these bm25 weights (headline, kicker, lead, body, tags,
-- author), so "order by rank ... limit" runs inside the index instead of
-- scoring every match after a join.
INSERT INTO search_index(search_index, rank) VALUES('rank', 'bm25(10.0, 6.0, 3.0, 1.0, 4.0, 2.0)');
