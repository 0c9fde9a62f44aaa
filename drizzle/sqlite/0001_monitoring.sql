CREATE TABLE `invitations` (
	`wave_id` integer NOT NULL,
	`expert` text NOT NULL,
	`status` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`wave_id`, `expert`),
	FOREIGN KEY (`wave_id`) REFERENCES `waves`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`expert`) REFERENCES `experts`(`pseudonym`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `quotas` (
	`questionnaire` text NOT NULL,
	`category` text NOT NULL,
	`target` integer NOT NULL,
	`mode` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`questionnaire`, `category`)
);
--> statement-breakpoint
ALTER TABLE `responses` ADD `reminded_at` integer;