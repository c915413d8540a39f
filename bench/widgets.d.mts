import type { MicroBenchmark } from '../widgets.config.mjs';
/** The benchmark's view of one widget (see bench/widgets.mjs). */
export interface BenchWidget {
  name: string;
  tag: string;
  snippet: string;
  ready: string;
  readyAfterInteraction?: true;
  floating?: true;
  box?: string;
  interact?: string | null;
  micro?: MicroBenchmark[];
  targets?: NonNullable<import('../widgets.config.mjs').WidgetDeclaration['bench']['targets']>;
}
export const WIDGETS: BenchWidget[];
