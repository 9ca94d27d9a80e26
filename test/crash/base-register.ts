import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../db/open.ts';
import { openSqliteRegister } from '../../db/register.ts';
import type { JournalLine } from './journal.ts';
import { checkJournal, emptyState, type RegisterState } from './journal-check.ts';
import type { TrialSetup } from './series.ts';
import { PREFIX_PLACEHOLDER, TRIAL_TODAY } from './workload.ts';

/**
 * A plain register holding `imports` imports of the template (made in this process, not
 * killed), with the checks' state of it: the starting point of trials that each work on a
 * copy. The state is taken by checking the register against a journal of those imports, so
 * the base is checked too; its problems are returned, not thrown.
 */
export async function plainBaseRegister(
  setup: TrialSetup,
  file: string,
  imports: number,
): Promise<{ state: RegisterState; problems: string[] }> {
  const register = openSqliteRegister({ file, migrationsFolder: setup.migrationsFolder, create: true });
  const lines: JournalLine[] = [];
  try {
    const template = fs.readFileSync(setup.importTemplate, 'utf8');
    for (let i = 1; i <= imports; i++) {
      const marker = `base${i}/`;
      const csv = path.join(path.dirname(file), `base${i}.csv`);
      fs.writeFileSync(csv, template.replaceAll(PREFIX_PLACEHOLDER, marker));
      const report = await register.interchange.import(
        csv,
        { format: 'csv', fileName: marker, dryRun: false, ignoreUnknownColumns: false },
        { name: 'base register', roles: ['clerk'] },
        { at: new Date().toISOString(), today: TRIAL_TODAY },
      );
      fs.rmSync(csv);
      if (!report.ok) throw new Error(`the base import was refused: ${JSON.stringify(report.problems[0])}`);
      lines.push({ t: 'done', op: 'import', marker, rows: setup.importRows, imported: report.imported });
    }
  } finally {
    register.close();
  }
  const opened = openDatabase({ file, migrationsFolder: setup.migrationsFolder });
  try {
    const verdict = checkJournal(opened.sqlite, emptyState(), lines);
    return { state: verdict.state, problems: verdict.problems };
  } finally {
    opened.close();
  }
}
