export interface SizeCheck {
  name: string;
  path: string | string[];
  gzip: true;
  limit: string;
}
export interface NamedBudget {
  name: string;
  file: string;
  budget: number;
  kind: 'loader' | 'runtime' | 'widget' | 'lazy' | 'shared-lazy' | 'locale' | 'other';
  widget?: string;
}
export function namedBudgets(root?: URL): NamedBudget[];
export function sizeChecks(opts?: { root?: URL; dist?: string }): SizeCheck[];
export function coverage(opts?: { root?: URL; dist?: string }): { file: string; checks: string[] }[];
export function measure(opts?: { root?: URL; dist?: string }): { name: string; files: number; size: number; limit: number }[];
