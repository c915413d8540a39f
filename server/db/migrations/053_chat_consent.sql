-- The patient's consent before the first chat message, as quotes, bookings and attachments record
-- theirs: the version of the clinic's consent text they agreed to, and when. Conversations opened
-- before this migration have none (NULL); every new one has both (the API refuses one without).
ALTER TABLE conversations ADD COLUMN consent_version text;
ALTER TABLE conversations ADD COLUMN consented_at timestamptz;
