import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { answerFaq, candidateLanguages, FAQ_MIN_SCORE, questionWords, searchFaq } from '../../server/domains/chat/faq.js';
import { CreateConversationResponseSchema, FaqSearchResponseSchema } from '../../src/core/contract/chat.js';
import { FAQ } from '../../server/seed/faq.js';
import { drivers, key, startServer, type TestServer } from './helpers.js';

/** [locale, question a patient would type, FAQ entry id that answers it, or null: must say "no answer"]. */
const CASES: [string, string, string | null][] = [
  // English, including misspellings and questions the FAQ does not cover.
  ['en', 'Do I need a visa?', 'visa'],
  ['en', 'do i need a vissa for turkey', 'visa'],
  ['en', 'will there be an interpeter', 'interpreter'],
  ['en', 'What is included in the price?', 'price-includes'],
  ['en', 'are there hidden fees?', 'price-final'],
  ['en', 'what about aftercare when i go home', 'aftercare'],
  ['en', 'can my wife come with me', 'companion'],
  ['en', 'Can I bring my dog?', null],
  ['en', 'Do you treat cancer?', null],
  ['en', 'Is parking free?', null],
  ['en', 'What is the weather like in Istanbul?', null],
  // Arabic (Snowball 'arabic' configuration; trigram for spelling variants).
  ['ar', 'هل أحتاج تأشيرة؟', 'visa'],
  ['ar', 'هل يوجد مترجم', 'interpreter'],
  ['ar', 'كيف ادفع', 'payment'],
  ['ar', 'أين سأقيم', 'hotel'],
  // Natural wordings of the seed's own questions: a relative pronoun, an attached pronoun ("يشمله").
  ['ar', 'ما الذي يشمله السعر؟', 'price-includes'],
  ['ar', 'رعاية بعد العودة', 'aftercare'],
  ['ar', 'هل يمكنني إحضار كلبي؟', null],
  ['ar', 'ما هو الطقس في إسطنبول؟', null],
  // German
  ['de', 'Brauche ich ein Visum?', 'visa'],
  ['de', 'Gibt es einen Dolmetcher?', 'interpreter'],
  ['de', 'Was ist im Preis inbegriffen?', 'price-includes'],
  ['de', 'Darf ich meinen Hund mitbringen?', null],
  ['de', 'Wie ist das Wetter in Istanbul?', null],
  // Spanish
  ['es', '¿Necesito visado?', 'visa'],
  ['es', '¿hay interprete?', 'interpreter'],
  ['es', '¿Cómo puedo pagar?', 'payment'],
  ['es', '¿Puedo llevar a mi perro?', null],
  ['es', '¿Qué tiempo hace en Estambul?', null],
  // French
  ['fr', 'Ai-je besoin d’un visa ?', 'visa'],
  ['fr', 'Y a-t-il un interprete ?', 'interpreter'],
  ['fr', 'Comment payer ?', 'payment'],
  ['fr', 'Quel temps fait-il à Istanbul ?', null],
  // Russian
  ['ru', 'Нужна ли виза?', 'visa'],
  ['ru', 'будет ли переводчек?', 'interpreter'],
  ['ru', 'Как оплатить?', 'payment'],
  ['ru', 'Можно взять собаку?', null],
  ['ru', 'Какая погода в Стамбуле?', null],
  // Turkish, typed without Turkish letters too
  ['tr', 'Vize gerekiyor mu?', 'visa'],
  ['tr', 'tercuman var mi', 'interpreter'],
  ['tr', 'Nasıl ödeme yaparım?', 'payment'],
  ['tr', 'Köpeğimi getirebilir miyim?', null],
  ['tr', 'İstanbul’da hava nasıl?', null],
];

/**
 * [language the patient writes in, the page's language, question, entry that answers it or null].
 * Each of the seven languages asked on a page of another, with misspellings and questions the FAQ
 * does not cover; '*': a word several languages share, answered in the page's language on a tie.
 */
