/** Registers `<prm-story-carousel>` (`import 'prm-widgets/story-carousel'`). */
import { PrmStoryCarousel } from './story-carousel.js';

PrmStoryCarousel.define();

export { PrmStoryCarousel };
export type { StoriesViewDetail, StoryChangeCause, StoryChangeDetail, StoryOpenDetail } from './story-carousel.js';

declare global {
  interface HTMLElementTagNameMap {
    'prm-story-carousel': PrmStoryCarousel;
  }
}
