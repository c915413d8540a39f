/** Registers `<prm-quote-calculator>` (`import 'prm-widgets/quote-calculator'`). */
import { PrmQuoteCalculator } from './quote-calculator.js';

PrmQuoteCalculator.define();

export { PrmQuoteCalculator };
export type { QuoteChangeDetail, QuoteSubmitDetail, QuoteSuccessDetail, QuoteViewDetail, QuoteBookDetail } from './quote-calculator.js';

declare global {
  interface HTMLElementTagNameMap {
    'prm-quote-calculator': PrmQuoteCalculator;
  }
}
