import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The fuses the packaged app gets (build/after-pack.cjs), checked against the fuse list of the
 * @electron/fuses that electron-builder uses: each one decided, and decided the safe way. The
 * packaging test (packaging.test.ts) checks that the hook hands them to electron-builder.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const hook = require(path.join(ROOT, 'build', 'after-pack.cjs')) as {
  fuseConfig(context: { electronPlatformName: string; arch: number }): Record<string, unknown>;
};
const { FuseV1Options } = require(
  require.resolve('@electron/fuses', { paths: [path.dirname(require.resolve('app-builder-lib/package.json'))] }),
) as { FuseV1Options: Record<string, number | string> };

/** The fuse names of FuseV1Options (a TypeScript enum: names map to numbers and back). */
const FUSES = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k)));

const SAFE: Record<string, boolean> = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: false,
};

describe('the fuses of the packaged app', () => {
  it.each([
    ['linux', 1],
    ['win32', 1],
    ['darwin', 3],
  ])('decides every fuse the library knows, the safe way (%s)', (platform, arch) => {
    const config = hook.fuseConfig({ electronPlatformName: platform, arch });
    const decided = Object.fromEntries(FUSES.map((name) => [name, config[String(FuseV1Options[name])]]));
    // A fuse added by an upgrade of @electron/fuses shows up here undecided, and fails.
    expect(decided).toEqual(SAFE);
    expect(config['resetAdHocDarwinSignature']).toBe(platform === 'darwin' && arch === 3);
  });
});
