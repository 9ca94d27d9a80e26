import type { Register } from '../../db/register.ts';
import { seedRequest } from './register-seed.ts';
import { ACTOR, CLOCK } from './requests.ts';

/**
 * A register as offices abroad fill it: Arabic, Chinese and Cyrillic names beside Latin
 * references and IP addresses, for the exports in the six languages.
 */
export const OFFICE = 'السلطة المركزية · 中央机关 · Central Authority';
export const AUTHORITY = 'النيابة العامة في الرياض';
export const OFFICERS = { arabic: 'محمد بن عبد الله', chinese: '张伟', cyrillic: 'Дмитрий Иванов' } as const;
export const IP = '192.168.10.25';
export const NOTES = {
  arabic: `طُلب حفظ سجلات العنوان ${IP} لدى مزود الخدمة`,
  chinese: '请求保存IP地址10.0.0.7的访问日志，并提供用户资料',
  cyrillic: 'Запрос о сохранении журналов IP 203.0.113.5',
} as const;

/** Four requests of AUTHORITY opened in 2026 (three open, one refused), with a note each. */
export async function seedMixedRegister(register: Register): Promise<void> {
  await register.updateSettings({ officeName: OFFICE }, ACTOR, CLOCK);
  const note = async (id: number, version: number, text: string) =>
    register.requests.recordEvent(
      { id, type: 'note', on: '2026-03-05', note: text, preservedUntil: null, expectedVersion: version },
      ACTOR,
      CLOCK,
    );
  const arabic = await seedRequest(
    register,
    {
      domesticAuthority: AUTHORITY,
      assignedTo: OFFICERS.arabic,
      counterpartCountry: 'SA',
      counterpartReference: 'SA-2026/0042',
      domesticReference: 'ق-2026/17',
      openedOn: '2026-02-01',
    },
    [['under_review', '2026-02-03']],
  );
  await note(arabic.id, arabic.version, NOTES.arabic);
  const chinese = await seedRequest(register, {
    direction: 'outgoing',
    domesticAuthority: AUTHORITY,
    assignedTo: OFFICERS.chinese,
    counterpartCountry: 'CN',
    counterpartReference: 'BJ-2026-0815',
    openedOn: '2026-02-10',
  });
  await note(chinese.id, chinese.version, NOTES.chinese);
  const cyrillic = await seedRequest(register, {
    domesticAuthority: AUTHORITY,
    assignedTo: OFFICERS.cyrillic,
    counterpartCountry: 'RU',
    counterpartReference: 'RU/77-2026',
    urgency: 'urgent',
    openedOn: '2026-02-15',
  });
  await note(cyrillic.id, cyrillic.version, NOTES.cyrillic);
  await seedRequest(
    register,
    { domesticAuthority: AUTHORITY, assignedTo: OFFICERS.arabic, counterpartCountry: 'FR', openedOn: '2026-01-20' },
    [['refused', '2026-03-01']],
  );
}