const ACROSS: [string, string, string, string | null][] = [
  ['ar', 'en', 'هل أحتاج تأشيرة؟', 'visa'],
  ['ar', 'en', 'هل يوجد مترجم عربي؟', 'interpreter'],
  ['ar', 'fr', 'كيف يمكنني الدفع؟', 'payment'],
  ['ar', 'tr', 'هل تستقبلوني في المطار؟', 'airport'],
  ['ar', 'de', 'هل السعر نهائي؟', 'price-final'],
  ['ar', 'en', 'هل تاشيره مطلوبه', 'visa'],
  ['ar', 'en', 'هل يمكنني إحضار قطتي؟', null],
  ['de', 'en', 'Brauche ich ein Visum?', 'visa'],
  ['de', 'en', 'Werde ich vom Flughafen abgeholt?', 'airport'],
  ['de', 'tr', 'Gibt es einen Dolmetscher?', 'interpreter'],
  ['de', 'es', 'Wie kann ich bezahlen?', 'payment'],
  ['de', 'en', 'Kann meine Frau mitkommen?', 'companion'],
  ['de', 'fr', 'Was ist im Preis enthalten?', 'price-includes'],
  ['de', 'en', 'Braucht man ein Vissum?', 'visa'],
  ['de', 'en', 'Wie ist das Wetter in Istanbul?', null],
  ['de', 'en', 'Habt ihr einen Parkplatz?', null],
  ['en', 'de', 'Do I need a visa?', 'visa'],
  ['en', 'ar', 'Will there be an interpreter?', 'interpreter'],
  ['en', 'tr', 'How do I pay?', 'payment'],
  ['en', 'ru', 'Do you pick me up at the airport?', 'airport'],
  ['en', 'es', 'what does the price include', 'price-includes'],
  ['en', 'fr', 'do i need a vissa', 'visa'],
  ['en', 'de', 'Can I bring my dog?', null],
  ['en', 'tr', 'Is parking free?', null],
  ['es', 'en', '¿Necesito visado?', 'visa'],
  ['es', 'en', '¿Hay un intérprete?', 'interpreter'],
  ['es', 'de', '¿Cómo puedo pagar?', 'payment'],
  ['es', 'fr', '¿Me recogen en el aeropuerto?', 'airport'],
  ['es', 'en', '¿Qué incluye el precio?', 'price-includes'],
  ['es', 'tr', 'necesito visadoo', 'visa'],
  ['es', 'en', '¿Puedo llevar a mi perro?', null],
  ['es', 'en', '¿Qué tiempo hace en Estambul?', null],
  ['fr', 'en', 'Ai-je besoin d’un visa ?', 'visa'],
  ['fr', 'en', 'Y a-t-il un interprète ?', 'interpreter'],
  ['fr', 'de', 'Comment puis-je payer ?', 'payment'],
  ['fr', 'es', 'Venez-vous me chercher à l’aéroport ?', 'airport'],
  ['fr', 'en', 'Qu’est-ce qui est inclus dans le prix ?', 'price-includes'],
  ['fr', 'tr', 'est-ce que j’ai besoin d’un vissa', 'visa'],
  ['fr', 'en', 'Quel temps fait-il à Istanbul ?', null],
  ['fr', 'en', 'Puis-je venir avec mon chien ?', null],
  ['ru', 'en', 'Нужна ли виза?', 'visa'],
  ['ru', 'en', 'Будет ли переводчик?', 'interpreter'],
  ['ru', 'de', 'Как можно оплатить?', 'payment'],
  ['ru', 'tr', 'Вы встретите меня в аэропорту?', 'airport'],
  ['ru', 'en', 'Что входит в стоимость?', 'price-includes'],
  ['ru', 'en', 'нужна ли визза', 'visa'],
  ['ru', 'en', 'Можно взять собаку?', null],
  ['ru', 'ar', 'Какая погода в Стамбуле?', null],
  ['tr', 'en', 'Vize gerekiyor mu?', 'visa'],
  ['tr', 'en', 'Tercüman olacak mı?', 'interpreter'],
  ['tr', 'de', 'Nasıl ödeme yapabilirim?', 'payment'],
  ['tr', 'ar', 'Beni havalimanından alacak mısınız?', 'airport'],
  ['tr', 'en', 'fiyata neler dahil', 'price-includes'],
  ['tr', 'en', 'tercuman var mi', 'interpreter'],
  ['tr', 'en', 'Köpeğimi getirebilir miyim?', null],
  ['tr', 'en', 'İstanbul’da hava nasıl?', null],
  ['*', 'en', 'Visa?', 'visa'],
  ['*', 'fr', 'Visa ?', 'visa'],
  ['*', 'de', 'Hotel?', 'hotel'],
];

