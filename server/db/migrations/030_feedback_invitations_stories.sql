-- Feedback: stage, invitations (one answer each), improvements linked to several aspects,
-- and stories that wait for staff approval before GET /stories serves them.

ALTER TABLE feedback ADD COLUMN stage text CHECK (stage IN ('pre-travel', 'in-clinic', 'post-return'));

CREATE TABLE feedback_invitations (
  id           uuid PRIMARY KEY,
  clinic_id    text NOT NULL REFERENCES clinics(id),
  token_hash   text NOT NULL UNIQUE,          -- SHA-256 hex of the token; the token itself is never stored
  stage        text NOT NULL CHECK (stage IN ('pre-travel', 'in-clinic', 'post-return')),
  procedure_id text,
  reference    text,
  created_at   timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL,
  -- The one answer it accepts: set in the same transaction as the feedback row.
  feedback_id  uuid UNIQUE REFERENCES feedback(id)
);

-- Stories: seeded ones are approved; those from feedback start pending.
ALTER TABLE stories ADD COLUMN status text NOT NULL DEFAULT 'approved' CHECK (status IN ('pending', 'approved', 'rejected'));
ALTER TABLE stories ADD COLUMN verified boolean NOT NULL DEFAULT false;
ALTER TABLE stories ADD COLUMN feedback_id uuid REFERENCES feedback(id);
ALTER TABLE stories ADD COLUMN consent_version text;
CREATE INDEX stories_status ON stories (clinic_id, status);

-- Improvements: `aspect` (one) becomes `aspects` (several).
UPDATE improvements SET data = (data - 'aspect') || jsonb_build_object('aspects', CASE WHEN data ? 'aspect' THEN jsonb_build_array(data->'aspect') ELSE '[]'::jsonb END);
