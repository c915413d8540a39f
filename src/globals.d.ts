/** Replaced at build time with package.json's version (vite `define`, test runner plugin). */
declare const __PRM_VERSION__: string;
