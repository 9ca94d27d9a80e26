import { describe, expect, it } from 'vitest';
import { formatReference } from '../../contract/reference-pattern.ts';
import { DEFAULT_REFERENCE_PATTERN, referencePatternSchema } from '../../contract/settings.ts';
import { formatReference as allocatorsFormat } from '../../db/references.ts';

describe('formatReference (shared by the settings preview and the allocator)', () => {
  it('is the very function the database uses to allocate references', () => {
    expect(allocatorsFormat).toBe(formatReference);
  });

  it('fills every placeholder of the default pattern', () => {
    expect(
      formatReference(DEFAULT_REFERENCE_PATTERN, { kind: 'preservation', direction: 'outgoing', year: 2026, seq: 7 }),
    ).toBe('PRE-OUT-2026-00007');
  });

  it('pads the running number to the width the pattern asks for, or not at all', () => {
    const parts = { kind: 'emergency_disclosure', direction: 'incoming', year: 2027, seq: 42 } as const;
    expect(formatReference('{YYYY}/{KIND}.{DIR}/{SEQ:4}', parts)).toBe('2027/EDR.IN/0042');
    expect(formatReference('{KIND}{DIR}{YYYY}-{SEQ}', parts)).toBe('EDRIN2027-42');
  });

  it('keeps the text around the placeholders as typed', () => {
    expect(
      formatReference('CA/{KIND}-{DIR} {SEQ:2} ({YYYY})', { kind: 'mla', direction: 'incoming', year: 2026, seq: 3 }),
    ).toBe('CA/MLA-IN 03 (2026)');
  });

  it('is only offered patterns that keep references unique', () => {
    expect(referencePatternSchema.safeParse('{KIND}-{YYYY}-{SEQ}').success).toBe(false);
    expect(referencePatternSchema.safeParse('{KIND}-{DIR}-{YYYY}').success).toBe(false);
    expect(referencePatternSchema.safeParse('{KIND}-{DIR}-{YYYY}-{SEQ:3}').success).toBe(true);
  });
});
