DROP INDEX `outbox_due`;--> statement-breakpoint
ALTER TABLE `outbox` ADD `to_prospect` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`status`,`to_prospect`,`run_at`);--> statement-breakpoint
UPDATE `outbox` SET `to_prospect` = 1 WHERE `status` = 'pending' AND json_valid(`payload`) AND ((`kind` = 'lead-mail' AND json_extract(`payload`, '$.mail') = 'prospect') OR (`kind` = 'mail' AND json_extract(`payload`, '$.purpose') LIKE 'prospect-%'));
