import { eq } from 'drizzle-orm';
import { FIELDS_NOT_INTERCHANGED, type RequestFields } from '../../contract/request-fields.ts';
import { requestDrafting } from '../schema/index.ts';
import type { Queryable } from '../types.ts';

/** What a formal request states besides the register's own columns (db/schema/drafting.ts). */
export type DraftingFields = Pick<RequestFields, keyof typeof FIELDS_NOT_INTERCHANGED>;

const KEYS = Object.keys(FIELDS_NOT_INTERCHANGED) as (keyof DraftingFields)[];

/** A request's drafting fields; a request without a row (imported, or never drafted) has none. */
export function draftingFieldsOf(db: Queryable, requestId: number): DraftingFields {
  const row = db.select().from(requestDrafting).where(eq(requestDrafting.requestId, requestId)).get();
  if (!row) return { ...FIELDS_NOT_INTERCHANGED };
  const { requestId: _id, ...fields } = row;
  return fields;
}

/** Writes a request's drafting fields: one row while it has any, none once they are all empty. */
export function writeDraftingFields(tx: Queryable, requestId: number, fields: RequestFields): void {
  const values = Object.fromEntries(KEYS.map((k) => [k, fields[k]])) as DraftingFields;
  if (KEYS.every((k) => values[k] === FIELDS_NOT_INTERCHANGED[k])) {
    tx.delete(requestDrafting).where(eq(requestDrafting.requestId, requestId)).run();
    return;
  }
  tx.insert(requestDrafting)
    .values({ requestId, ...values })
    .onConflictDoUpdate({ target: requestDrafting.requestId, set: values })
    .run();
}
