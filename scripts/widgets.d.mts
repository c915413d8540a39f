import type { WidgetDeclaration } from '../widgets.config.mjs';
export function registrySource(widgets: WidgetDeclaration[]): string;
export function indexSource(current: string, widgets: WidgetDeclaration[]): string;
export function packageSource(current: string, widgets: WidgetDeclaration[], declared: WidgetDeclaration[]): string;
export function reserveCss(widgets: WidgetDeclaration[]): string;
export function docsIndexSource(current: string, widgets: WidgetDeclaration[]): string;
/** Every generated file: [path, current content, wanted content]. */
export function generated(root?: URL): [string, string, string][];
