CREATE TABLE `dev_mail` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`from` text NOT NULL,
	`to` text NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`html` text,
	`raw` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `lead_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lead_id` text NOT NULL,
	`at` integer NOT NULL,
	`type` text NOT NULL,
	`rep_id` text,
	`team_id` text,
	`detail` text NOT NULL,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `lead_events_lead` ON `lead_events` (`lead_id`,`at`);--> statement-breakpoint
CREATE TABLE `leads` (
	`id` text PRIMARY KEY NOT NULL,
	`site` text NOT NULL,
	`submission_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`language` text NOT NULL,
	`status` text NOT NULL,
	`process_accepted` integer NOT NULL,
	`deviation` text,
	`stage` text NOT NULL,
	`budget` text NOT NULL,
	`decision_process` text NOT NULL,
	`timeline` text NOT NULL,
	`cost_of_inaction` text,
	`stakeholder_roles` text NOT NULL,
	`final_say` text NOT NULL,
	`org_interest` text,
	`personal_interest` text,
	`contact_name` text NOT NULL,
	`contact_email` text NOT NULL,
	`email_domain` text NOT NULL,
	`company` text NOT NULL,
	`phone` text,
	`country` text,
	`company_size` text,
	`message` text,
	`consent_at` integer NOT NULL,
	`page_url` text,
	`referrer` text,
	`utm` text,
	`score` integer NOT NULL,
	`tier` text NOT NULL,
	`explanation` text NOT NULL,
	`no_decision_risk` integer NOT NULL,
	`rep_id` text,
	`team_id` text,
	`routing_reason` text NOT NULL,
	`response` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `leads_site_submission` ON `leads` (`site`,`submission_id`);--> statement-breakpoint
CREATE INDEX `leads_email_domain` ON `leads` (`email_domain`,`status`);--> statement-breakpoint
CREATE INDEX `leads_rep_status` ON `leads` (`rep_id`,`status`);--> statement-breakpoint
CREATE INDEX `leads_created` ON `leads` (`created_at`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lead_id` text,
	`kind` text NOT NULL,
	`payload` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`run_at` integer NOT NULL,
	`locked_until` integer,
	`last_error` text,
	`created_at` integer NOT NULL,
	`done_at` integer,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`status`,`run_at`);--> statement-breakpoint
CREATE TABLE `routing_state` (
	`team_id` text NOT NULL,
	`rep_id` text NOT NULL,
	`current` integer NOT NULL,
	PRIMARY KEY(`team_id`, `rep_id`)
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer DEFAULT (unixepoch() * 1000) NOT NULL
);
