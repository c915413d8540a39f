-- Stories for the carousel. The staff approval state and the `verified` mark are added here only
-- when the feedback migration (030) has not already added them, with the same definitions, so
-- either branch arriving first gives one schema. Photo (responsive widths, alt text) and video
-- facade live in `data`; rating stays in `data` too (the feedback flow inserts rows without a
-- rating column). The partial index serves the default ordering: the patient's language first,
-- newest first, among the stories that may be shown.

ALTER TABLE stories ADD COLUMN IF NOT EXISTS status text NOT NULL DEFAULT 'approved' CHECK (status IN ('pending', 'approved', 'rejected'));
ALTER TABLE stories ADD COLUMN IF NOT EXISTS verified boolean NOT NULL DEFAULT false;
CREATE INDEX IF NOT EXISTS stories_served ON stories (clinic_id, language, date DESC, id DESC) WHERE consented AND published AND status = 'approved';
