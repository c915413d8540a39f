import { expect } from '@open-wc/testing';
import { attribution } from '../../src/core/attribution.js';
import { AttributionSchema } from '../../src/core/contract/common.js';
import { mailtoLink, telLink, telegramLink, whatsappLink } from '../../src/core/contact.js';
import { localized } from '../../src/core/i18n/localized.js';

describe('shared helpers', () => {
  it('localized: requested locale → its base language → clinic default → default → en → first', () => {
    const t = { en: 'E', de: 'D', 'de-AT': 'DA', tr: 'T', default: 'X' };
    expect(localized(t, 'de-AT')).to.equal('DA');
    expect(localized(t, 'de-CH')).to.equal('D');
    expect(localized(t, 'fr', 'tr')).to.equal('T');
    expect(localized(t, 'fr')).to.equal('X');
    expect(localized({ en: 'E', ru: 'R' }, 'fr')).to.equal('E');
    expect(localized({ ru: 'R' }, 'fr')).to.equal('R');
    expect(localized('plain', 'fr')).to.equal('plain');
    expect(localized(undefined, 'fr')).to.equal('');
  });

  it('attribution: one type, the contract shape, cut to its limits, no query string in the landing page', () => {
    const loc = new URL(`https://clinic.example/prices?utm_source=fb&utm_campaign=${'c'.repeat(300)}&email=ana@example.com`) as unknown as Location;
    const a = attribution('ag-1', loc, 'https://r.example/');
    expect(a).to.deep.equal({ agent: 'ag-1', source: 'fb', campaign: 'c'.repeat(200), referrer: 'https://r.example/', landingPage: 'https://clinic.example/prices' });
    expect(AttributionSchema.safeParse(a).success).to.equal(true);
    expect(attribution(undefined, loc, '')).to.not.have.any.keys('agent', 'referrer');
  });

  it('contact deep links: WhatsApp, Telegram, tel:, mailto: with the text encoded', () => {
    expect(whatsappLink('+90 555 123 45 67', 'Ref Q-1 & more')).to.equal('https://wa.me/905551234567?text=Ref%20Q-1%20%26%20more');
    expect(whatsappLink('+905551234567')).to.equal('https://wa.me/905551234567');
    expect(telegramLink('@aurora_clinic', 'Hi, Q-1?')).to.equal('https://t.me/aurora_clinic?text=Hi%2C%20Q-1%3F');
    expect(telLink('+90 (555) 123-45-67')).to.equal('tel:+905551234567');
    expect(mailtoLink('care@clinic.example', { subject: 'Quote Q-1', body: 'Hello\nBcc: x@evil.example' })).to.equal(
      'mailto:care@clinic.example?subject=Quote%20Q-1&body=Hello%0ABcc%3A%20x%40evil.example',
    );
    expect(mailtoLink('care@clinic.example')).to.equal('mailto:care@clinic.example');
  });
});
