import { describe, expect, it } from 'vitest';
import { dispatch } from '../../api/dispatch.ts';
import { createApiHost } from '../../api/host.ts';
import { ROLES } from '../../contract/roles.ts';
import { openSqliteRegister } from '../../db/register.ts';
import { dropAuditGuards, registerWithAuditTrail } from '../helpers/audit-trail.ts';
import { withRaw } from '../helpers/sqlite-files.ts';
import { CLERK, MIGRATIONS, testContext } from '../helpers/temp-register.ts';

describe('app.integrity', () => {
  it.each(ROLES)('answers a %s with the audit chain as checked at opening', async (role) => {
    const file = await registerWithAuditTrail();
    const register = openSqliteRegister({ file, migrationsFolder: MIGRATIONS });
    try {
      const reply = await dispatch('app.integrity', {}, testContext({ register, caller: { ...CLERK, roles: [role] } }));
      expect(reply).toMatchObject({ ok: true, value: { ok: true, legacyThrough: 0 } });
    } finally {
      register.close();
    }
  });

  it('names the first broken entry, and the host logs it when it opens the register', async () => {
    const file = await registerWithAuditTrail();
    withRaw(file, (db) => {
      dropAuditGuards(db);
      db.exec('UPDATE audit_log SET entity_id = 42 WHERE id = 2');
    });
    const logged: string[] = [];
    const host = createApiHost({
      databaseFile: file,
      migrationsFolder: MIGRATIONS,
      app: { name: 'MLA Desk', version: '0.0.0-test' },
      log: (message) => logged.push(message),
    });
    try {
      const report = await host.register.auditChain();
      expect(report.firstBroken).toMatchObject({ id: 2, reason: 'content_changed' });
      expect(logged).toEqual([
        "The audit log's hash chain is broken: entry 2 was changed after it was written (its content no longer matches its hash).",
      ]);
      const reply = await dispatch('app.integrity', {}, testContext({ register: host.register }));
      expect(reply).toMatchObject({ ok: true, value: { ok: false, firstBroken: { id: 2 } } });
    } finally {
      host.close();
    }
  });
});
