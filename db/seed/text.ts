import type { Random } from './random.ts';
import { ENTITIES, FAMILY_NAMES, GIVEN_NAMES, type Script } from './vocabulary.ts';

const SCRIPTS: readonly Script[] = ['latin', 'arabic', 'cyrillic', 'chinese'];

/** A person's name in a script: Chinese names run family name first with no space. */
export function personName(rnd: Random, script: Script): string {
  const given = rnd.pick(GIVEN_NAMES[script]);
  const family = rnd.pick(FAMILY_NAMES[script]);
  return script === 'chinese' ? `${family}${given}` : `${given} ${family}`;
}

/**
 * A short summary of the facts naming the persons (and sometimes an entity) concerned; the
 * interchange format has no parties column, so the names live in the summary. Most names are
 * in the counterpart state's script, some in another (mixed registers are the norm).
 */
export function summaryOf(rnd: Random, script: Script, offence: string): string {
  const people = Array.from({ length: rnd.int(1, 3) }, () =>
    personName(rnd, rnd.chance(0.7) ? script : rnd.pick(SCRIPTS)),
  );
  const entity = rnd.chance(0.3) ? ` and the company ${rnd.pick(ENTITIES)}` : '';
  return `${offence}: investigation concerning ${people.join(', ')}${entity}.`;
}
