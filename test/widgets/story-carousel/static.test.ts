import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/widgets/story-carousel/define.js';
import type { PrmStoryCarousel } from '../../../src/widgets/story-carousel/define.js';
import { resetConfig, until } from '../../core/fixtures/setup.js';

// Static mode (`src="stories.json"`, a clinic without a backend) and the structured-data attribute.

type El = PrmStoryCarousel;
const $ = <T extends Element = HTMLElement>(el: El, s: string) => el.shadowRoot!.querySelector(s) as T | null;
const text = (n: Element | null) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function mount(attrs: Record<string, string>, config: Record<string, unknown> = {}): Promise<El> {
  resetConfig(config);
  const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement('prm-story-carousel');
  for (const [k, v] of Object.entries({ lang: 'en', ...attrs })) el.setAttribute(k, v);
  wrap.append(el);
  await until(() => !!$(el, '.slide[data-i] .title, [part=empty], [part=error]'), 15_000);
  await el.updateComplete;
  return el;
}

describe('<prm-story-carousel> static mode and structured data', function () {
  this.timeout(30_000);

  it('src: reads a stories.json with no backend configured at all (no api, no clinic key), filters and ranks it like the server', async () => {
    const requests: string[] = [];
    const obs = new PerformanceObserver((l) => l.getEntries().forEach((e) => requests.push(e.name)));
    obs.observe({ type: 'resource' });
    const el = await mount({ src: '/test/fixtures/stories-static.json', procedure: 'dental-implants', lang: 'de' });
    await until(() => $(el, '[part=base]')!.getAttribute('aria-label') === 'Patientengeschichten', 10_000);
    // German first (Lena), then the English dental story; the LASIK one is filtered out.
    expect($(el, '.slide:not([inert])')!.getAttribute('aria-label')).to.equal('1 von 2');
    expect(text($(el, '.slide:not([inert]) .name'))).to.equal('Lena');
    expect([...el.shadowRoot!.querySelectorAll('.slide')].map((s) => s.getAttribute('aria-label'))).to.deep.equal(['1 von 2', '2 von 2']);
    obs.disconnect();
    expect(requests.filter((r) => r.includes('/v1/'))).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('src: an invalid or missing file: "not available" with no useless retry for the patient; the console and prm-error name the actual file and its first wrong place', async () => {
    const errors: { reason: string; message: string }[] = [];
    const on = (e: Event) => errors.push((e as CustomEvent).detail);
    const logged: string[] = [];
    const consoleError = console.error;
    console.error = (...a: unknown[]) => logged.push(a.join(' '));
    document.addEventListener('prm-error', on);
    try {
      const el = await mount({ src: '/test/fixtures/stories-invalid.json' });
      const file = `${location.origin}/test/fixtures/stories-invalid.json`;
      expect(text($(el, '[part=error]'))).to.contain('This service is not available right now');
      expect($(el, '[part=error] button'), 'no "Try again": the same file would fail the same way').to.equal(null);
      expect(errors.map((e) => e.reason)).to.deep.equal(['invalid_response']);
      expect(errors[0]!.message).to.equal(`${file}: stories[1].rating: ${errors[0]!.message.split('rating: ')[1]}`);
      expect(logged.filter((l) => l.includes(`${file}: stories[1].rating`)).length, 'one console message for the website team').to.equal(1);
      await expect(el).to.be.accessible();
      const missing = await mount({ src: '/test/fixtures/no-such-file.json' });
      expect(text($(missing, '[part=error]'))).to.contain('This service is not available right now');
      expect($(missing, '[part=error] button')).to.equal(null);
      expect(logged.some((l) => l.includes('/test/fixtures/no-such-file.json answered 404'))).to.equal(true);
    } finally {
      console.error = consoleError;
      document.removeEventListener('prm-error', on);
    }
  });

  it('structured-data: one Review/AggregateRating JSON-LD script in the light DOM, text only; hostile story text can never close it', async () => {
    const hostile = '</script><script>window.__xss && window.__xss("jsonld")</script><!-- \u2028 & <b>';
    // test/fixtures/stories-hostile.json holds `hostile` in every text field of its stories.
    const url = '/test/fixtures/stories-hostile.json';
    const ran: unknown[] = [];
    (window as unknown as { __xss: (n: unknown) => void }).__xss = (n) => ran.push(n);
    const el = await mount({ src: url, 'structured-data': '' });
    await until(() => !!el.querySelector('script'));
    const scripts = el.querySelectorAll('script');
    expect(scripts.length).to.equal(1);
    expect(scripts[0]!.type).to.equal('application/ld+json');
    expect(el.children.length, 'nothing else was created in the light DOM').to.equal(1);
    expect(scripts[0]!.textContent).not.to.match(/<\/script|<!--|<script/i);
    // The page's own parser, given the host's light DOM as markup, still sees one script.
    const doc = new DOMParser().parseFromString(`<body>${el.outerHTML}</body>`, 'text/html');
    expect(doc.querySelectorAll('script').length).to.equal(1);
    // What a search engine's renderer stores is the serialised page: its script must still be JSON
    // (a Lit marker comment inside it would read `<!---->{…}`).
    expect(doc.querySelector('script')!.childNodes.length, 'one text node, no comment').to.equal(1);
    expect(JSON.parse(doc.querySelector('script')!.textContent!)).to.deep.equal(JSON.parse(scripts[0]!.textContent!));
    const page = new DOMParser().parseFromString(document.documentElement.outerHTML, 'text/html');
    expect(() => JSON.parse(page.querySelector('prm-story-carousel script[type="application/ld+json"]')!.textContent!)).not.to.throw();
    const ld = JSON.parse(scripts[0]!.textContent!);
    expect(ld['@type']).to.equal('MedicalClinic');
    expect(ld.aggregateRating).to.deep.include({ '@type': 'AggregateRating', ratingValue: 4.5, reviewCount: 2 });
    expect(ld.review.map((r: { reviewBody: string }) => r.reviewBody)).to.deep.equal([hostile, 'Fine.']);
    expect(ld.review[1].about.name).to.equal(hostile);
    expect(ran).to.deep.equal([]);
    // Without the attribute: no script.
    el.removeAttribute('structured-data');
    await el.updateComplete;
    expect(el.querySelector('script')).to.equal(null);
  });
});
