CREATE TABLE `answers` (
	`response_id` integer NOT NULL,
	`question_id` text NOT NULL,
	`value` text NOT NULL,
	`answered_at` integer NOT NULL,
	PRIMARY KEY(`response_id`, `question_id`),
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `conversation_states` (
	`key` text PRIMARY KEY NOT NULL,
	`state` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `experts` (
	`pseudonym` text PRIMARY KEY NOT NULL,
	`telegram_id` integer NOT NULL,
	`username` text,
	`first_name` text,
	`last_name` text,
	`language` text,
	`reminders_enabled` integer DEFAULT true NOT NULL,
	`invite_to_next_wave` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `experts_telegram_id_unique` ON `experts` (`telegram_id`);--> statement-breakpoint
CREATE TABLE `participants` (
	`pseudonym` text PRIMARY KEY NOT NULL,
	`language` text,
	`stage` text DEFAULT 'language' NOT NULL,
	`questionnaire` text,
	`anonymous` integer,
	`consented_at` integer,
	`screen_message_id` integer,
	`screen_revision` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `responses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`wave_id` integer NOT NULL,
	`questionnaire` text NOT NULL,
	`respondent_key` text NOT NULL,
	`anonymous` integer NOT NULL,
	`source` text NOT NULL,
	`current_question` text,
	`reviewing` integer DEFAULT false NOT NULL,
	`pending` text,
	`receipt` text,
	`submitted_at` integer,
	`updated_at` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`wave_id`) REFERENCES `waves`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `responses_wave_respondent` ON `responses` (`wave_id`,`respondent_key`);--> statement-breakpoint
CREATE INDEX `responses_wave_submitted` ON `responses` (`wave_id`,`submitted_at`);--> statement-breakpoint
CREATE TABLE `waves` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`questionnaire` text NOT NULL,
	`number` integer NOT NULL,
	`opened_at` integer NOT NULL,
	`closed_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `waves_questionnaire_number` ON `waves` (`questionnaire`,`number`);