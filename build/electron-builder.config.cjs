// electron-builder configuration for `npm run dist` (which first builds better-sqlite3 for
// Electron's ABI into native/electron/ with scripts/native-electron.mjs --required).

/**
 * The fonts the PDF reports embed (db/reports/fonts.ts resolves the same paths; a test keeps
 * the two lists equal): regular and bold of each, with each package's font licence (the SIL
 * OFL asks that it travel with the fonts). The packages hold nine weights each (Noto Sans SC
 * alone is 95 MB); only these go into the app.
 */
const FONT_FILES = [
  '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
  '@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf',
  '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
];
const FONT_PACKAGES = [...new Set(FONT_FILES.map((f) => f.split('/').slice(0, 2).join('/')))];

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
    // The report fonts: only the files read, inside app.asar, where Electron's integrity check
    // covers them and fs reads them as pdfkit reads its own font metrics.
    '!node_modules/@expo-google-fonts/**',
    ...FONT_PACKAGES.flatMap((p) => [`node_modules/${p}/package.json`, `node_modules/${p}/LICENSE_FONT`]),
    ...FONT_FILES.map((f) => `node_modules/${f}`),
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
