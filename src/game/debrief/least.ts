/**
 * The player's requests that got the least over the whole game, for the
 * debrief's "Who got what": each with its quarter, department, what was asked
 * and received, and the reason sentence the quarter screen gave (explain.ts
 * and ui/why.ts build it; nothing is re-derived here).
 */
import type { QuarterRecord, ScenarioInput } from '../../sim/types';
import { leastServed } from '../explain';
import { daysShare, tr } from '../i18n';
import type { Names } from '../ui/labels';
import { whySentence } from '../ui/why';

export interface LeastServedRow {
  quarter: string;
  department: string;
  request: string;
  asked: string;
  received: string;
  why: string;
}

export function leastServedRows(history: readonly QuarterRecord[], input: ScenarioInput, seat: string, names: Names, count = 3): LeastServedRow[] {
  return leastServed(history, input.company.regime, seat, count).map(({ quarter, department, story }) => {
    const dept = names.department(department);
    const written = daysShare(story.entry.received, story.entry.requested);
    return {
      quarter: tr('debrief.quarterN', { q: quarter }),
      department: dept,
      request: names.request(story.entry.request),
      asked: written.whole,
      received: tr('debrief.least.received', { got: written.part, share: written.share }),
      why: whySentence(story, dept, input, names),
    };
  });
}
