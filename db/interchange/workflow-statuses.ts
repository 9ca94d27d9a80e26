import type { Direction, Kind, Status } from '../../contract/codes.ts';
import { allowedMoves, startStatus } from '../workflow.ts';

const cache = new Map<string, ReadonlySet<Status>>();

/**
 * Every status a request of this direction and kind can hold in its workflow (db/workflow.ts),
 * reached from its start by the allowed moves. An imported request in any other status
 * (an incoming draft, an outgoing MLA request "suspended") could never be moved on.
 */
export function statusesOf(direction: Direction, kind: Kind): ReadonlySet<Status> {
  const key = `${direction}/${kind}`;
  const known = cache.get(key);
  if (known) return known;
  const start = startStatus(direction, kind);
  const reached = new Set<Status>([start]);
  const queue: Status[] = [start];
  for (let status = queue.shift(); status !== undefined; status = queue.shift()) {
    for (const move of allowedMoves(direction, kind, status)) {
      if (!reached.has(move.to)) {
        reached.add(move.to);
        queue.push(move.to);
      }
    }
  }
  cache.set(key, reached);
  return reached;
}
