ALTER TABLE `leads` ADD `consent_version` text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE `leads` ADD `consent_origin` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `client_network` text;