/**
 * The player's game as CSV (RFC 4180, via d3-dsv): one row per quarter with
 * every reporter (dots become underscores, as in the command line's CSV) and
 * the player's plan in days; one row per account and quarter; one row per
 * department's allocation entry with every factor of its score.
 */
import { csvFormat } from 'd3';
import type { QuarterRecord, ScenarioInput } from '../../sim/types';
import { splitOf } from '../plan-draft';

const col = (name: string) => name.replace(/\./g, '_');
/** Days to a millionth of a day: sums of days without the residue of adding floats (86.30000000000001). */
const daysSum = (x: number) => Math.round(x * 1e6) / 1e6;

export function quartersCsv(history: readonly QuarterRecord[], names: readonly string[], input: ScenarioInput, seat: string, seed: number): string {
  const rows = history.map((r) => {
    const row: Record<string, string | number> = { quarter: r.quarter, scenario: input.id, regime: input.company.regime, seed };
    names.forEach((n, i) => (row[col(n)] = r.values[i]!));
    const plan = r.plans.find((p) => p.kam === seat);
    if (plan) {
      const split = splitOf(plan);
      row.your_customer_days = daysSum(split.customer);
      row.your_lobbying_days = daysSum(split.lobbying);
      row.your_relationship_days = daysSum(split.relationship);
      row.your_business_case_days = daysSum(split.businessCase);
      row.your_board_pitch_days = daysSum(split.boardPitch);
      row.your_joint_days = daysSum(split.joint);
      row.your_requests = plan.requests.length;
    }
    let asked = 0;
    let got = 0;
    for (const a of r.allocations) for (const e of a.entries) if (e.kams.includes(seat)) {
      asked += e.requested / e.kams.length;
      got += e.received / e.kams.length;
    }
    row.your_requested_days = daysSum(asked);
    row.your_received_days = daysSum(got);
    return row;
  });
  return csvFormat(rows);
}

export function accountsCsv(history: readonly QuarterRecord[]): string {
  return csvFormat(
    history.flatMap((r) =>
      r.accounts.map((a) => ({
        quarter: r.quarter,
        account: a.account,
        kam: a.kam,
        alive: a.alive,
        churned: a.churned,
        wallet: a.wallet,
        share_of_wallet: a.shareOfWallet,
        satisfaction: a.satisfaction,
        revenue: a.revenue,
        pnl: a.pnl,
        needed: a.needed,
        received: a.received,
        fulfilment: a.fulfilment ?? '',
        quality: a.quality ?? '',
        sponsored: a.sponsored,
        opportunities: a.opportunities,
        pursued: a.pursued,
      })),
    ),
  );
}

export function allocationsCsv(history: readonly QuarterRecord[]): string {
  return csvFormat(
    history.flatMap((r) =>
      r.allocations.flatMap((d) =>
        d.entries.map((e) => ({
          quarter: r.quarter,
          department: d.department,
          capacity: d.capacity,
          demand: d.demand,
          request: e.request,
          kams: e.kams.join('+'),
          accounts: e.accounts.join('+'),
          joint: e.joint,
          requested: e.requested,
          received: e.received,
          pool: e.byChannel.pool,
          priority: e.byChannel.priority,
          contest: e.byChannel.contest,
          size: e.factors.size,
          sponsorship: e.factors.sponsorship,
          value: e.factors.value,
          department_value: e.factors.departmentValue,
          account_value: e.factors.accountValue,
          visibility: e.factors.visibility,
          influence: e.factors.influence,
          lobbying: e.factors.lobbying,
          relationship: e.factors.relationship,
          lobby_days: e.factors.lobbyDays,
          noise: e.factors.noise,
          score: e.factors.score,
        })),
      ),
    ),
  );
}
