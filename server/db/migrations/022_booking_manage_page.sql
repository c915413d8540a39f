-- The page a booking was made on (the widget sends it; kept only when it is of the request's own
-- origin): the calendar file links to it with the booking's id and manage token, the same manage
-- link the confirmation offers. Bookings made before this, or from no page, have none.
ALTER TABLE bookings ADD COLUMN manage_page text;
