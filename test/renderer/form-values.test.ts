import { describe, expect, it } from 'vitest';
import {
  EMPTY_FORM,
  fromDetail,
  localPart,
  toFieldsInput,
  withOffset,
} from '../../renderer/src/screens/request/form-values.ts';
import { detail } from './fixtures.ts';

describe('identifier times in the request form', () => {
  it('writes a local time with the offset its zone had at that moment, across daylight-saving changes', () => {
    expect(withOffset('2026-01-15T10:15', 'Europe/Paris')).toBe('2026-01-15T10:15+01:00');
    expect(withOffset('2026-07-15T10:15', 'Europe/Paris')).toBe('2026-07-15T10:15+02:00');
    // The night the clocks go back, 03:30 is after the change in Paris.
    expect(withOffset('2026-10-25T03:30', 'Europe/Paris')).toBe('2026-10-25T03:30+01:00');
    expect(withOffset('2026-03-01T08:00:30', 'Asia/Kolkata')).toBe('2026-03-01T08:00:30+05:30');
    expect(withOffset('2026-03-01T08:00', 'UTC')).toBe('2026-03-01T08:00+00:00');
  });

  it('shows the stored local time with its seconds', () => {
    expect(localPart('2026-10-12T14:03:22Z')).toBe('2026-10-12T14:03:22');
    expect(localPart('2026-10-12T14:03+02:00')).toBe('2026-10-12T14:03');
    expect(localPart(null)).toBe('');
  });

  it('saves an untouched time exactly as it was stored, and a changed one with its offset', () => {
    const stored = detail({
      kind: 'disclosure',
      identifiers: [
        {
          type: 'ip_address',
          value: '203.0.113.7',
          fromAt: '2026-10-12T14:03:22Z',
          toAt: null,
          timeZone: 'UTC',
          note: null,
        },
      ],
    });
    const values = fromDetail(stored);
    expect(toFieldsInput(values).identifiers?.[0]?.fromAt).toBe('2026-10-12T14:03:22Z');
    const first = values.identifiers[0];
    if (!first) throw new Error('no identifier');
    const changed = { ...values, identifiers: [{ ...first, from: '2026-10-12T14:05:00' }] };
    expect(toFieldsInput(changed).identifiers?.[0]?.fromAt).toBe('2026-10-12T14:05:00+00:00');
  });

  it('leaves out what the kind does not use: provider and identifiers for MLA, preserved-until for others', () => {
    const input = toFieldsInput({
      ...EMPTY_FORM,
      kind: 'mla',
      serviceProvider: 'Example Mail',
      preservedUntil: '2026-06-01',
      identifiers: [{ type: 'email', value: 'a@example.org', from: '', to: '', timeZone: 'UTC', note: '' }],
    });
    expect(input).toMatchObject({ serviceProvider: '', preservedUntil: null, identifiers: [] });
  });
});
