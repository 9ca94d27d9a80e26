import { beforeEach, describe, expect, it } from 'vitest';
import type { Status } from '../../contract/codes.ts';
import type { TodayCard } from '../../contract/dashboard.ts';
import type { Register } from '../../db/register.ts';
import { seedRequest } from '../helpers/register-seed.ts';
import { ACTOR, CLOCK } from '../helpers/requests.ts';
import { tempRegister } from '../helpers/temp-register.ts';

/*
 * The office's day is CLOCK.today, 2026-03-10, with the default reminder settings:
 * acknowledgement 30 days, reply abroad 90, preservation warning 14, deadline warning 14.
 */
const ME = ACTOR.name;
let register: Register;

beforeEach(() => {
  register = tempRegister();
});

const counts = async () => (await register.dashboard.today(ME, CLOCK.today)).counts;
const count = async (card: TodayCard) => (await counts())[card];

/** An outgoing MLA request sent on `sentOn` (reviewed the same day). */
const sentOn = (sentOn: string, more: [Status, string][] = []) =>
  seedRequest(register, { direction: 'outgoing' }, [['under_review', sentOn], ['sent', sentOn], ...more]);

describe('the Today dashboard', () => {
  it('counts nothing on an empty register, and says it is empty', async () => {
    const today = await register.dashboard.today(ME, CLOCK.today);
    expect(today.total).toBe(0);
    expect(Object.values(today.counts)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(today).toMatchObject({
      today: '2026-03-10',
      me: ME,
      days: { acknowledgementDays: 30, replyAbroadDays: 90 },
    });
  });

  it('counts incoming requests still registered as new and not yet reviewed', async () => {
    await seedRequest(register);
    await seedRequest(register, {}, [['under_review', '2026-03-05']]);
    await seedRequest(register, { direction: 'outgoing' });
    expect(await count('unreviewed')).toBe(1);
  });

  it('counts an outgoing request as unacknowledged after more than the acknowledgement days, not on the day itself', async () => {
    await sentOn('2026-02-08'); // exactly 30 days ago
    expect(await count('waiting')).toBe(0);
    await sentOn('2026-02-07'); // 31 days ago
    expect(await count('waiting')).toBe(1);
  });

  it('counts a request abroad as waiting after more than the reply days without news', async () => {
    // Acknowledged (in execution abroad) exactly 90 days ago, then 91 days ago.
    await sentOn('2025-11-20', [['in_execution', '2025-12-10']]);
    expect(await count('waiting')).toBe(0);
    await sentOn('2025-11-20', [['in_execution', '2025-12-09']]);
    expect(await count('waiting')).toBe(1);
  });

  it('restarts the reply clock with a recorded event, but not with an internal note', async () => {
    const chased = await sentOn('2025-11-20', [['in_execution', '2025-12-01']]);
    const noted = await sentOn('2025-11-20', [['in_execution', '2025-12-01']]);
    expect(await count('waiting')).toBe(2);
    await register.requests.recordEvent(
      {
        id: chased.id,
        type: 'reminder_sent',
        on: '2026-01-05',
        note: null,
        preservedUntil: null,
        expectedVersion: chased.version,
      },
      ACTOR,
      CLOCK,
    );
    await register.requests.recordEvent(
      {
        id: noted.id,
        type: 'note',
        on: '2026-01-05',
        note: 'Called them',
        preservedUntil: null,
        expectedVersion: noted.version,
      },
      ACTOR,
      CLOCK,
    );
    expect(await count('waiting')).toBe(1);
  });

  it('counts incoming requests awaiting information from the requesting state, not outgoing ones the other side waits on us for', async () => {
    await seedRequest(register, { openedOn: '2025-10-30' }, [
      ['under_review', '2025-11-01'],
      ['awaiting_information', '2025-11-02'],
    ]);
    await sentOn('2025-10-01', [
      ['in_execution', '2025-10-15'],
      ['awaiting_information', '2025-11-02'],
    ]);
    expect(await count('waiting')).toBe(1);
  });

  it('counts preservations expiring from today to the warning day, without a follow-up', async () => {
    const preservation = (preservedUntil: string) =>
      seedRequest(register, { kind: 'preservation', preservedUntil }, [['in_execution', '2026-03-03']]);
    await preservation('2026-03-10'); // today
    const last = await preservation('2026-03-24'); // today + 14
    await preservation('2026-03-25'); // today + 15: not yet
    await preservation('2026-03-09'); // expired yesterday
    expect(await count('preservationExpiring')).toBe(2);

    const followUp = await seedRequest(register);
    await register.requests.link({ id: followUp.id, otherReference: last.reference, kind: 'follow_up' }, ACTOR, CLOCK);
    expect(await count('preservationExpiring')).toBe(1);
  });

  it('leaves out a preservation that was refused, and counts one only "related" to another request', async () => {
    const refused = await seedRequest(register, { kind: 'preservation', preservedUntil: '2026-03-12' }, [
      ['refused', '2026-03-04'],
    ]);
    const related = await seedRequest(register, { kind: 'preservation', preservedUntil: '2026-03-12' });
    const mla = await seedRequest(register);
    await register.requests.link({ id: mla.id, otherReference: related.reference, kind: 'related' }, ACTOR, CLOCK);
    expect(refused.status).toBe('refused');
    expect(await count('preservationExpiring')).toBe(1);
  });

  it('counts urgent requests that are still open', async () => {
    await seedRequest(register, { urgency: 'urgent' });
    await seedRequest(register, { urgency: 'urgent' }, [['refused', '2026-03-04']]);
    await seedRequest(register);
    expect(await count('urgent')).toBe(1);
  });

  it('counts counterpart deadlines from today to the warning day as close, and earlier ones as passed', async () => {
    for (const counterpartDeadline of ['2026-03-10', '2026-03-24', '2026-03-25', '2026-03-09', '2026-01-01']) {
      await seedRequest(register, { counterpartDeadline });
    }
    await seedRequest(register, { counterpartDeadline: '2026-03-01' }, [['refused', '2026-03-04']]);
    expect(await count('deadlineSoon')).toBe(2);
    expect(await count('overdue')).toBe(2);
  });

  it("counts the caller's own open requests", async () => {
    await seedRequest(register, { assignedTo: ME });
    await seedRequest(register, { assignedTo: ME }, [['refused', '2026-03-04']]);
    await seedRequest(register, { assignedTo: 'Someone Else' });
    expect(await count('mine')).toBe(1);
    expect((await register.dashboard.today('Someone Else', CLOCK.today)).counts.mine).toBe(1);
  });

  it("follows the office's settings when they change", async () => {
    await sentOn('2026-02-07'); // 31 days ago
    await seedRequest(register, { kind: 'preservation', preservedUntil: '2026-03-25' }); // today + 15
    await seedRequest(register, { counterpartDeadline: '2026-03-30' }); // today + 20
    expect(await counts()).toMatchObject({ waiting: 1, preservationExpiring: 0, deadlineSoon: 0 });
    await register.updateSettings(
      { acknowledgementDays: 31, preservationWarningDays: 15, deadlineWarningDays: 20 },
      ACTOR,
      CLOCK,
    );
    const today = await register.dashboard.today(ME, CLOCK.today);
    expect(today.counts).toMatchObject({ waiting: 0, preservationExpiring: 1, deadlineSoon: 1 });
    expect(today.days).toEqual({
      acknowledgementDays: 31,
      replyAbroadDays: 90,
      preservationWarningDays: 15,
      deadlineWarningDays: 20,
    });
  });
});
