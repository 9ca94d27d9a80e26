import { beforeEach, describe, expect, it } from 'vitest';
import { TODAY_CARDS, todayQuery } from '../../contract/dashboard.ts';
import { listQuerySchema } from '../../contract/requests.ts';
import { validateInput } from '../../contract/validate.ts';
import type { Register } from '../../db/register.ts';
import { listedIds, seedRequest } from '../helpers/register-seed.ts';
import { ACTOR, CLOCK, listQuery } from '../helpers/requests.ts';
import { tempRegister } from '../helpers/temp-register.ts';

/*
 * One register for every test here (today is 2026-03-10, default reminder settings):
 *   1 incoming MLA, registered, opened 03-02, UNTOC, fraud (07), urgent, Amina Clerk,
 *     Parquet de Paris, case 2026/117, party "Jean Dupont", deadline 03-20
 *   2 incoming MLA, under review, opened 02-15, Budapest, cyber fraud (07 + 11), Paul Officer
 *   3 incoming preservation, in execution, opened 03-01, preserved until 03-15 (expiring)
 *   4 outgoing MLA, sent 2026-01-05 (unacknowledged for 64 days), drugs (06), deadline 03-01
 *   5 outgoing disclosure, draft (never opened), party "Żaneta Kowalska"
 *   6 incoming MLA, refused, opened 2025-11-14, urgent, deadline 2026-01-01 (closed: not overdue)
 */
let register: Register;

beforeEach(async () => {
  register = tempRegister();
  await seedRequest(register, {
    legalBasis: 'untoc',
    offences: ['07'],
    urgency: 'urgent',
    assignedTo: 'Amina Clerk',
    domesticAuthority: 'Parquet de Paris',
    domesticReference: '2026/117',
    counterpartDeadline: '2026-03-20',
    parties: [{ role: 'suspect', name: 'Jean Dupont' }],
  });
  await seedRequest(
    register,
    { openedOn: '2026-02-15', legalBasis: 'budapest', offences: ['11', '07'], assignedTo: 'Paul Officer' },
    [['under_review', '2026-02-16']],
  );
  await seedRequest(register, { kind: 'preservation', openedOn: '2026-03-01', preservedUntil: '2026-03-15' }, [
    ['in_execution', '2026-03-01'],
  ]);
  await seedRequest(register, { direction: 'outgoing', offences: ['06'], counterpartDeadline: '2026-03-01' }, [
    ['under_review', '2026-01-05'],
    ['sent', '2026-01-05'],
  ]);
  await seedRequest(register, {
    direction: 'outgoing',
    kind: 'disclosure',
    parties: [{ role: 'account_holder', name: 'Żaneta Kowalska' }],
  });
  await seedRequest(register, { openedOn: '2025-11-14', urgency: 'urgent', counterpartDeadline: '2026-01-01' }, [
    ['refused', '2025-12-01'],
  ]);
});

const ids = (query: Parameters<typeof listQuery>[0]) => listedIds(register, listQuery(query));

describe('register list filters', () => {
  it('filters by legal basis', async () => {
    expect(await ids({ legalBasis: 'untoc' })).toEqual([1]);
    expect(await ids({ legalBasis: 'reciprocity' })).toEqual([]);
  });

  it('filters by an ICCS section among several offences', async () => {
    expect(await ids({ offence: '07' })).toEqual([1, 2]);
    expect(await ids({ offence: '11' })).toEqual([2]);
    expect(await ids({ offence: '01' })).toEqual([]);
  });

  it('filters by urgency', async () => {
    expect(await ids({ urgency: 'urgent' })).toEqual([1, 6]);
    expect(await ids({ urgency: 'urgent', state: 'open' })).toEqual([1]);
    expect(await ids({ urgency: 'normal' })).toEqual([2, 3, 4, 5]);
  });

  it('filters by officer and by domestic authority, exactly', async () => {
    expect(await ids({ assignedTo: 'Paul Officer' })).toEqual([2]);
    expect(await ids({ assignedTo: 'Paul' })).toEqual([]);
    expect(await ids({ domesticAuthority: 'Parquet de Paris' })).toEqual([1]);
  });

  it('filters by opening date, both ends included, leaving out drafts that were never opened', async () => {
    expect(await ids({ openedFrom: '2026-03-01' })).toEqual([1, 3]);
    expect(await ids({ openedTo: '2026-02-15' })).toEqual([2, 4, 6]);
    expect(await ids({ openedFrom: '2026-02-15', openedTo: '2026-03-01' })).toEqual([2, 3]);
  });

  it('filters what needs attention', async () => {
    expect(await ids({ due: 'unreviewed' })).toEqual([1]);
    expect(await ids({ due: 'waiting' })).toEqual([4]);
    expect(await ids({ due: 'preservationExpiring' })).toEqual([3]);
    expect(await ids({ due: 'deadlineSoon' })).toEqual([1]);
    expect(await ids({ due: 'overdue' })).toEqual([4]);
  });

  it('finds the domestic case number and the names of persons concerned, diacritics included', async () => {
    expect(await ids({ text: '2026/117' })).toEqual([1]);
    expect(await ids({ text: 'dupont' })).toEqual([1]);
    expect(await ids({ text: 'Żaneta' })).toEqual([5]);
    expect(await ids({ text: 'Kowal' })).toEqual([5]);
  });

  it('combines every filter with AND', async () => {
    expect(await ids({ offence: '07', urgency: 'urgent', direction: 'incoming', text: 'Dupont' })).toEqual([1]);
    expect(await ids({ offence: '07', assignedTo: 'Amina Clerk', due: 'waiting' })).toEqual([]);
  });

  it('names the field of a bad filter', () => {
    const reply = validateInput('requests.list', { offence: '12', openedFrom: '2026-02-30', due: 'soon' });
    expect(reply.ok).toBe(false);
    const fields = reply.ok ? [] : (reply.error.fields ?? []).map((f) => f.field);
    expect(fields.sort()).toEqual(['due', 'offence', 'openedFrom']);
  });
});

describe('the dashboard and the list share their rules', () => {
  it('counts on each card exactly the requests its list shows', async () => {
    const today = await register.dashboard.today(ACTOR.name, CLOCK.today);
    for (const card of TODAY_CARDS) {
      const list = await register.requests.list(listQuerySchema.parse(todayQuery(card, ACTOR.name)), CLOCK.today);
      expect({ card, count: today.counts[card] }).toEqual({ card, count: list.total });
    }
    expect(today.counts).toEqual({
      unreviewed: 1,
      waiting: 1,
      preservationExpiring: 1,
      urgent: 1,
      deadlineSoon: 1,
      overdue: 1,
      mine: 1,
    });
  });

  it('dates the due filters by the day given, so tomorrow another request is late', async () => {
    expect(await ids({ due: 'overdue' })).toEqual([4]);
    const tomorrow = await register.requests.list(listQuery({ due: 'overdue' }), '2026-03-21');
    expect(tomorrow.rows.map((r) => r.id).sort()).toEqual([1, 4]);
  });
});
