-- Anonymous responses become unlinkable: no order, time or key leads from an account to them.
-- Tables whose rows a Submit writes are WITHOUT ROWID, so their order is the order of their keys, never of
-- their writes; submitted anonymous responses get random ids and day-rounded times; chat positions keep the
-- day only, handled updates the hour. Their keys are replaced at the next start (it needs the pseudonym key).
CREATE TABLE `settings` (
	`name` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `submissions` (
	`marker` text PRIMARY KEY NOT NULL
) WITHOUT ROWID;
--> statement-breakpoint
ALTER TABLE `responses` ADD `receipt_hash` text;--> statement-breakpoint
CREATE UNIQUE INDEX `responses_receipt_hash` ON `responses` (`receipt_hash`);--> statement-breakpoint
ALTER TABLE `responses` DROP COLUMN `receipt`;--> statement-breakpoint
DROP TRIGGER `answer_tallies_on_submit`;--> statement-breakpoint
DROP TRIGGER `answer_tallies_on_unsubmit`;--> statement-breakpoint
DROP TRIGGER `answer_tallies_on_response_delete`;--> statement-breakpoint
DROP TRIGGER `answer_tallies_on_answer_insert`;--> statement-breakpoint
DROP TRIGGER `answer_tallies_on_answer_delete`;--> statement-breakpoint
DROP TRIGGER `answer_tallies_on_answer_update`;--> statement-breakpoint
CREATE TEMP TABLE `sealed_ids` AS
  SELECT `id` AS `old_id`, abs(random()) % 281474976710655 + 1 AS `new_id`
  FROM `responses` WHERE `anonymous` = 1 AND `submitted_at` IS NOT NULL;
--> statement-breakpoint
CREATE TABLE `answers_unordered` (
	`response_id` integer NOT NULL,
	`question_id` text NOT NULL,
	`value` text NOT NULL,
	`answered_at` integer NOT NULL,
	PRIMARY KEY(`response_id`, `question_id`),
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `answers_unordered` (`response_id`, `question_id`, `value`, `answered_at`)
  SELECT coalesce(s.`new_id`, a.`response_id`), a.`question_id`, a.`value`,
    CASE WHEN s.`new_id` IS NULL THEN a.`answered_at` ELSE a.`answered_at` / 86400000 * 86400000 END
  FROM `answers` a LEFT JOIN `sealed_ids` s ON s.`old_id` = a.`response_id`;
--> statement-breakpoint
DROP TABLE `answers`;--> statement-breakpoint
ALTER TABLE `answers_unordered` RENAME TO `answers`;--> statement-breakpoint
UPDATE `responses` SET
    `id` = (SELECT `new_id` FROM `sealed_ids` WHERE `old_id` = `responses`.`id`),
    `created_at` = `created_at` / 86400000 * 86400000,
    `updated_at` = `updated_at` / 86400000 * 86400000,
    `submitted_at` = `submitted_at` / 86400000 * 86400000,
    `reminded_at` = NULL
  WHERE `id` IN (SELECT `old_id` FROM `sealed_ids`);
--> statement-breakpoint
DROP TABLE `sealed_ids`;--> statement-breakpoint
CREATE TABLE `answer_tallies_unordered` (
	`wave_id` integer NOT NULL,
	`question_id` text NOT NULL,
	`value` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`wave_id`, `question_id`, `value`),
	FOREIGN KEY (`wave_id`) REFERENCES `waves`(`id`) ON UPDATE no action ON DELETE no action
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `answer_tallies_unordered` SELECT `wave_id`, `question_id`, `value`, `count` FROM `answer_tallies`;
--> statement-breakpoint
DROP TABLE `answer_tallies`;--> statement-breakpoint
ALTER TABLE `answer_tallies_unordered` RENAME TO `answer_tallies`;--> statement-breakpoint
UPDATE `participants` SET `updated_at` = `updated_at` / 86400000 * 86400000,
  `consented_at` = `consented_at` / 86400000 * 86400000;
--> statement-breakpoint
UPDATE `handled_updates` SET `handled_at` = `handled_at` / 3600000 * 3600000;
--> statement-breakpoint
CREATE TRIGGER `answer_tallies_on_submit` AFTER UPDATE OF `submitted_at` ON `responses`
WHEN old.`submitted_at` IS NULL AND new.`submitted_at` IS NOT NULL
BEGIN
  INSERT OR IGNORE INTO `answer_tallies` (`wave_id`, `question_id`, `value`, `count`)
    SELECT new.`wave_id`, `question_id`, `value`, 0 FROM `answers` WHERE `response_id` = new.`id`;
  UPDATE `answer_tallies` SET `count` = `count` + 1
    WHERE `wave_id` = new.`wave_id`
      AND (`question_id`, `value`) IN (SELECT `question_id`, `value` FROM `answers` WHERE `response_id` = new.`id`);
END;
--> statement-breakpoint
CREATE TRIGGER `answer_tallies_on_unsubmit` AFTER UPDATE OF `submitted_at` ON `responses`
WHEN old.`submitted_at` IS NOT NULL AND new.`submitted_at` IS NULL
BEGIN
  UPDATE `answer_tallies` SET `count` = `count` - 1
    WHERE `wave_id` = new.`wave_id`
      AND (`question_id`, `value`) IN (SELECT `question_id`, `value` FROM `answers` WHERE `response_id` = new.`id`);
  DELETE FROM `answer_tallies` WHERE `wave_id` = new.`wave_id` AND `count` = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `answer_tallies_on_response_delete` BEFORE DELETE ON `responses`
BEGIN
  DELETE FROM `answers` WHERE `response_id` = old.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `answer_tallies_on_answer_insert` AFTER INSERT ON `answers`
WHEN (SELECT `submitted_at` FROM `responses` WHERE `id` = new.`response_id`) IS NOT NULL
BEGIN
  INSERT OR IGNORE INTO `answer_tallies` (`wave_id`, `question_id`, `value`, `count`)
    VALUES ((SELECT `wave_id` FROM `responses` WHERE `id` = new.`response_id`), new.`question_id`, new.`value`, 0);
  UPDATE `answer_tallies` SET `count` = `count` + 1
    WHERE `wave_id` = (SELECT `wave_id` FROM `responses` WHERE `id` = new.`response_id`)
      AND `question_id` = new.`question_id` AND `value` = new.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `answer_tallies_on_answer_delete` AFTER DELETE ON `answers`
WHEN (SELECT `submitted_at` FROM `responses` WHERE `id` = old.`response_id`) IS NOT NULL
BEGIN
  UPDATE `answer_tallies` SET `count` = `count` - 1
    WHERE `wave_id` = (SELECT `wave_id` FROM `responses` WHERE `id` = old.`response_id`)
      AND `question_id` = old.`question_id` AND `value` = old.`value`;
  DELETE FROM `answer_tallies` WHERE `count` = 0
    AND `wave_id` = (SELECT `wave_id` FROM `responses` WHERE `id` = old.`response_id`)
    AND `question_id` = old.`question_id` AND `value` = old.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `answer_tallies_on_answer_update` AFTER UPDATE OF `value` ON `answers`
WHEN old.`value` IS NOT new.`value`
  AND (SELECT `submitted_at` FROM `responses` WHERE `id` = new.`response_id`) IS NOT NULL
BEGIN
  UPDATE `answer_tallies` SET `count` = `count` - 1
    WHERE `wave_id` = (SELECT `wave_id` FROM `responses` WHERE `id` = old.`response_id`)
      AND `question_id` = old.`question_id` AND `value` = old.`value`;
  DELETE FROM `answer_tallies` WHERE `count` = 0
    AND `wave_id` = (SELECT `wave_id` FROM `responses` WHERE `id` = old.`response_id`)
    AND `question_id` = old.`question_id` AND `value` = old.`value`;
  INSERT OR IGNORE INTO `answer_tallies` (`wave_id`, `question_id`, `value`, `count`)
    VALUES ((SELECT `wave_id` FROM `responses` WHERE `id` = new.`response_id`), new.`question_id`, new.`value`, 0);
  UPDATE `answer_tallies` SET `count` = `count` + 1
    WHERE `wave_id` = (SELECT `wave_id` FROM `responses` WHERE `id` = new.`response_id`)
      AND `question_id` = new.`question_id` AND `value` = new.`value`;
END;
