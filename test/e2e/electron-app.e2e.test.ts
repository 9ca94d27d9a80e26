import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { electronBinary, nativeBindingPath, root } from '../../scripts/electron-binary.mjs';
import { E2E_PASSWORD, E2E_PEOPLE, screenshotPath } from './harness.ts';

// The desktop app itself needs the Electron binary and the Electron build of better-sqlite3.
// Where either is missing (machines without access to Electron's downloads), this test is
// skipped and says why; the same UI and API are driven in Chromium by register-slice.e2e.test.ts.
const binary = electronBinary();
const missing = !binary
  ? 'the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1)'
  : !fs.existsSync(nativeBindingPath)
    ? 'better-sqlite3 has not been built for Electron (node scripts/native-electron.mjs)'
    : null;
if (missing) console.warn(`Skipping the desktop launch test: ${missing}.`);

describe('the desktop app', () => {
  it.skipIf(missing !== null)(
    `opens its window on a new register${missing ? ` — skipped: ${missing}` : ''}`,
    async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mla-desk-electron-'));
      const app = await electron.launch({
        executablePath: binary ?? '',
        args: [root],
        env: { ...process.env, MLA_DESK_DATA_DIR: dataDir },
      });
      try {
        const window = await app.firstWindow();
        // A new register: its first run asks for the administrator, who is then signed in.
        await window.getByRole('heading', { name: 'Set up MLA Desk' }).waitFor();
        const admin = E2E_PEOPLE.administrator;
        await window.getByLabel('Sign-in name').fill(admin.username);
        await window.getByLabel(/^Name/).fill(admin.displayName);
        await window.getByLabel(/^Password(?! again)/).fill(E2E_PASSWORD);
        await window.getByLabel('Password again').fill(E2E_PASSWORD);
        await window.getByRole('button', { name: 'Create the administrator' }).click();
        // The register is encrypted with a key sealed by the system: the recovery passphrase next.
        await window.getByRole('button', { name: 'Make a recovery passphrase' }).click();
        await window.getByRole('checkbox', { name: /written it down/ }).check();
        await window.getByRole('button', { name: 'Continue to MLA Desk' }).click();
        await window.getByRole('button', { name: `Account of ${admin.displayName}` }).waitFor();
        expect(await window.title()).toBe('MLA Desk');
        expect(await window.evaluate('typeof window.mlaDesk.channels["requests.list"]')).toBe('function');
        expect(await window.evaluate('typeof require')).toBe('undefined');
        await window.screenshot({ path: screenshotPath('electron-register') });
        expect(fs.existsSync(path.join(dataDir, 'register.sqlite'))).toBe(true);
        expect(fs.existsSync(path.join(dataDir, 'register.key.sealed'))).toBe(true);
        expect(fs.readFileSync(path.join(dataDir, 'register.sqlite')).subarray(0, 15).toString('latin1')).not.toBe(
          'SQLite format 3',
        );
      } finally {
        await app.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
});
