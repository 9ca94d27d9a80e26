import { desc, eq } from 'drizzle-orm';
import { appError } from '../../contract/errors.ts';
import {
  STATISTICS_DEFINITIONS,
  type StatisticsSnapshot,
  type ValidFreezeStatistics,
  yearFiguresSchema,
} from '../../contract/statistics.ts';
import { type Actor, recordAudit } from '../audit.ts';
import type { Clock } from '../clock.ts';
import { statisticsSnapshots } from '../schema/index.ts';
import type { Db, Queryable } from '../types.ts';
import { yearFigures } from './figures.ts';

type SnapshotRow = typeof statisticsSnapshots.$inferSelect;

function toSnapshot(row: SnapshotRow): StatisticsSnapshot {
  return {
    id: row.id,
    year: row.year,
    label: row.label,
    definitions: row.definitions,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    // Written by freezeYear from validated figures; parsed again so a hand-edited file cannot
    // hand the screen something else.
    figures: yearFiguresSchema.parse(JSON.parse(row.figures)),
  };
}

/** Freezes the year's figures as they are now, in the same transaction that computes them. */
export function freezeYear(db: Db, input: ValidFreezeStatistics, actor: Actor, clock: Clock): StatisticsSnapshot {
  return db.transaction(
    (tx) => {
      const figures = yearFigures(tx, input.year);
      const row = tx
        .insert(statisticsSnapshots)
        .values({
          year: input.year,
          label: input.label,
          figures: JSON.stringify(figures),
          definitions: STATISTICS_DEFINITIONS,
          createdAt: clock.at,
          createdBy: actor.name,
        })
        .returning()
        .get();
      recordAudit(tx, actor, clock.at, {
        action: 'statistics.freeze',
        entity: 'statistics_snapshot',
        entityId: row.id,
        details: { year: input.year, label: input.label, definitions: STATISTICS_DEFINITIONS },
      });
      return toSnapshot(row);
    },
    { behavior: 'immediate' },
  );
}

/** The snapshots of a year, newest first. */
export function snapshotsOf(db: Queryable, year: number): StatisticsSnapshot[] {
  return db
    .select()
    .from(statisticsSnapshots)
    .where(eq(statisticsSnapshots.year, year))
    .orderBy(desc(statisticsSnapshots.createdAt), desc(statisticsSnapshots.id))
    .all()
    .map(toSnapshot);
}

export function snapshotById(db: Queryable, id: number): StatisticsSnapshot {
  const row = db.select().from(statisticsSnapshots).where(eq(statisticsSnapshots.id, id)).get();
  if (!row) throw appError('not_found', 'statistics.snapshotNotFound', { id });
  return toSnapshot(row);
}
