-- When each API token was last used (to the minute), shown to the admin beside it.
ALTER TABLE api_tokens ADD COLUMN last_used_at TEXT;
