import type { Queryable } from '../../db/types.js';

/** One FAQ entry that answers a patient's question, with how well it matched (0..1). */
export interface FaqMatch {
  id: string;
  question: string;
  answer: string;
  score: number;
}

export interface FaqSearchOptions {
  /** Minimum score for an entry to count as an answer (default {@link FAQ_MIN_SCORE}). */
  minScore?: number;
  /** At most this many answers (default 3). */
  limit?: number;
}

/**
 * Score below which the assistant says it has no answer. Tuned on test/server/faq.test.ts: the
 * answerable questions there score ≥ 0.75, the off-topic ones ≤ 0.62.
 */
export const FAQ_MIN_SCORE = 0.65;
/** Answers scoring more than this below the best one are not shown. */
export const FAQ_MARGIN = 0.25;
/** A misspelt word counts when its trigram word-similarity to the entry is at least this. */
export const FAQ_FUZZY_MIN = 0.55;

/**
 * Question words and fillers the Snowball stop lists keep (they carry no subject: "is there", "can
 * I"), per language. Without this, "Gibt es einen Dolmetcher?" would count "gibt" as a subject no
 * entry has and score the interpreter entry down.
 */
export const QUESTION_FILLERS: Record<string, readonly string[]> = {
  en: ['can', 'could', 'will', 'would', 'there', 'please', 'hello', 'hi', 'need', 'get', 'tell', 'know', 'want'],
  ar: ['هل', 'ما', 'ماذا', 'كيف', 'أين', 'اين', 'متى', 'يوجد', 'هناك', 'ممكن', 'يمكن', 'يمكنني', 'أريد', 'اريد', 'من', 'في', 'على', 'عن', 'مرحبا', 'لو', 'سمحت', 'الذي', 'التي', 'هو', 'هي'],
  de: ['gibt', 'kann', 'könnte', 'bitte', 'hallo', 'bekomme', 'brauche', 'möchte', 'wissen'],
  es: ['hay', 'puedo', 'puede', 'hola', 'favor', 'necesito', 'quiero', 'saber'],
  fr: ['puis', 'peut', 'peux', 'bonjour', 'faut', 'voudrais', 'savoir', 'est-ce', 'il', 'y'],
  ru: ['можно', 'ли', 'будет', 'есть', 'нужно', 'нужна', 'нужен', 'здравствуйте', 'привет', 'пожалуйста', 'хочу'],
  tr: ['var', 'mi', 'mı', 'mu', 'mü', 'miyim', 'mıyım', 'misiniz', 'mısınız', 'nasıl', 'ne', 'merhaba', 'lütfen', 'acaba', 'gerekiyor', 'istiyorum'],
};

/**
 * The words of a question as the search sees them: lower-cased runs of letters, combining marks
 * (Arabic vowel signs) and digits, at most 24, each at most 40 characters. Arabic-Indic digits are
 * letters-and-digits too, so they pass through.
 */
export function questionWords(q: string, locale = 'en'): string[] {
  let lower: string;
  try {
    lower = q.normalize('NFC').toLocaleLowerCase(locale);
  } catch {
    lower = q.normalize('NFC').toLowerCase();
  }
  const words = lower
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((w) => w.length >= 2 && w.length <= 40);
  const lang = locale.split('-')[0]!;
  const fillers = new Set(QUESTION_FILLERS[lang] ?? []);
  return [...new Set(words.map((w) => (lang === 'ar' ? arabicPronounless(w) : w)))].filter((w) => !fillers.has(w)).slice(0, 24);
}

/**
 * An Arabic word without an attached object or possessive pronoun ("يشمله", what includes *it* →
 * "يشمل"), which the Snowball Arabic stemmer leaves on: the entries are written without them.
 * Only on words long enough that a stem of three letters or more remains.
 */
export function arabicPronounless(w: string): string {
  const m = /^(.{3,}?)(?:ها|هم|هن|كم|ه)$/u.exec(w);
  return m && w.length >= 5 ? m[1]! : w;
}

