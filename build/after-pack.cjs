// afterPack hook: flips Electron's fuses on the packaged binary, turning off ways to run it
// as something other than MLA Desk (RunAsNode, NODE_OPTIONS, --inspect, loading an app from
// outside the signed asar, file: pages with extra privileges). A stand-in binary (the
// packaging test's) is left alone.
const fs = require('node:fs');
const path = require('node:path');

/** First bytes of real executables: ELF, PE ("MZ"), Mach-O (thin and fat, both byte orders). */
const EXECUTABLE_MAGIC = [
  [0x7f, 0x45, 0x4c, 0x46],
  [0x4d, 0x5a],
  [0xcf, 0xfa, 0xed, 0xfe],
  [0xce, 0xfa, 0xed, 0xfe],
  [0xfe, 0xed, 0xfa, 0xcf],
  [0xfe, 0xed, 0xfa, 0xce],
  [0xca, 0xfe, 0xba, 0xbe],
];

// builder-util's Arch enum values (context.arch is the number).
const ARCH_ARM64 = 3;
const ARCH_UNIVERSAL = 4;

function isRealExecutable(file) {
  let fd;
  try {
    fd = fs.openSync(file, 'r');
    const head = Buffer.alloc(4);
    fs.readSync(fd, head, 0, 4, 0);
    return EXECUTABLE_MAGIC.some((magic) => magic.every((byte, i) => head[i] === byte));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function binaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const name = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') {
    return path.join(appOutDir, `${name}.app`, 'Contents', 'MacOS', name);
  }
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${name}.exe`);
  return path.join(appOutDir, packager.executableName);
}

/** Loaded from where electron-builder itself resolves it, so the versions agree. */
function loadFuses() {
  const from = path.dirname(require.resolve('app-builder-lib/package.json'));
  return require(require.resolve('@electron/fuses', { paths: [from] }));
}

/** The fuse settings for a real binary (exported for the packaging test). */
function fuseConfig(context) {
  const { FuseVersion, FuseV1Options } = loadFuses();
  return {
    version: FuseVersion.V1,
    // Apple silicon refuses a binary whose ad-hoc signature no longer matches its bytes.
    resetAdHocDarwinSignature:
      context.electronPlatformName === 'darwin' && [ARCH_ARM64, ARCH_UNIVERSAL].includes(context.arch),
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    // The UI comes from app://, never file://: file: pages get no extra privileges.
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    // Every fuse this @electron/fuses knows is set here (test/build/fuses.test.ts holds it to
    // that). Not strictlyRequireAllFuses: Electron's own wire may be longer than this library
    // knows (WasmTrapHandlers came later), and those fuses keep Electron's defaults.
  };
}

async function afterPack(context) {
  const binary = binaryPath(context);
  if (!isRealExecutable(binary)) {
    console.log(
      `  • after-pack: ${path.basename(binary)} is not a real Electron executable (stand-in?); fuses not flipped`,
    );
    return;
  }
  // A real binary must get its fuses: if @electron/fuses is missing, fail the build rather than
  // ship an app that runs as plain Node on request. electron-builder's own helper flips them.
  await context.packager.addElectronFuses(context, fuseConfig(context));
  console.log(`  • after-pack: fuses flipped on ${path.basename(binary)}`);
}

exports.default = afterPack;
exports.isRealExecutable = isRealExecutable;
exports.fuseConfig = fuseConfig;
exports.binaryPath = binaryPath;
