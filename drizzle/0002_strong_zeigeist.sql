CREATE TABLE `prospect_mail_counts` (
	`key` text NOT NULL,
	`day` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`key`, `day`)
);
--> statement-breakpoint
CREATE TABLE `used_form_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `leads` ADD `submission_hash` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `api_key_id` text;