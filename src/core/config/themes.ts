export const THEMES = ['light', 'dark', 'auto'] as const;
export type ThemeMode = (typeof THEMES)[number];
