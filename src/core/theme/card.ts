import { css } from 'lit';

/**
 * The layout every in-flow widget card shares: the host is a size container (so a widget's
 * container queries follow its own width, not the page's), the card fills the box the host
 * reserves (`min-block-size` set per widget from its `--prm-<tag>-block-size` token), and a
 * skeleton or state panel stretches to that box, so the loading, empty and error states have the
 * final size and nothing shifts when the content arrives. Floating widgets (the chat launcher)
 * do not use it: an inline-size container would collapse a box sized by its content.
 */
export const cardLayout = css`
  :host {
    container-type: inline-size;
  }
  .card {
    min-block-size: inherit;
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 4);
  }
  .card > .skeleton,
  .card > .state {
    flex: 1;
    min-block-size: 0;
  }
  h2,
  h3,
  h4,
  p {
    margin: 0;
  }
  .title {
    font-size: 1.35em;
    line-height: 1.25;
  }
`;

/**
 * Once shown (anything but the loading skeleton: PrmElement's `shown` state), the box reserved
 * while the widget loaded — the page's rule on the tag (README, "Embed it") or the widget's own
 * default — gives way to the content: a widget shorter than its reservation (another procedure,
 * none, another language) leaves no empty card below its content. `!important` in the shadow root
 * wins over the page's rule on the tag. A widget adopts it once its reserved box is measured to
 * equal its content for its README snippet at a phone's and a desktop's width (a reserve test):
 * then nothing moves for that snippet, while other markup shrinks to its content instead of
 * leaving an empty card.
 */
export const releaseReserve = css`
  :host(:state(shown)) {
    min-block-size: 0 !important;
  }
`;
