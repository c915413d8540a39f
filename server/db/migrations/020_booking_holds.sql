-- Slot holds: while a patient fills in the details form, the slot they picked is held for a few
-- minutes and shown as taken to everyone else. One live hold per doctor and start (the unique
-- index decides races between two patients picking the same slot); an expired hold is deleted
-- before a new one is taken. The booking constraint bookings_one_per_slot stays the final guarantee.
CREATE TABLE booking_holds (
  id          uuid PRIMARY KEY,
  clinic_id   text NOT NULL REFERENCES clinics(id),
  -- Random id of the patient's browser session (tab); never personal data.
  session     text NOT NULL,
  service_id  text NOT NULL,
  doctor_id   text NOT NULL,
  starts_at   timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  created_at  timestamptz NOT NULL,
  FOREIGN KEY (clinic_id, doctor_id) REFERENCES doctors(clinic_id, id),
  FOREIGN KEY (clinic_id, service_id) REFERENCES booking_services(clinic_id, id)
);
CREATE UNIQUE INDEX booking_holds_one_per_slot ON booking_holds (clinic_id, doctor_id, starts_at);
CREATE INDEX booking_holds_session ON booking_holds (clinic_id, session);
CREATE INDEX booking_holds_expiry ON booking_holds (clinic_id, expires_at);

-- iCalendar SEQUENCE: bumped on every reschedule and on cancel, so calendars replace the event.
ALTER TABLE bookings ADD COLUMN sequence int NOT NULL DEFAULT 0;
