import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { LetterheadView, ValidSaveLetterhead } from '../../contract/letters.ts';
import { type Actor, recordAudit } from '../audit.ts';
import type { Clock } from '../clock.ts';
import { letterhead } from '../schema/index.ts';
import { readSettings } from '../settings.ts';
import type { Db, Queryable } from '../types.ts';
import type { ImageInfo } from './image.ts';

/** The letterhead with its logo's bytes, as the writers print it. */
export interface Letterhead extends LetterheadView {
  logoBytes: Buffer | null;
}

function addressOf(json: string): string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((l): l is string => typeof l === 'string') : [];
  } catch {
    // A hand-edited value that is not JSON: no address rather than no letter.
    return [];
  }
}

export function readLetterhead(db: Queryable, info: (bytes: Buffer) => ImageInfo | null): Letterhead {
  const officeName = readSettings(db).officeName;
  const row = db.select().from(letterhead).where(eq(letterhead.id, 1)).get();
  if (!row) return { officeName, addressLines: [], phone: null, email: null, logo: null, logoBytes: null };
  const image = row.logo ? info(row.logo) : null;
  return {
    officeName,
    addressLines: addressOf(row.addressLines),
    phone: row.phone,
    email: row.email,
    logo:
      row.logo && image && row.logoName
        ? {
            name: row.logoName,
            mediaType: image.mediaType,
            bytes: row.logo.length,
            width: image.width,
            height: image.height,
          }
        : null,
    logoBytes: row.logo && image ? row.logo : null,
  };
}

export const withoutLogoBytes = ({ logoBytes: _bytes, ...view }: Letterhead): LetterheadView => view;

/** A new logo, already read and checked by the caller (a PNG or JPEG within the size limit). */
export interface NewLogo {
  name: string;
  bytes: Buffer;
  mediaType: ImageInfo['mediaType'];
}

/**
 * Saves the letterhead's row (address, contacts, logo) in one transaction with its audit entry;
 * the office name is the `officeName` setting, one name for every letter and report.
 */
export function saveLetterhead(
  db: Db,
  input: ValidSaveLetterhead,
  logo: NewLogo | null,
  actor: Actor,
  clock: Clock,
): void {
  db.transaction(
    (tx) => {
      const row = tx.select().from(letterhead).where(eq(letterhead.id, 1)).get();
      const kept =
        input.logo.action === 'keep' && row?.logo && row.logoName && row.logoMediaType
          ? { logo: row.logo, logoName: row.logoName, logoMediaType: row.logoMediaType }
          : { logo: null, logoName: null, logoMediaType: null };
      const image = logo ? { logo: logo.bytes, logoName: logo.name, logoMediaType: logo.mediaType } : kept;
      const values = {
        addressLines: JSON.stringify(input.addressLines),
        phone: input.phone,
        email: input.email,
        ...image,
        updatedAt: clock.at,
        updatedBy: actor.name,
      };
      tx.insert(letterhead)
        .values({ id: 1, ...values })
        .onConflictDoUpdate({ target: letterhead.id, set: values })
        .run();
      recordAudit(tx, actor, clock.at, {
        action: 'letterhead.update',
        entity: 'letterhead',
        entityId: null,
        details: {
          addressLines: input.addressLines,
          phone: input.phone,
          email: input.email,
          logo: image.logo
            ? {
                name: image.logoName,
                bytes: image.logo.length,
                sha256: crypto.createHash('sha256').update(image.logo).digest('hex'),
              }
            : null,
        },
      });
    },
    { behavior: 'immediate' },
  );
}
