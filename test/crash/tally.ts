import type { Phase } from './journal-check.ts';
import type { TrialResult } from './series.ts';

/** The figures the kill trials report: how many ran and survived, where the kills landed. */
export class Tally {
  trials = 0;
  survived = 0;
  encrypted = 0;
  series = 0;
  verifiedWrites = 0;
  refused = 0;
  readonly returned = { register: 0, move: 0, event: 0, update: 0, import: 0 };
  readonly phases: Record<Phase, number> = { startup: 0, import: 0, write: 0, between: 0 };
  /** Writes in flight at the kill, by whether the register turned out to hold them. */
  readonly inFlight = { committed: 0, absent: 0, importsCommitted: 0, importsAbsent: 0 };
  largestRegister = 0;
  runMs = 0;
  checkMs = 0;
  readyMs: number[] = [];
  readonly failures: string[] = [];

  add(t: TrialResult, seed: number): void {
    this.trials += 1;
    if (t.encrypted) this.encrypted += 1;
    this.phases[t.phase] += 1;
    this.verifiedWrites += t.verified;
    this.refused += t.refused;
    for (const op of Object.keys(this.returned) as (keyof Tally['returned'])[]) this.returned[op] += t.returned[op];
    this.largestRegister = Math.max(this.largestRegister, t.requests);
    this.runMs += t.ms.run;
    this.checkMs += t.ms.check;
    if (t.ms.ready !== null) this.readyMs.push(t.ms.ready);
    if (t.inFlight) {
      const key = t.inFlight.op === 'import' ? 'imports' : '';
      if (t.inFlight.committed) this.inFlight[key ? 'importsCommitted' : 'committed'] += 1;
      else this.inFlight[key ? 'importsAbsent' : 'absent'] += 1;
    }
    if (t.problems.length === 0) this.survived += 1;
    else {
      this.failures.push(
        [
          `seed ${seed}, series ${t.series} (${t.encrypted ? 'encrypted' : 'plain'}), trial ${t.trial}: child seed ${t.childSeed}, kill ${t.plan.delayMs} ms after ${t.plan.from}, landed ${t.phase}`,
          ...t.problems.map((p) => `  ${p}`),
          '  journal tail:',
          ...t.tail.map((l) => `    ${l}`),
        ].join('\n'),
      );
    }
  }

  summary(wallMs: number): string {
    const p = this.phases;
    const f = this.inFlight;
    return [
      `kill trials run: ${this.trials} (${this.encrypted} on encrypted registers, ${this.series} registers), survived: ${this.survived}`,
      `kills landed: during an import ${p.import}, during a single write ${p.write}, between writes ${p.between}, while opening ${p.startup}`,
      `writes in flight at the kill: ${f.committed} found whole, ${f.absent} found absent; imports: ${f.importsCommitted} whole, ${f.importsAbsent} absent (none half)`,
      `writes verified against the journal: ${this.verifiedWrites} (${Object.entries(this.returned)
        .map(([op, n]) => `${op} ${n}`)
        .join(
          ', ',
        )} returned; ${this.refused} refused by the register's rules, none left a trace); largest register: ${this.largestRegister} requests`,
      `time: ${(wallMs / 1000).toFixed(1)} s (children ${(this.runMs / 1000).toFixed(1)} s, checks ${(this.checkMs / 1000).toFixed(1)} s, summed over lanes; a child opened the register after ${median(this.readyMs).toFixed(0)} ms, median)`,
    ].join('\n');
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
