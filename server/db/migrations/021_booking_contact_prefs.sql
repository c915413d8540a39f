-- What the booking form asks beside the contact: the patient's country and how they want to be
-- reached (WhatsApp, email, phone). Optional: bookings made before this have neither.
ALTER TABLE bookings ADD COLUMN country text;
ALTER TABLE bookings ADD COLUMN preferred_channel text;
