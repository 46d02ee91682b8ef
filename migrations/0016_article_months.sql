CREATE TABLE `article_months` (
	`month` text PRIMARY KEY NOT NULL,
	`lastmod` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `article_tags` ADD `published_at` integer;--> statement-breakpoint
ALTER TABLE `article_tags` ADD `changed_at` integer;--> statement-breakpoint
CREATE INDEX `article_tags_tag_published_idx` ON `article_tags` (`tag_id`,`published_at`);--> statement-breakpoint
CREATE INDEX `article_tags_tag_changed_idx` ON `article_tags` (`tag_id`,`changed_at`);--> statement-breakpoint
CREATE INDEX `articles_section_updated_idx` ON `articles` (`section_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `articles_author_updated_idx` ON `articles` (`author_id`,`updated_at`);
--> statement-breakpoint
-- Below: written by hand (drizzle-kit does not generate triggers or backfills).
-- article_tags.published_at and changed_at are copies of the article's published
-- time and last change, max(updated_at, published_at), kept by the two triggers
-- that follow whoever writes (the newsroom, the scheduler, the importer, a
-- console): a tag's newest or last changed articles are an index walk.
UPDATE `article_tags` SET
  `published_at` = (SELECT `published_at` FROM `articles` WHERE `articles`.`id` = `article_tags`.`article_id`),
  `changed_at` = (SELECT max(`updated_at`, `published_at`) FROM `articles` WHERE `articles`.`id` = `article_tags`.`article_id`);
--> statement-breakpoint
CREATE TRIGGER `article_tags_dates_on_insert` AFTER INSERT ON `article_tags` BEGIN
  UPDATE `article_tags` SET
    `published_at` = (SELECT `published_at` FROM `articles` WHERE `id` = NEW.article_id),
    `changed_at` = (SELECT max(`updated_at`, `published_at`) FROM `articles` WHERE `id` = NEW.article_id)
   WHERE `article_id` = NEW.article_id AND `tag_id` = NEW.tag_id;
END;
--> statement-breakpoint
CREATE TRIGGER `articles_dates_to_new_tags` AFTER INSERT ON `articles` BEGIN
  -- Tag rows written before their article (a restore loads tables by name) get its dates now.
  UPDATE `article_tags` SET `published_at` = NEW.published_at, `changed_at` = max(NEW.updated_at, NEW.published_at)
   WHERE `article_id` = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `articles_dates_to_tags` AFTER UPDATE OF `published_at`, `updated_at` ON `articles`
  WHEN NEW.published_at IS NOT OLD.published_at OR NEW.updated_at IS NOT OLD.updated_at BEGIN
  UPDATE `article_tags` SET `published_at` = NEW.published_at, `changed_at` = max(NEW.updated_at, NEW.published_at)
   WHERE `article_id` = NEW.id;
END;
--> statement-breakpoint
-- article_months: per month (Vietnam time, UTC+7) of published articles, the
-- newest change max(updated_at, published_at) among them, for the sitemap
-- index. Raised on every insert or update of a published article; recomputed
-- from the month's articles (an index range) when one leaves the month, stops
-- being published, is deleted, or its change time goes back.
INSERT INTO `article_months` (`month`, `lastmod`)
  SELECT strftime('%Y-%m', `published_at` / 1000 + 25200, 'unixepoch'), max(max(`updated_at`, `published_at`))
    FROM `articles` WHERE `status` = 'published' AND `published_at` IS NOT NULL GROUP BY 1;
--> statement-breakpoint
CREATE TRIGGER `article_months_on_insert` AFTER INSERT ON `articles`
  WHEN NEW.status = 'published' AND NEW.published_at IS NOT NULL BEGIN
  INSERT INTO `article_months` (`month`, `lastmod`)
    VALUES (strftime('%Y-%m', NEW.published_at / 1000 + 25200, 'unixepoch'), max(NEW.updated_at, NEW.published_at))
    ON CONFLICT (`month`) DO UPDATE SET `lastmod` = max(`lastmod`, excluded.`lastmod`);
END;
--> statement-breakpoint
CREATE TRIGGER `article_months_on_update` AFTER UPDATE OF `status`, `published_at`, `updated_at` ON `articles`
  WHEN NEW.status = 'published' AND NEW.published_at IS NOT NULL BEGIN
  INSERT INTO `article_months` (`month`, `lastmod`)
    VALUES (strftime('%Y-%m', NEW.published_at / 1000 + 25200, 'unixepoch'), max(NEW.updated_at, NEW.published_at))
    ON CONFLICT (`month`) DO UPDATE SET `lastmod` = max(`lastmod`, excluded.`lastmod`);
END;
--> statement-breakpoint
CREATE TRIGGER `article_months_on_leave` AFTER UPDATE OF `status`, `published_at`, `updated_at` ON `articles`
  WHEN OLD.status = 'published' AND OLD.published_at IS NOT NULL AND (
    NEW.status IS NOT 'published' OR NEW.published_at IS NULL
    OR strftime('%Y-%m', NEW.published_at / 1000 + 25200, 'unixepoch') IS NOT strftime('%Y-%m', OLD.published_at / 1000 + 25200, 'unixepoch')
    OR max(NEW.updated_at, NEW.published_at) < max(OLD.updated_at, OLD.published_at)) BEGIN
  DELETE FROM `article_months` WHERE `month` = strftime('%Y-%m', OLD.published_at / 1000 + 25200, 'unixepoch');
  INSERT INTO `article_months` (`month`, `lastmod`)
    SELECT strftime('%Y-%m', OLD.published_at / 1000 + 25200, 'unixepoch'), `lastmod` FROM (
      SELECT max(max(`updated_at`, `published_at`)) AS `lastmod` FROM `articles`
       WHERE `status` = 'published' AND `published_at` >= (CAST(strftime('%s', OLD.published_at / 1000 + 25200, 'unixepoch', 'start of month') AS INTEGER) - 25200) * 1000
         AND `published_at` < (CAST(strftime('%s', OLD.published_at / 1000 + 25200, 'unixepoch', 'start of month', '+1 month') AS INTEGER) - 25200) * 1000)
     WHERE `lastmod` IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `article_months_on_delete` AFTER DELETE ON `articles`
  WHEN OLD.status = 'published' AND OLD.published_at IS NOT NULL BEGIN
  DELETE FROM `article_months` WHERE `month` = strftime('%Y-%m', OLD.published_at / 1000 + 25200, 'unixepoch');
  INSERT INTO `article_months` (`month`, `lastmod`)
    SELECT strftime('%Y-%m', OLD.published_at / 1000 + 25200, 'unixepoch'), `lastmod` FROM (
      SELECT max(max(`updated_at`, `published_at`)) AS `lastmod` FROM `articles`
       WHERE `status` = 'published' AND `published_at` >= (CAST(strftime('%s', OLD.published_at / 1000 + 25200, 'unixepoch', 'start of month') AS INTEGER) - 25200) * 1000
         AND `published_at` < (CAST(strftime('%s', OLD.published_at / 1000 + 25200, 'unixepoch', 'start of month', '+1 month') AS INTEGER) - 25200) * 1000)
     WHERE `lastmod` IS NOT NULL;
END;
