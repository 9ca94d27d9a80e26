import { and, asc, eq } from 'drizzle-orm';
import { appError } from '../contract/errors.ts';
import { type SavedQuery, type SavedView, type ValidSaveView, savedQuerySchema } from '../contract/views.ts';
import { savedViews } from './schema/index.ts';
import type { Db, Queryable } from './types.ts';

/** Each person's saved views of the register; the owner is the caller's name. */
export interface ViewStore {
  list(owner: string): Promise<SavedView[]>;
  /** Saves under `name`, replacing the owner's view of that name if there is one. */
  save(owner: string, input: ValidSaveView, at: string): Promise<SavedView>;
  delete(owner: string, id: number): Promise<{ deleted: number }>;
}

/**
 * A stored query read leniently: a filter that this version no longer knows (or that a hand
 * edit broke) is dropped, rather than losing the whole view.
 */
function readQuery(json: string): SavedQuery {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return {};
  }
  if (typeof raw !== 'object' || raw === null) return {};
  const query: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const field = (savedQuerySchema.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>)[key];
    if (field?.safeParse(value).success) query[key] = value;
  }
  // Every key kept passed its own field's schema.
  return query as SavedQuery;
}

function toView(row: typeof savedViews.$inferSelect): SavedView {
  return { id: row.id, name: row.name, query: savedQuerySchema.parse(readQuery(row.query)), createdAt: row.createdAt };
}

function listViews(db: Queryable, owner: string): SavedView[] {
  return db
    .select()
    .from(savedViews)
    .where(eq(savedViews.owner, owner))
    .orderBy(asc(savedViews.name), asc(savedViews.id))
    .all()
    .map(toView);
}

function saveView(db: Db, owner: string, input: ValidSaveView, at: string): SavedView {
  return db.transaction(
    (tx) => {
      const query = JSON.stringify(input.query);
      const same = and(eq(savedViews.owner, owner), eq(savedViews.name, input.name));
      const existing = tx.select().from(savedViews).where(same).get();
      const row = existing
        ? tx.update(savedViews).set({ query }).where(eq(savedViews.id, existing.id)).returning().get()
        : tx.insert(savedViews).values({ name: input.name, query, owner, createdAt: at }).returning().get();
      return toView(row);
    },
    { behavior: 'immediate' },
  );
}

function deleteView(db: Queryable, owner: string, id: number): { deleted: number } {
  const result = db
    .delete(savedViews)
    .where(and(eq(savedViews.id, id), eq(savedViews.owner, owner)))
    .run();
  if (result.changes === 0) throw appError('not_found', 'view.notFound');
  return { deleted: result.changes };
}

export function sqliteViewStore(db: Db): ViewStore {
  return {
    list: async (owner) => listViews(db, owner),
    save: async (owner, input, at) => saveView(db, owner, input, at),
    delete: async (owner, id) => deleteView(db, owner, id),
  };
}
