-- prm-widgets reference server: initial schema. Runs unchanged on PGlite and PostgreSQL (>= 13).
-- Every tenant-owned row carries clinic_id and every query filters on it.

CREATE TABLE clinics (
  id          text PRIMARY KEY,
  name        text NOT NULL,
  time_zone   text NOT NULL,
  config      jsonb NOT NULL,            -- ClinicConfig minus id/name/timeZone/theme
  theme       jsonb NOT NULL,
  theme_updated_at timestamptz NOT NULL DEFAULT now(),
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- Public keys a widget embeds; each with the origins allowed to use it from a browser.
CREATE TABLE api_keys (
  key             text PRIMARY KEY,
  clinic_id       text NOT NULL REFERENCES clinics(id),
  allowed_origins text[] NOT NULL DEFAULT '{}',
  -- dev convenience: also allow http://localhost:* and http://127.0.0.1:* (never in production)
  allow_localhost boolean NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL DEFAULT now()
);

-- Staff bearer tokens, stored as SHA-256 hex only.
CREATE TABLE staff_tokens (
  token_hash  text PRIMARY KEY,
  clinic_id   text NOT NULL REFERENCES clinics(id),
  name        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE specialties (
  clinic_id   text NOT NULL REFERENCES clinics(id),
  id          text NOT NULL,
  name        jsonb NOT NULL,            -- locale -> text
  position    int NOT NULL DEFAULT 0,
  PRIMARY KEY (clinic_id, id)
);

CREATE TABLE procedures (
  clinic_id   text NOT NULL REFERENCES clinics(id),
  id          text NOT NULL,
  specialty   text NOT NULL,
  position    int NOT NULL DEFAULT 0,
  data        jsonb NOT NULL,            -- Procedure with name/description as locale maps
  PRIMARY KEY (clinic_id, id),
  FOREIGN KEY (clinic_id, specialty) REFERENCES specialties(clinic_id, id)
);

CREATE TABLE exchange_rates (
  clinic_id   text PRIMARY KEY REFERENCES clinics(id),
  base        text NOT NULL,
  as_of       date NOT NULL,
  rates       jsonb NOT NULL
);

CREATE TABLE booking_services (
  clinic_id   text NOT NULL REFERENCES clinics(id),
  id          text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('video', 'in-person', 'follow-up')),
  duration_minutes int NOT NULL CHECK (duration_minutes > 0),
  data        jsonb NOT NULL,            -- name/description locale maps
  position    int NOT NULL DEFAULT 0,
  PRIMARY KEY (clinic_id, id)
);

CREATE TABLE doctors (
  clinic_id   text NOT NULL REFERENCES clinics(id),
  id          text NOT NULL,
  data        jsonb NOT NULL,            -- name, title, specialties, languages, services, bio
  -- weekly schedule in the clinic's zone: [{ day: 'mon', start: '09:00', end: '13:00' }], slot length
  schedule    jsonb NOT NULL,
  slot_minutes int NOT NULL CHECK (slot_minutes BETWEEN 5 AND 240),
  position    int NOT NULL DEFAULT 0,
  PRIMARY KEY (clinic_id, id)
);

CREATE TABLE quotes (
  id          uuid PRIMARY KEY,
  clinic_id   text NOT NULL REFERENCES clinics(id),
  reference   text NOT NULL,
  procedure_id text NOT NULL,
  selection   jsonb NOT NULL,
  currency    text NOT NULL,
  estimate    jsonb NOT NULL,
  contact     jsonb NOT NULL,
  preferred_channel text NOT NULL,
  travel_month text,
  notes       text,
  consent_version text NOT NULL,
  locale      text NOT NULL,
  attribution jsonb,
  valid_until timestamptz NOT NULL,
  created_at  timestamptz NOT NULL,
  UNIQUE (clinic_id, reference)
);
CREATE INDEX quotes_clinic_created ON quotes (clinic_id, created_at DESC, id DESC);

CREATE TABLE bookings (
  id          uuid PRIMARY KEY,
  clinic_id   text NOT NULL REFERENCES clinics(id),
  reference   text NOT NULL,
  service_id  text NOT NULL,
  doctor_id   text NOT NULL,
  starts_at   timestamptz NOT NULL,
  ends_at     timestamptz NOT NULL,
  status      text NOT NULL CHECK (status IN ('confirmed', 'cancelled')),
  manage_token_hash text NOT NULL,
  contact     jsonb NOT NULL,
  patient_time_zone text NOT NULL,
  locale      text NOT NULL,
  interpreter text,
  notes       text,
  quote_reference text,
  consent_version text NOT NULL,
  attribution jsonb,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  UNIQUE (clinic_id, reference),
  FOREIGN KEY (clinic_id, doctor_id) REFERENCES doctors(clinic_id, id),
  FOREIGN KEY (clinic_id, service_id) REFERENCES booking_services(clinic_id, id)
);
-- THE double-booking guarantee: one confirmed booking per doctor and start, whatever the
-- concurrency. Slots sit on each doctor's fixed grid, so equal starts are the only way to collide.
CREATE UNIQUE INDEX bookings_one_per_slot ON bookings (clinic_id, doctor_id, starts_at) WHERE status = 'confirmed';
CREATE INDEX bookings_clinic_created ON bookings (clinic_id, created_at DESC, id DESC);

CREATE TABLE feedback (
  id          uuid PRIMARY KEY,
  clinic_id   text NOT NULL REFERENCES clinics(id),
  data        jsonb NOT NULL,
  nps         int NOT NULL CHECK (nps BETWEEN 0 AND 10),
  story_pending boolean NOT NULL,
  created_at  timestamptz NOT NULL
);
CREATE INDEX feedback_clinic_created ON feedback (clinic_id, created_at DESC, id DESC);

CREATE TABLE improvements (
  clinic_id   text NOT NULL REFERENCES clinics(id),
  id          text NOT NULL,
  data        jsonb NOT NULL,            -- youSaid/weDid locale maps, aspect
  date        date NOT NULL,
  PRIMARY KEY (clinic_id, id)
);

CREATE TABLE stories (
  clinic_id   text NOT NULL REFERENCES clinics(id),
  id          text NOT NULL,
  procedure_id text NOT NULL,
  language    text NOT NULL,
  country     text NOT NULL,
  consented   boolean NOT NULL,
  published   boolean NOT NULL,
  date        date NOT NULL,
  data        jsonb NOT NULL,            -- displayName, title, body, rating, image
  PRIMARY KEY (clinic_id, id)
);
CREATE INDEX stories_page ON stories (clinic_id, date DESC, id DESC);

CREATE TABLE faq (
  clinic_id   text NOT NULL REFERENCES clinics(id),
  id          text NOT NULL,
  locale      text NOT NULL,
  question    text NOT NULL,
  answer      text NOT NULL,
  keywords    text[] NOT NULL DEFAULT '{}',
  position    int NOT NULL DEFAULT 0,
  PRIMARY KEY (clinic_id, id, locale)
);

CREATE TABLE conversations (
  id          uuid PRIMARY KEY,
  clinic_id   text NOT NULL REFERENCES clinics(id),
  token_hash  text NOT NULL,
  status      text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  name        text,
  email       text,
  locale      text NOT NULL,
  context     jsonb NOT NULL DEFAULT '{}',
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL
);
CREATE INDEX conversations_clinic_updated ON conversations (clinic_id, updated_at DESC);

CREATE TABLE chat_messages (
  id          bigserial PRIMARY KEY,
  clinic_id   text NOT NULL REFERENCES clinics(id),
  conversation_id uuid NOT NULL REFERENCES conversations(id),
  author      text NOT NULL CHECK (author IN ('visitor', 'staff', 'system')),
  author_name text,
  body        text NOT NULL,
  created_at  timestamptz NOT NULL
);
CREATE INDEX chat_messages_conv ON chat_messages (conversation_id, id);

-- Fan-out: every new message is announced on channel prm_chat (delivered at commit), so any
-- app server holding an SSE stream for that conversation pushes it, whoever wrote it.
CREATE FUNCTION prm_chat_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('prm_chat', json_build_object('conversationId', NEW.conversation_id, 'id', NEW.id::text)::text);
  RETURN NEW;
END $$;
CREATE TRIGGER chat_messages_notify AFTER INSERT ON chat_messages FOR EACH ROW EXECUTE FUNCTION prm_chat_notify();

-- Idempotency-Key records: first response per (clinic, key), replayed for 24 h.
CREATE TABLE idempotency_keys (
  clinic_id   text NOT NULL REFERENCES clinics(id),
  key         text NOT NULL,
  request_hash text NOT NULL,            -- sha256 of method + path + body
  status      int,                       -- null while the first request is in flight
  response    jsonb,
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (clinic_id, key)
);

-- Fixed-window rate-limit counters, shared by every app server.
CREATE TABLE rate_limits (
  bucket      text NOT NULL,
  window_start timestamptz NOT NULL,
  count       int NOT NULL,
  PRIMARY KEY (bucket, window_start)
);
