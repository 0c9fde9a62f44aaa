CREATE TABLE `forms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`form_id` text NOT NULL,
	`version` text NOT NULL,
	`sheets` text NOT NULL,
	`installed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `forms_form_version` ON `forms` (`form_id`,`version`);--> statement-breakpoint
CREATE TABLE `pending_forms` (
	`token` text PRIMARY KEY NOT NULL,
	`sheets` text NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `pending_forms_expires_at` ON `pending_forms` (`expires_at`);--> statement-breakpoint
ALTER TABLE `responses` ADD `form_version` text;--> statement-breakpoint
ALTER TABLE `waves` ADD `form_version` text;