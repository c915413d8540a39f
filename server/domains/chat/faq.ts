import type { Queryable } from '../../db/types.js';

/** One FAQ entry that answers a patient's question, with how well it matched (0..1). */
export interface FaqMatch {
  id: string;
  /** The entry's language: the question's (see {@link answerFaq}). */
  locale?: string;
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

/** The languages the FAQ is written in, each with its own text-search configuration (migration 050). */
export const FAQ_LANGUAGES = ['en', 'ar', 'de', 'es', 'fr', 'ru', 'tr'] as const;

/**
 * The languages a question may be in, by its letters: Arabic script → ar, Cyrillic → ru, Latin →
 * en, de, es, fr, tr (which of these is decided by the search itself, see {@link answerFaq}); a
 * question in several scripts may be in any of theirs. A question with no letters of these
 * scripts (digits only, another script) keeps only the page's language.
 */
export function candidateLanguages(question: string, pageLocale: string): string[] {
  const page = pageLocale.split('-')[0]!.toLowerCase();
  const out = new Set<string>();
  if (/(?=\p{L})\p{Script=Arabic}/u.test(question)) out.add('ar');
  if (/(?=\p{L})\p{Script=Cyrillic}/u.test(question)) out.add('ru');
  if (/(?=\p{L})\p{Script=Latin}/u.test(question)) for (const l of ['en', 'de', 'es', 'fr', 'tr']) out.add(l);
  if (!out.size) out.add(page);
  return [...out];
}

/** One language's matches, best first (see {@link searchFaq}). */
export interface FaqLanguageMatches {
  locale: string;
  answers: FaqMatch[];
}

/**
 * The FAQ assistant: the entries that answer `question` in the language the patient asked in,
 * whatever the page's language (an Arabic patient on the English site asks in Arabic and is
 * answered from the Arabic entries, in Arabic).
 *
 * Which language: the question is searched with the configuration of every language its script
 * allows ({@link candidateLanguages}), in one query, and the language whose best entry scores
 * highest wins; on a tie the page's language, then the order of {@link FAQ_LANGUAGES}. This needs
 * no separate language detector: in the wrong language a question's function words ("do", "ich",
 * "¿hay", "mi") are not stop words or fillers, match no entry and count as unmatched subject, so
 * the same question scores lower there than in its own language (measured on the questions of
 * test/server/faq.test.ts: every answerable one finds its entry only, or best, in its own
 * language). A question no language answers gives `answers: []` and the page's language.
 */
export async function answerFaq(db: Queryable, clinicId: string, pageLocale: string, question: string, opts: FaqSearchOptions = {}): Promise<FaqLanguageMatches> {
  const page = pageLocale.split('-')[0]!.toLowerCase();
  const found = await searchFaqLanguages(db, clinicId, candidateLanguages(question, page), question, opts);
  const rank = (l: string) => (l === page ? -1 : (FAQ_LANGUAGES as readonly string[]).indexOf(l));
  const [best] = found.sort((a, b) => b.answers[0]!.score - a.answers[0]!.score || rank(a.locale) - rank(b.locale));
  return best ?? { locale: page, answers: [] };
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
 *    entries no distinctive word matched (one shared by at most a fifth of the entries, or named
 *    in the question or keywords of at most a fifth: "переводчик" is in three answers but names
 *    only the interpreter entry), and
 *    entries more than {@link FAQ_MARGIN} below the best are dropped. Ties go to the entry whose
 *    question is most similar to the whole question (trigrams), then to the FAQ's order. A question about something the FAQ does not cover therefore finds nothing,
 *    rather than the entry that happens to share one common word.
 */
export async function searchFaq(db: Queryable, clinicId: string, locale: string, question: string, opts: FaqSearchOptions = {}): Promise<FaqMatch[]> {
  const lang = locale.split('-')[0]!.toLowerCase();
  return (await searchFaqLanguages(db, clinicId, [lang], question, opts))[0]?.answers ?? [];
}

/** {@link searchFaq} in each of `langs` at once (each scored among its own entries only); languages with no answer are left out. */
async function searchFaqLanguages(db: Queryable, clinicId: string, langs: string[], question: string, opts: FaqSearchOptions): Promise<FaqLanguageMatches[]> {
  const words: Record<string, string[]> = {};
  for (const l of langs) {
    const w = questionWords(question, l);
    if (w.length) words[l] = w;
  }
  if (!Object.keys(words).length) return [];
  const { rows } = await db.query<{ lang: string; id: string; question: string; answer: string; score: number }>(
    `WITH asked AS (SELECT key AS lang, value AS words FROM jsonb_each($2::jsonb)),
     terms AS (
       SELECT a.lang, t.w, prm_fold(t.w) AS folded, tsvector_to_array(to_tsvector(prm_ts_config(a.lang), t.w)) AS lex
       FROM asked a CROSS JOIN LATERAL jsonb_array_elements_text(a.words) AS t(w)
     ),
     content AS (SELECT lang, w, folded, lex FROM terms WHERE cardinality(lex) > 0),
     entries AS (
       SELECT locale AS lang, id, question, answer, position, search_text,
         tsvector_to_array(ts_filter(tsv, '{a}')) AS head, tsvector_to_array(tsv) AS lexemes
       FROM faq WHERE clinic_id = $1 AND locale IN (SELECT lang FROM asked)
     ),
     matches AS (
       SELECT e.lang, e.id, t.w, e.head && t.lex AS in_head, greatest(
         CASE WHEN e.head && t.lex THEN 1.0 WHEN e.lexemes && t.lex THEN 0.5 ELSE 0.0 END,
         CASE WHEN length(t.w) >= 5 AND public.strict_word_similarity(t.folded, e.search_text) >= $3
           THEN 0.5 + 0.5 * public.strict_word_similarity(t.folded, e.search_text)::float8 ELSE 0.0 END
       ) AS s
       FROM entries e JOIN content t ON t.lang = e.lang
     ),
     weights AS (
       SELECT lang, w, CASE WHEN n = 0 THEN 1.0 ELSE ln((n_entries + 1.0) / (n + 0.5)) END AS weight,
         n > 0 AND n <= greatest(2, n_entries / 5) AS distinctive,
         nh > 0 AND nh <= greatest(2, n_entries / 5) AS names
       FROM (SELECT lang, w, count(*) FILTER (WHERE s > 0) AS n, count(*) FILTER (WHERE in_head) AS nh FROM matches GROUP BY lang, w) df
       JOIN (SELECT lang, count(*) AS n_entries FROM entries GROUP BY lang) total USING (lang)
     ),
     scored AS (
       SELECT m.lang, m.id, sum(w.weight * m.s) / nullif(sum(w.weight), 0) AS score,
         bool_or((w.distinctive AND m.s > 0) OR (w.names AND m.in_head)) AS anchored
       FROM matches m JOIN weights w USING (lang, w) GROUP BY m.lang, m.id
     ),
     ranked AS (
       SELECT e.lang, e.id, e.question, e.answer, round(s.score::numeric, 3)::float8 AS score,
         row_number() OVER (PARTITION BY e.lang ORDER BY s.score DESC, public.similarity(prm_fold($6), e.search_text) DESC, e.position, e.id) AS n
       FROM scored s JOIN entries e USING (lang, id)
       WHERE s.score >= $4 AND s.anchored
     )
     SELECT lang, id, question, answer, score FROM ranked WHERE n <= $5 ORDER BY lang, n`,
    [clinicId, JSON.stringify(words), FAQ_FUZZY_MIN, opts.minScore ?? FAQ_MIN_SCORE, opts.limit ?? 3, question.slice(0, 500)],
  );
  const out = new Map<string, FaqMatch[]>();
  for (const r of rows) {
    const list = out.get(r.lang) ?? [];
    const score = Number(r.score);
    if (!list.length || score >= list[0]!.score - FAQ_MARGIN) list.push({ id: r.id, question: r.question, answer: r.answer, score });
    out.set(r.lang, list);
  }
  return [...out].map(([locale, answers]) => ({ locale, answers: answers.map((a) => ({ ...a, locale })) }));
}
