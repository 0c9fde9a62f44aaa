CREATE TABLE `answer_tallies` (
	`wave_id` integer NOT NULL,
	`question_id` text NOT NULL,
	`value` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`wave_id`, `question_id`, `value`),
	FOREIGN KEY (`wave_id`) REFERENCES `waves`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `handled_updates` (
	`update_id` integer PRIMARY KEY NOT NULL,
	`handled_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `handled_updates_handled_at` ON `handled_updates` (`handled_at`);