import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { auditEntryHash, GENESIS_HASH } from '../../db/audit-chain.ts';
import { verifyAuditChain, verifyAuditChainGently } from '../../db/audit-verify.ts';
import { openDatabase } from '../../db/open.ts';
import { openSqliteRegister } from '../../db/register.ts';
import { dropAuditGuards } from '../helpers/audit-trail.ts';
import { ACTOR, CLOCK, newRequest } from '../helpers/requests.ts';
import { MIGRATIONS, tempDir } from '../helpers/temp-register.ts';

const LENGTH = 12_345;

/** A register whose log holds `count` well-chained entries (written directly: the app would take minutes). */
function longLog(count: number): { file: string; sqlite: Database.Database; close: () => void } {
  const file = path.join(tempDir(), 'register.sqlite');
  const opened = openDatabase({ file, migrationsFolder: MIGRATIONS, create: true });
  const insert = opened.sqlite.prepare(
    `INSERT INTO audit_log (id, at, actor, action, entity, entity_id, details, prev_hash, hash)
     VALUES (@id, @at, @actor, @action, @entity, @entityId, @details, @prevHash, @hash)`,
  );
  opened.sqlite.transaction(() => {
    let prevHash = GENESIS_HASH;
    for (let id = 1; id <= count; id++) {
      const content = {
        id,
        at: CLOCK.at,
        actor: ACTOR.name,
        action: 'request.update',
        entity: 'request',
        entityId: id,
        details: JSON.stringify({ n: id }),
        prevHash,
      };
      prevHash = auditEntryHash(content);
      insert.run({ ...content, hash: prevHash });
    }
  })();
  return { file, sqlite: opened.sqlite, close: opened.close };
}

describe('a log longer than one slice of the check', () => {
  it('verifies, the gentle way giving the event loop back between slices', async () => {
    const log = longLog(LENGTH);
    try {
      let ticked = false;
      setImmediate(() => (ticked = true));
      const gentle = await verifyAuditChainGently(log.sqlite);
      expect(ticked).toBe(true);
      expect(gentle).toMatchObject({ ok: true, entries: LENGTH });
      expect(verifyAuditChain(log.sqlite)).toEqual(gentle);
    } finally {
      log.close();
    }
  });

  it('names a broken entry deep in the log, in a later slice', () => {
    const log = longLog(LENGTH);
    try {
      dropAuditGuards(log.sqlite);
      log.sqlite.exec('UPDATE audit_log SET details = \'{"n":0}\' WHERE id = 10007');
      expect(verifyAuditChain(log.sqlite).firstBroken).toMatchObject({ id: 10_007, reason: 'content_changed' });
    } finally {
      log.close();
    }
  });

  it('takes an entry the app appends during the check for what it is, not for a gap', async () => {
    const log = longLog(LENGTH);
    const register = openSqliteRegister({ file: log.file, migrationsFolder: MIGRATIONS });
    try {
      const checking = verifyAuditChainGently(log.sqlite);
      // Runs between the first slices: the check has started and not finished.
      await new Promise((resolve) => setImmediate(resolve));
      await register.requests.register(newRequest(), ACTOR, CLOCK);
      expect(await checking).toMatchObject({ ok: true, entries: LENGTH + 1 });
    } finally {
      register.close();
      log.close();
    }
  });
});
