/**
 * Tag → chunk. The loader imports a widget's chunk only when its tag first appears in the page.
 * Each widget issue adds its line here.
 */
export const WIDGETS: Record<string, () => Promise<unknown>> = {
  'prm-quote-calculator': () => import('./quote-calculator/define.js'),
};
