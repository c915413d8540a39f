-- Chat: read markers on both sides (unread counts), "handled" for the staff inbox, attachments.
ALTER TABLE conversations ADD COLUMN visitor_read_id bigint NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN staff_read_id bigint NOT NULL DEFAULT 0;
-- Set by staff; cleared by the next visitor message (so a new question is never hidden as handled).
ALTER TABLE conversations ADD COLUMN handled_at timestamptz;

-- A photo or PDF a patient attached after consenting to share health records. Stored in the
-- database (both drivers, nothing on a local disk another instance cannot see); served only with
-- the conversation's visitor token or a staff token of the clinic.
CREATE TABLE chat_attachments (
  id              uuid PRIMARY KEY,
  clinic_id       text NOT NULL REFERENCES clinics(id),
  conversation_id uuid NOT NULL REFERENCES conversations(id),
  name            text NOT NULL,
  media_type      text NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf')),
  size            int NOT NULL CHECK (size > 0 AND size <= 10485760),
  sha256          text NOT NULL,
  consent_version text NOT NULL,
  data            bytea NOT NULL,
  created_at      timestamptz NOT NULL
);
CREATE INDEX chat_attachments_conv ON chat_attachments (conversation_id);

-- The message that carries an attachment: {id, name, mediaType, size}.
ALTER TABLE chat_messages ADD COLUMN attachment jsonb;
