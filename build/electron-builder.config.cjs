// electron-builder configuration for `npm run dist` (which first builds better-sqlite3 for
// Electron's ABI into native/electron/ with scripts/native-electron.mjs --required).

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'org.mladesk.desk',
  productName: 'MLA Desk',
  executableName: 'mla-desk',
  copyright: 'MLA Desk',
  directories: { output: 'release', buildResources: 'build' },
  files: [
    'dist/**',
    'migrations/**',
    'native/electron/**',
    'package.json',
    // electron-builder adds the production dependencies (only better-sqlite3); ship its
    // compiled module and JavaScript, not the SQLite sources or build intermediates.
    '!node_modules/better-sqlite3/deps/**',
    '!node_modules/better-sqlite3/src/**',
    '!node_modules/better-sqlite3/build/**',
    'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
    // Source maps and sources stay out of the package (build scripts emit maps for development).
    '!**/*.{md,markdown,ts,map,gyp,gypi,cc,h,c}',
  ],
  asar: true,
  // Native modules cannot be loaded from inside an archive.
  asarUnpack: ['**/*.node'],
  // CRITICAL: electron-builder's own rebuild recompiles better-sqlite3 in place against
  // Node's headers, producing a package that crashes inside Electron. The Electron build
  // comes from scripts/native-electron.mjs instead.
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  afterPack: './build/after-pack.cjs',
  win: { target: ['nsis'] },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  linux: { target: ['AppImage', 'deb'], category: 'Office', maintainer: 'MLA Desk <mla-desk@invalid>' },
  mac: { target: ['dmg'], category: 'public.app-category.productivity' },
};
