/**
 * The SDK's default colours, `[light, dark]` per token (`--prm-color-<name>`). Every text pair
 * meets WCAG 2.2 AA (4.5:1) and every UI pair 3:1 in both modes (tested in test/core/theme.test.ts).
 * Kept apart from the CSS so the server can resolve a clinic's theme against the same values.
 */
export const colorTokens = {
  primary: ['#0b5f5a', '#6fd6cc'],
  'on-primary': ['#ffffff', '#06211f'],
  surface: ['#ffffff', '#161a1e'],
  'on-surface': ['#1b2126', '#e9edf0'],
  'surface-variant': ['#f1f4f5', '#22282d'],
  'on-surface-variant': ['#46525c', '#b4bec6'],
  outline: ['#737f89', '#7d8992'],
  'outline-variant': ['#d5dce1', '#353d44'],
  error: ['#b3261e', '#ffb4ab'],
  'on-error': ['#ffffff', '#3a0905'],
  success: ['#1d6b35', '#8bd9a0'],
  focus: ['#1a56db', '#8ab4ff'],
} as const;

export type ColorToken = keyof typeof colorTokens;
