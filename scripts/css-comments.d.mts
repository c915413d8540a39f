/** Drops the comments inside `css` tagged templates of a source file, keeping every line. */
export function stripCssComments(code: string): string;
