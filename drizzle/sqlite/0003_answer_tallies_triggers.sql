-- Keeps answer_tallies equal to the submitted answers grouped by wave, question and value, whatever writes
-- them: the bot, an import, a deletion. A deleted response first deletes its answers, so that their own
-- trigger subtracts them while the response still says it was submitted.
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
--> statement-breakpoint
INSERT INTO `answer_tallies` (`wave_id`, `question_id`, `value`, `count`)
  SELECT r.`wave_id`, a.`question_id`, a.`value`, count(*)
  FROM `answers` a JOIN `responses` r ON r.`id` = a.`response_id`
  WHERE r.`submitted_at` IS NOT NULL
  GROUP BY r.`wave_id`, a.`question_id`, a.`value`;
