// The main side's import ranks (DESIGN.md, Layout), lowest first. Shared by eslint.config.js and
// the rule's test so the test proves the configuration the project runs.
export const electronRanks = {
  root: 'electron',
  ranks: [
    ['util'],
    ['tar', 'compression', 'filetree'],
    ['cache', 'sources'],
    ['registry', 'stores'],
    ['image', 'files', 'history', 'sharing', 'compare', 'attestations', 'exports'],
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
  ],
}
