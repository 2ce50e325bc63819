import { describe, expect, it } from 'vitest';
import { createRun, decideJoint, worldOf, type RunState } from '../../src/sim/index.js';
import { shipped } from '../helpers.js';

describe('answers to joint proposals', () => {
  it('are the same in a counterfactual in which another account churned (common random numbers)', () => {
    const { input } = shipped('tutorial');
    const m = worldOf(input).model;
    const days = m.jointMinDays + 1;
    let compared = 0;
    let accepted = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const run = createRun(input, { seed });
      const proposer = run.opportunities.find((o) => o.account === 'globex');
      const recipient = run.opportunities.find((o) => o.account === 'hooli');
      if (!proposer || !recipient) continue;
      // The same quarter, except that acme (first in the list) has left and brought no opportunities.
      const alive = run.accounts.alive.slice();
      alive[0] = false;
      const churned: RunState = {
        ...run,
        accounts: { ...run.accounts, alive },
        opportunities: run.opportunities.filter((o) => o.account !== 'acme'),
      };
      // sofia (a charmer) says yes or no on the draw alone, so a draw that moved would show.
      const p = { from: 'bram', to: 'sofia', opportunity: proposer.id, partnerOpportunity: recipient.id, days };
      const a = decideJoint(run, p);
      const b = decideJoint(churned, p);
      expect(a.reason).not.toBe('invalid');
      expect(b).toEqual(a);
      compared++;
      if (a.accept) accepted++;
    }
    expect(compared).toBeGreaterThanOrEqual(40);
    // Both answers occur, so the comparison could have told them apart.
    expect(accepted).toBeGreaterThan(compared / 5);
    expect(accepted).toBeLessThan(compared - compared / 5);
  });
});
