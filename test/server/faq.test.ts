import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FAQ_MIN_SCORE, questionWords, searchFaq } from '../../server/domains/chat/faq.js';
import { FAQ } from '../../server/seed/faq.js';
import { drivers, startServer, type TestServer } from './helpers.js';

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
