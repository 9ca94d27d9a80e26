import { type Direction, type Kind, type Status, isClosedStatus } from '../contract/codes.ts';
import type { Move } from '../contract/requests.ts';

/**
 * The allowed status moves of each kind of request, as the domain notes describe them.
 * One table per workflow; everything else (the UI's buttons, the handler's refusal) reads it.
 */
interface Workflow {
  /** Where a newly registered request starts. */
  start: Status;
  /** Working moves between open statuses and to the outcomes that execution reaches. */
  moves: Partial<Record<Status, readonly Status[]>>;
  /** Open statuses from which the request can be refused, withdrawn or left to lapse. */
  closable: readonly Status[];
  /** Statuses before transmission, from which the office can only withdraw (abandon) it. */
  abandonable: readonly Status[];
  /** Open statuses from which execution can be suspended (postponed), and resumed to. */
  suspendable: readonly Status[];
  /** Where a closed request goes back to when it is reopened. */
  reopenTo: readonly Status[];
}

const ENDINGS = ['refused', 'withdrawn', 'lapsed'] as const satisfies readonly Status[];

const incomingMla: Workflow = {
  start: 'registered',
  moves: {
    registered: ['under_review'],
    under_review: ['awaiting_information', 'in_execution'],
    awaiting_information: ['under_review'],
    in_execution: ['partially_executed', 'executed', 'executed_in_part'],
    partially_executed: ['executed', 'executed_in_part'],
  },
  closable: ['registered', 'under_review', 'awaiting_information', 'in_execution', 'partially_executed', 'suspended'],
  abandonable: [],
  suspendable: ['registered', 'under_review', 'awaiting_information', 'in_execution', 'partially_executed'],
  reopenTo: ['under_review', 'in_execution'],
};

const outgoingMla: Workflow = {
  start: 'draft',
  moves: {
    draft: ['under_review'],
    under_review: ['draft', 'sent'],
    sent: ['in_execution', 'awaiting_information'],
    in_execution: ['awaiting_information', 'partially_executed', 'executed', 'executed_in_part'],
    awaiting_information: ['in_execution'],
    partially_executed: ['awaiting_information', 'executed', 'executed_in_part'],
  },
  closable: ['sent', 'in_execution', 'awaiting_information', 'partially_executed'],
  abandonable: ['draft', 'under_review'],
  suspendable: [],
  reopenTo: ['in_execution'],
};

const incomingPreservation: Workflow = {
  start: 'registered',
  moves: {
    registered: ['in_execution'],
    in_execution: ['executed', 'executed_in_part'],
  },
  closable: ['registered', 'in_execution'],
  abandonable: [],
  suspendable: [],
  reopenTo: ['in_execution'],
};

const outgoingPreservation: Workflow = {
  start: 'draft',
  moves: {
    draft: ['sent'],
    sent: ['in_execution', 'executed', 'executed_in_part'],
    in_execution: ['executed', 'executed_in_part'],
  },
  closable: ['sent', 'in_execution', 'suspended'],
  abandonable: ['draft'],
  suspendable: ['in_execution'],
  reopenTo: ['in_execution'],
};

const incomingDisclosure: Workflow = {
  start: 'registered',
  moves: {
    registered: ['under_review'],
    under_review: ['awaiting_information', 'in_execution'],
    awaiting_information: ['under_review'],
    in_execution: ['executed', 'executed_in_part'],
  },
  closable: ['registered', 'under_review', 'awaiting_information', 'in_execution'],
  abandonable: [],
  suspendable: [],
  reopenTo: ['in_execution'],
};

const outgoingDisclosure: Workflow = {
  start: 'draft',
  moves: {
    draft: ['sent'],
    sent: ['awaiting_information', 'executed', 'executed_in_part'],
    awaiting_information: ['sent'],
  },
  closable: ['sent', 'awaiting_information'],
  abandonable: ['draft'],
  suspendable: [],
  reopenTo: ['sent'],
};

const WORKFLOWS: Record<Direction, Record<Kind, Workflow>> = {
  incoming: {
    mla: incomingMla,
    preservation: incomingPreservation,
    disclosure: incomingDisclosure,
    emergency_disclosure: incomingDisclosure,
  },
  outgoing: {
    mla: outgoingMla,
    preservation: outgoingPreservation,
    disclosure: outgoingDisclosure,
    emergency_disclosure: outgoingDisclosure,
  },
};

export function startStatus(direction: Direction, kind: Kind): Status {
  return WORKFLOWS[direction][kind].start;
}

/**
 * Every move the workflow allows from `from`, with what each asks for. A suspended request
 * resumes where it was (`resumeTo`, read from its history); when that is unknown (imported
 * as suspended), to any status it could have been suspended from.
 */
export function allowedMoves(direction: Direction, kind: Kind, from: Status, resumeTo?: Status | null): Move[] {
  const wf = WORKFLOWS[direction][kind];
  if (isClosedStatus(from)) {
    return wf.reopenTo.map((to) => ({ to, needs: ['note'], reopening: true }));
  }
  const targets = new Set<Status>(wf.moves[from] ?? []);
  if (wf.closable.includes(from)) for (const end of ENDINGS) targets.add(end);
  if (wf.abandonable.includes(from)) targets.add('withdrawn');
  if (wf.suspendable.includes(from)) targets.add('suspended');
  if (from === 'suspended') {
    const back = resumeTo && wf.suspendable.includes(resumeTo) ? [resumeTo] : wf.suspendable;
    for (const status of back) targets.add(status);
  }
  return [...targets].map((to) => ({ to, needs: needsOf(kind, from, to), reopening: false }));
}

/**
 * What a move asks for besides its date: refusing needs grounds; suspending and resuming a
 * reason; a preservation carried out, the day until which the data is preserved.
 */
function needsOf(kind: Kind, from: Status, to: Status): Move['needs'] {
  if (to === 'refused') return ['refusalGrounds'];
  if (to === 'suspended' || from === 'suspended') return ['note'];
  if (kind === 'preservation' && (to === 'executed' || to === 'executed_in_part')) return ['preservedUntil'];
  return [];
}

export function findMove(
  direction: Direction,
  kind: Kind,
  from: Status,
  to: Status,
  resumeTo?: Status | null,
): Move | undefined {
  return allowedMoves(direction, kind, from, resumeTo).find((m) => m.to === to);
}
