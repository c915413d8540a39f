import { css } from 'lit';

/**
 * Pills: a row of radio or checkbox choices drawn as rounded buttons (`<label class="pill"><input
 * type="radio"><span>…</span></label>`). The input stays the whole pill's hit area (≥ the 24 px
 * target) and keeps the keyboard and screen-reader behaviour of a native radio group; the span
 * shows the checked and focused states. Shared by the form layer and any widget's first view
 * (the quote calculator's specialty chips), so it lives in the runtime, not the lazy form chunk.
 */
export const pillStyles = css`
  .pill {
    position: relative;
    display: inline-flex;
  }
  .pill input {
    position: absolute;
    opacity: 0;
    inset: 0;
    margin: 0;
    inline-size: 100%;
    block-size: 100%;
    cursor: pointer;
  }
  .pill span {
    display: inline-flex;
    align-items: center;
    min-block-size: var(--_target);
    padding-inline: calc(var(--_space) * 4);
    border: 1px solid var(--_outline);
    border-radius: 999px;
    background: var(--_surface);
  }
  .pill input:checked + span {
    background: var(--_primary);
    border-color: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
  }
  .pill input:focus-visible + span {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }
`;