/**
 * Finds the FAQ entries that answer `question`, in the clinic's entries of `locale` (falling back
 * to nothing: an answer in another language is not an answer).
 *
 * How it scores, all in SQL so PGlite and PostgreSQL agree:
 * 1. Each question word goes through the language's text-search configuration (stemming; stop
 *    words such as "the", "ist", "ли" drop out). Words that leave nothing are ignored.
 * 2. A word matches an entry fully when its lexeme is among the entry's (question, keywords and
 *    answer, stemmed the same way); otherwise partly, by `pg_trgm` word similarity to the entry's
 *    question and keywords, when that is ≥ {@link FAQ_FUZZY_MIN} (misspellings: "interpeter",
 *    "vissa", "Dolmetcher") and the word has at least 4 characters.
 * 3. Words weigh by rarity among this clinic's entries (inverse document frequency), so a word
 *    most entries share ("treatment", "هل") counts little and a word no entry has counts most.
 * 4. An entry's score is the weighted share of the question it covers; entries under `minScore`,
 *    entries no distinctive word matched (one shared by at most a fifth of the entries), and
 *    entries more than {@link FAQ_MARGIN} below the best are dropped. Ties go to the entry whose
 *    question is most similar to the whole question (trigrams), then to the FAQ's order. A question about something the FAQ does not cover therefore finds nothing,
 *    rather than the entry that happens to share one common word.
 */
export async function searchFaq(db: Queryable, clinicId: string, locale: string, question: string, opts: FaqSearchOptions = {}): Promise<FaqMatch[]> {
  const lang = locale.split('-')[0]!.toLowerCase();
  const words = questionWords(question, lang);
  if (!words.length) return [];
  const { rows } = await db.query<{ id: string; question: string; answer: string; score: number }>(
    `WITH terms AS (
       SELECT w, prm_fold(w) AS folded, tsvector_to_array(to_tsvector(prm_ts_config($2), w)) AS lex
       FROM unnest($3::text[]) AS w
     ),
     content AS (SELECT w, folded, lex FROM terms WHERE cardinality(lex) > 0),
     entries AS (
       SELECT id, question, answer, position, search_text,
         tsvector_to_array(ts_filter(tsv, '{a}')) AS head, tsvector_to_array(tsv) AS lexemes
       FROM faq WHERE clinic_id = $1 AND locale = $2
     ),
     matches AS (
       SELECT e.id, t.w, greatest(
         CASE WHEN e.head && t.lex THEN 1.0 WHEN e.lexemes && t.lex THEN 0.5 ELSE 0.0 END,
         CASE WHEN length(t.w) >= 5 AND public.strict_word_similarity(t.folded, e.search_text) >= $4
           THEN 0.5 + 0.5 * public.strict_word_similarity(t.folded, e.search_text)::float8 ELSE 0.0 END
       ) AS s
       FROM entries e CROSS JOIN content t
     ),
     weights AS (
       SELECT w, CASE WHEN n = 0 THEN 1.0 ELSE ln((n_entries + 1.0) / (n + 0.5)) END AS weight,
         n > 0 AND n <= greatest(2, n_entries / 5) AS distinctive
       FROM (SELECT w, count(*) FILTER (WHERE s > 0) AS n FROM matches GROUP BY w) df,
            (SELECT count(*) AS n_entries FROM entries) total
     ),
     scored AS (
       SELECT m.id, sum(w.weight * m.s) / nullif(sum(w.weight), 0) AS score,
         bool_or(w.distinctive AND m.s > 0) AS anchored
       FROM matches m JOIN weights w USING (w) GROUP BY m.id
     )
     SELECT e.id, e.question, e.answer, round(s.score::numeric, 3)::float8 AS score
     FROM scored s JOIN entries e USING (id)
     WHERE s.score >= $5 AND s.anchored
     ORDER BY s.score DESC, public.similarity(prm_fold($7), e.search_text) DESC, e.position, e.id
     LIMIT $6`,
    [clinicId, lang, words, FAQ_FUZZY_MIN, opts.minScore ?? FAQ_MIN_SCORE, opts.limit ?? 3, question.slice(0, 500)],
  );
  const best = rows[0]?.score ?? 0;
  return rows.filter((r) => r.score >= best - FAQ_MARGIN).map((r) => ({ id: r.id, question: r.question, answer: r.answer, score: Number(r.score) }));
}
