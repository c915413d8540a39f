-- FAQ assistant: full-text search in the entry's own language plus trigram similarity for
-- misspellings. pg_trgm is a "trusted" contrib extension (PostgreSQL >= 13: a database owner may
-- create it; Debian's postgresql package ships it in postgresql-contrib). It goes into `public` so
-- that every schema sees one copy (the server tests run one schema per suite on one database), and
-- its functions are called schema-qualified. PGlite loads it from @electric-sql/pglite/contrib.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

-- One text-search configuration per language the clinic writes in. Every one of these ships with
-- PostgreSQL >= 13 and PGlite (`SELECT cfgname FROM pg_ts_config`). Arabic has a Snowball stemmer
-- but no stop-word list, so its question words (هل، كيف، ماذا) survive; the search ranks them down
-- by how many entries share them (see server/domains/chat/faq.ts). Unknown languages: 'simple'.
CREATE FUNCTION prm_ts_config(locale text) RETURNS regconfig LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (CASE split_part(lower(locale), '-', 1)
    WHEN 'en' THEN 'english' WHEN 'ar' THEN 'arabic' WHEN 'de' THEN 'german' WHEN 'es' THEN 'spanish'
    WHEN 'fr' THEN 'french' WHEN 'ru' THEN 'russian' WHEN 'tr' THEN 'turkish' ELSE 'simple' END)::regconfig
$$;

-- Diacritics folded away for trigram comparison only (a patient types "tercuman" for "tercüman",
-- "interprete" for "intérprete"); the unaccent extension is not in every PGlite build, translate() is.
CREATE FUNCTION prm_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT translate(lower(t), 'çğıöşüâîûáàäãåéèêëíìïóòôõúùñßœæ', 'cgiosuaiuaaaaaeeeeiiiooooouunsoa')
$$;

-- Question and keywords weigh more than the answer; `search_text` (question and keywords,
-- lower-cased, diacritics folded) is what trigram similarity compares a misspelt word with.
ALTER TABLE faq ADD COLUMN tsv tsvector;
ALTER TABLE faq ADD COLUMN search_text text NOT NULL DEFAULT '';

CREATE FUNCTION prm_faq_index() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.tsv := setweight(to_tsvector(prm_ts_config(NEW.locale), NEW.question), 'A')
          || setweight(to_tsvector(prm_ts_config(NEW.locale), array_to_string(NEW.keywords, ' ')), 'A')
          || setweight(to_tsvector(prm_ts_config(NEW.locale), NEW.answer), 'C');
  NEW.search_text := prm_fold(NEW.question || ' ' || array_to_string(NEW.keywords, ' '));
  RETURN NEW;
END $$;
CREATE TRIGGER faq_index BEFORE INSERT OR UPDATE OF locale, question, answer, keywords ON faq FOR EACH ROW EXECUTE FUNCTION prm_faq_index();
UPDATE faq SET question = question;

CREATE INDEX faq_tsv ON faq USING gin (tsv);
CREATE INDEX faq_clinic_locale ON faq (clinic_id, locale);
