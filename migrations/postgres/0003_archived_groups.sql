-- Indicator groups can be archived like terms and indicators: an archived group is
-- no longer offered for new or edited indicators; indicators already in it keep it.
ALTER TABLE indicator_groups ADD COLUMN archived BIGINT NOT NULL DEFAULT 0;
