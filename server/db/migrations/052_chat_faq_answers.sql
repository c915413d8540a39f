-- The FAQ assistant's answer to a patient message, stored with it: the patient sees it again on the
-- next page of the site and staff see what the patient was told. faq_asked false: not asked (a
-- coordinator had joined, or the patient asked for a person); true with faq NULL: no answer.
ALTER TABLE chat_messages ADD COLUMN faq jsonb;
ALTER TABLE chat_messages ADD COLUMN faq_asked boolean NOT NULL DEFAULT false;