describe('FAQ seed', () => {
  it('every entry has its question, answer and keywords in all seven languages, each different from English', () => {
    for (const f of FAQ) {
      for (const l of ['en', 'ar', 'de', 'es', 'fr', 'ru', 'tr'] as const) {
        assert.ok(f.q[l]?.trim() && f.a[l]?.trim() && f.keywords[l]?.length, `${f.id} ${l}`);
        if (l !== 'en') assert.notEqual(f.a[l], f.a.en, `${f.id} ${l} answer is an English copy`);
      }
    }
    for (const id of ['visa', 'price-includes', 'payment', 'interpreter', 'aftercare', 'airport', 'hotel']) assert.ok(FAQ.some((f) => f.id === id), id);
  });

  it('the languages a question may be in, by its script', () => {
    assert.deepEqual(candidateLanguages('هل أحتاج تأشيرة؟', 'en'), ['ar']);
    assert.deepEqual(candidateLanguages('Нужна ли виза?', 'tr'), ['ru']);
    assert.deepEqual(candidateLanguages('Brauche ich ein Visum?', 'ar'), ['en', 'de', 'es', 'fr', 'tr']);
    assert.deepEqual(candidateLanguages('виза visa', 'en'), ['ru', 'en', 'de', 'es', 'fr', 'tr']);
    assert.deepEqual(candidateLanguages('١٢٣ 123', 'fr-CA'), ['fr']);
  });

  it('question words: lower-cased in the language (Turkish İ), fillers and punctuation dropped', () => {
    assert.deepEqual(questionWords('İstanbul’da hava nasıl?', 'tr'), ['istanbul', 'da', 'hava']);
    assert.deepEqual(questionWords('Gibt es einen Dolmetscher?', 'de'), ['es', 'einen', 'dolmetscher']);
    assert.deepEqual(questionWords('?!…', 'en'), []);
  });
});

for (const driver of drivers) {
  describe(`FAQ search [${driver.name}]`, () => {
    let s: TestServer;
    before(async () => {
      s = await startServer(driver);
    });
    after(() => s.close());

    for (const [locale, q, expected] of CASES) {
      it(`${locale}: "${q}" → ${expected ?? 'no answer'}`, async () => {
        const found = await searchFaq(s.db, 'aurora', locale, q);
        if (expected === null) {
          assert.deepEqual(found.map((f) => `${f.id}:${f.score}`), [], 'an unanswerable question must find nothing');
        } else {
          assert.equal(found[0]?.id, expected, `got ${JSON.stringify(found.map((f) => `${f.id}:${f.score}`))}`);
          assert.ok(found[0]!.score >= FAQ_MIN_SCORE);
          const entry = FAQ.find((f) => f.id === expected)!;
          assert.equal(found[0]!.answer, entry.a[locale as 'en'], 'answered in the question’s language');
        }
      });
    }

    for (const [lang, page, q, expected] of ACROSS) {
      it(`asked in ${lang} on a ${page} page: "${q}" → ${expected ?? 'no answer'}`, async () => {
        const found = await answerFaq(s.db, 'aurora', page, q);
        if (expected === null) {
          assert.deepEqual(found, { locale: page, answers: [] }, 'an unanswerable question must find nothing, in no language');
          return;
        }
        const answerLang = lang === '*' ? page : lang;
        assert.equal(found.answers[0]?.id, expected, `got ${found.locale}: ${JSON.stringify(found.answers.map((f) => `${f.id}:${f.score}`))}`);
        assert.equal(found.locale, answerLang, 'answered in the language the patient asked in');
        const entry = FAQ.find((f) => f.id === expected)!;
        assert.equal(found.answers[0]!.answer, entry.a[answerLang as 'en']);
        assert.equal(found.answers[0]!.locale, answerLang);
      });
    }

    it('the assistant in an English conversation answers an Arabic question in Arabic (endpoint and chat message)', async () => {
      const q = 'هل أحتاج تأشيرة؟';
      const search = FaqSearchResponseSchema.parse(await (await s.request(`/v1/chat/faq/search?q=${encodeURIComponent(q)}&locale=en`)).json());
      assert.equal(search.locale, 'ar');
      assert.equal(search.answers[0]?.answer, FAQ.find((f) => f.id === 'visa')!.a.ar);
      const r = await s.request('/v1/chat/conversations', { idem: key(), json: { locale: 'en', message: q, consent: { accepted: true, version: '2026-09' } } });
      assert.equal(r.status, 201);
      const faq = CreateConversationResponseSchema.parse(await r.json()).messages[0]!.faq;
      assert.equal(faq?.id, 'visa');
      assert.equal(faq?.locale, 'ar');
      assert.equal(faq?.answer, FAQ.find((f) => f.id === 'visa')!.a.ar);
    });

    it('answers only from the clinic’s own entries, and nothing in a language it has no entries in', async () => {
      assert.deepEqual(await searchFaq(s.db, 'second', 'en', 'Do I need a visa?'), []);
      assert.equal((await searchFaq(s.db, 'second', 'en', 'When are you open?'))[0]?.id, 'hours');
      assert.deepEqual(await searchFaq(s.db, 'aurora', 'pt', 'Preciso de visto?'), []);
    });

    it('an empty or punctuation-only question finds nothing', async () => {
      assert.deepEqual(await searchFaq(s.db, 'aurora', 'en', '   ?? '), []);
    });
  });
}
