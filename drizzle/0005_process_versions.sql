CREATE TABLE `process_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`site` text NOT NULL,
	`language` text NOT NULL,
	`content` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `leads` ADD `process_version` text;