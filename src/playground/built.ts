/**
 * Where `npm run build` writes the playground's own page and its
 * google.script.run stand-in, for the server to serve as built: beside dist/,
 * which clasp pushes to Apps Script and which must not carry them.
 */
export const PLAYGROUND_DIST = 'dist-playground';
export const PAGE_FILE = 'index.html';
export const SHIM_FILE = 'shim.js';
