/** Registers `<prm-feedback-form>` (`import 'prm-widgets/feedback-form'`). */
import { PrmFeedbackForm } from './feedback-form.js';

PrmFeedbackForm.define();

export { PrmFeedbackForm };
export type { FeedbackChangeDetail, FeedbackQueuedDetail, FeedbackSubmitDetail, FeedbackSuccessDetail, FeedbackViewDetail } from './feedback-form.js';

declare global {
  interface HTMLElementTagNameMap {
    'prm-feedback-form': PrmFeedbackForm;
  }
}
