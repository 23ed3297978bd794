-- No query used this index while leads_status_created exists (bench/cockpit-plans.ts); it cost every new lead an index entry.
DROP INDEX `leads_team_status`;