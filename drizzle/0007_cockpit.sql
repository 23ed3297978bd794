CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`target` text DEFAULT '' NOT NULL,
	`detail` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `funnel_counts` (
	`site` text NOT NULL,
	`day` text NOT NULL,
	`language` text NOT NULL,
	`event` text NOT NULL,
	`step` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`site`, `day`, `language`, `event`, `step`)
);
--> statement-breakpoint
CREATE TABLE `lead_rollup` (
	`site` text NOT NULL,
	`week` text NOT NULL,
	`status` text NOT NULL,
	`tier` text NOT NULL,
	`stage` text NOT NULL,
	`no_decision_risk` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`site`, `week`, `status`, `tier`, `stage`, `no_decision_risk`)
);
--> statement-breakpoint
CREATE TABLE `rep_accept_minutes` (
	`rep_id` text NOT NULL,
	`day` text NOT NULL,
	`minutes` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`rep_id`, `day`, `minutes`)
);
--> statement-breakpoint
CREATE TABLE `rep_daily` (
	`rep_id` text NOT NULL,
	`day` text NOT NULL,
	`assigned` integer DEFAULT 0 NOT NULL,
	`accepted` integer DEFAULT 0 NOT NULL,
	`missed` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`rep_id`, `day`)
);
--> statement-breakpoint
CREATE TABLE `rep_overrides` (
	`rep_id` text PRIMARY KEY NOT NULL,
	`active` integer,
	`away_from` text,
	`away_to` text,
	`updated_at` integer NOT NULL,
	`updated_by` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`csrf_token` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sign_in_links` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer
);
--> statement-breakpoint
CREATE INDEX `leads_team_status` ON `leads` (`team_id`,`status`);--> statement-breakpoint
CREATE INDEX `leads_status_created` ON `leads` (`status`,`created_at`);--> statement-breakpoint
-- Rollups for the cockpit, kept by triggers in the writer's own transaction (schema.ts: lead_rollup, rep_daily, rep_accept_minutes).
-- A lead's week is the Monday (UTC) of its arrival.
CREATE TRIGGER `lead_rollup_insert` AFTER INSERT ON `leads` BEGIN
  INSERT INTO `lead_rollup` (`site`, `week`, `status`, `tier`, `stage`, `no_decision_risk`, `count`)
  VALUES (NEW.`site`, date(NEW.`created_at` / 1000, 'unixepoch', 'weekday 0', '-6 days'), NEW.`status`, NEW.`tier`, NEW.`stage`, NEW.`no_decision_risk`, 1)
  ON CONFLICT (`site`, `week`, `status`, `tier`, `stage`, `no_decision_risk`) DO UPDATE SET `count` = `count` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `lead_rollup_delete` AFTER DELETE ON `leads` BEGIN
  UPDATE `lead_rollup` SET `count` = `count` - 1
  WHERE `site` = OLD.`site` AND `week` = date(OLD.`created_at` / 1000, 'unixepoch', 'weekday 0', '-6 days') AND `status` = OLD.`status`
    AND `tier` = OLD.`tier` AND `stage` = OLD.`stage` AND `no_decision_risk` = OLD.`no_decision_risk`;
END;--> statement-breakpoint
CREATE TRIGGER `lead_rollup_update` AFTER UPDATE OF `status`, `tier`, `stage`, `no_decision_risk` ON `leads`
WHEN OLD.`status` IS NOT NEW.`status` OR OLD.`tier` IS NOT NEW.`tier` OR OLD.`stage` IS NOT NEW.`stage` OR OLD.`no_decision_risk` IS NOT NEW.`no_decision_risk`
BEGIN
  UPDATE `lead_rollup` SET `count` = `count` - 1
  WHERE `site` = OLD.`site` AND `week` = date(OLD.`created_at` / 1000, 'unixepoch', 'weekday 0', '-6 days') AND `status` = OLD.`status`
    AND `tier` = OLD.`tier` AND `stage` = OLD.`stage` AND `no_decision_risk` = OLD.`no_decision_risk`;
  INSERT INTO `lead_rollup` (`site`, `week`, `status`, `tier`, `stage`, `no_decision_risk`, `count`)
  VALUES (NEW.`site`, date(NEW.`created_at` / 1000, 'unixepoch', 'weekday 0', '-6 days'), NEW.`status`, NEW.`tier`, NEW.`stage`, NEW.`no_decision_risk`, 1)
  ON CONFLICT (`site`, `week`, `status`, `tier`, `stage`, `no_decision_risk`) DO UPDATE SET `count` = `count` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `rep_daily_events` AFTER INSERT ON `lead_events`
WHEN NEW.`rep_id` IS NOT NULL AND NEW.`type` IN ('assigned', 'accepted', 'sla-expired')
BEGIN
  INSERT INTO `rep_daily` (`rep_id`, `day`, `assigned`, `accepted`, `missed`)
  VALUES (NEW.`rep_id`, date(NEW.`at` / 1000, 'unixepoch'), NEW.`type` = 'assigned', NEW.`type` = 'accepted', NEW.`type` = 'sla-expired')
  ON CONFLICT (`rep_id`, `day`) DO UPDATE SET `assigned` = `assigned` + excluded.`assigned`, `accepted` = `accepted` + excluded.`accepted`, `missed` = `missed` + excluded.`missed`;
END;--> statement-breakpoint
CREATE TRIGGER `rep_accept_minutes_events` AFTER INSERT ON `lead_events`
WHEN NEW.`rep_id` IS NOT NULL AND NEW.`type` = 'accepted'
BEGIN
  INSERT INTO `rep_accept_minutes` (`rep_id`, `day`, `minutes`, `count`)
  SELECT NEW.`rep_id`, date(NEW.`at` / 1000, 'unixepoch'), (NEW.`at` - a.`at`) / 60000, 1 FROM `lead_events` a
  WHERE a.`lead_id` = NEW.`lead_id` AND a.`type` = 'assigned' AND a.`rep_id` = NEW.`rep_id` AND a.`id` < NEW.`id`
  ORDER BY a.`id` DESC LIMIT 1
  ON CONFLICT (`rep_id`, `day`, `minutes`) DO UPDATE SET `count` = `count` + 1;
END;--> statement-breakpoint
INSERT INTO `lead_rollup` (`site`, `week`, `status`, `tier`, `stage`, `no_decision_risk`, `count`)
  SELECT `site`, date(`created_at` / 1000, 'unixepoch', 'weekday 0', '-6 days'), `status`, `tier`, `stage`, `no_decision_risk`, count(*)
  FROM `leads` WHERE true GROUP BY 1, 2, 3, 4, 5, 6;--> statement-breakpoint
INSERT INTO `rep_daily` (`rep_id`, `day`, `assigned`, `accepted`, `missed`)
  SELECT `rep_id`, date(`at` / 1000, 'unixepoch'), sum(`type` = 'assigned'), sum(`type` = 'accepted'), sum(`type` = 'sla-expired')
  FROM `lead_events` WHERE `rep_id` IS NOT NULL AND `type` IN ('assigned', 'accepted', 'sla-expired') GROUP BY 1, 2;--> statement-breakpoint
INSERT INTO `rep_accept_minutes` (`rep_id`, `day`, `minutes`, `count`)
  SELECT e.`rep_id`, date(e.`at` / 1000, 'unixepoch'),
    (e.`at` - (SELECT a.`at` FROM `lead_events` a WHERE a.`lead_id` = e.`lead_id` AND a.`type` = 'assigned' AND a.`rep_id` = e.`rep_id` AND a.`id` < e.`id` ORDER BY a.`id` DESC LIMIT 1)) / 60000 AS m,
    count(*)
  FROM `lead_events` e WHERE e.`type` = 'accepted' AND e.`rep_id` IS NOT NULL AND m IS NOT NULL GROUP BY 1, 2, 3;
