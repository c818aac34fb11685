// The main side's import ranks (DESIGN.md, Layout), lowest first. Shared by eslint.config.js and
// the rule's test so the test proves the configuration the project runs.
export const electronRanks = {
  root: 'electron',
  ranks: [
    ['util'],
    ['tar', 'compression', 'filetree'],
    ['cache', 'sources'],
    ['registry', 'stores'],
    ['image', 'files', 'history', 'sharing', 'compare'],
    ['api'],
    ['app'],
    ['shell', 'web'],
    ['.'],
  ],
  peers: 'deny',
  allow: [
    // Features do not import each other except these arrows (DESIGN.md).
    ['compare', 'files'],
    ['sharing', 'image'],
    // Compare words a config's history steps the way the graph does (image/layerHistory).
    ['compare', 'image'],
    // A feature's handlers.ts is written against api/'s handler types, argument readers and
    // Services (DESIGN.md puts handlers.ts in the feature and the table in api/).
    ['image', 'api'],
    ['files', 'api'],
    ['history', 'api'],
    ['sharing', 'api'],
    ['compare', 'api'],
    // Detecting an uncompressed layer checks tar header magic; the sparse-file sink is a tar
    // entry sink (tar/ imports neither back).
    ['compression', 'tar'],
    // The desktop's renderer protocol serves the same static files under the same CSP as web mode.
    ['shell', 'web'],
  ],
}
