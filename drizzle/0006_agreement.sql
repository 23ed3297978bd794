CREATE TABLE `agreement_turns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lead_id` text NOT NULL,
	`at` integer NOT NULL,
	`by` text NOT NULL,
	`kind` text NOT NULL,
	`rep_id` text,
	`changes` text NOT NULL,
	`text` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `agreement_turns_lead` ON `agreement_turns` (`lead_id`,`id`);--> statement-breakpoint
CREATE TABLE `applied_requests` (
	`key` text PRIMARY KEY NOT NULL,
	`lead_id` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `leads` ADD `proposal` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `agreement_state` text DEFAULT 'standard' NOT NULL;--> statement-breakpoint
ALTER TABLE `leads` ADD `prospect_link_epoch` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Leads that proposed another approach before issue 10 (one free text): an open proposal, its text as the reason.
UPDATE `leads` SET `agreement_state` = 'proposed' WHERE `process_accepted` = 0 AND `status` != 'spam';--> statement-breakpoint
INSERT INTO `agreement_turns` (`lead_id`, `at`, `by`, `kind`, `rep_id`, `changes`, `text`)
  SELECT `id`, `created_at`, 'prospect', 'proposal', NULL, '{"steps":[],"added":[]}', coalesce(`deviation`, '') FROM `leads` WHERE `process_accepted` = 0 AND `status` != 'spam' ORDER BY `created_at`;
