-- Carry the clinic in chat notifications so a staff inbox stream can subscribe to a whole clinic.
CREATE OR REPLACE FUNCTION prm_chat_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('prm_chat', json_build_object('clinicId', NEW.clinic_id, 'conversationId', NEW.conversation_id, 'id', NEW.id::text)::text);
  RETURN NEW;
END $$;
