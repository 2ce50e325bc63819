/**
 * Names for what the player sees: opportunities ("Acme Industries,
 * opportunity 2"), KAMs, departments, accounts, and plan issues worded from
 * their codes with the place in the plan they refer to.
 */
import type { PlanIssue } from '../../sim/index';
import type { Opportunity, QuarterPlan, ScenarioInput } from '../../sim/types';
import { LANGUAGES, t, type Lang } from '../../i18n/index';
import { days, fieldDays, tr } from '../i18n';
import type { DraftIssue } from '../plan-draft';
import { textOf } from '../text';

export class Names {
  constructor(
    readonly input: ScenarioInput,
    readonly lang: Lang,
    readonly opportunities: readonly Opportunity[] = [],
  ) {}

  department(id: string): string {
    const d = this.input.departments.find((x) => x.id === id);
    return d ? textOf(d.name, this.lang) : id;
  }

  account(id: string): string {
    const a = this.input.accounts.find((x) => x.id === id);
    return a ? textOf(a.name, this.lang) : id;
  }

  kam(id: string): string {
    const k = this.input.kams.find((x) => x.id === id);
    return k ? textOf(k.name, this.lang) : id;
  }

  /** A KAM's name, marked "(you)" for the player unless the name already says so. */
  kamYou(id: string, seat: string): string {
    const n = this.kam(id);
    return id === seat && !namesYou(n) ? `${n} (${tr('floor.you')})` : n;
  }

  /** "Acme Industries, opportunity 2": numbered within the account's opportunities of the quarter. */
  opportunity(id: string, list: readonly Opportunity[] = this.opportunities): string {
    const o = list.find((x) => x.id === id);
    if (!o) return this.fromId(id);
    const same = list.filter((x) => x.account === o.account);
    return tr('opp.label', { account: this.account(o.account), n: same.indexOf(o) + 1 });
  }

  /** For opportunities of past quarters, from their id (account-q<quarter>-<n>). */
  fromId(id: string): string {
    const m = /^(.*)-q(\d+)-(\d+)$/.exec(id);
    if (!m) return id;
    return tr('opp.label', { account: this.account(m[1]!), n: Number(m[3]) });
  }

  /** A request of the allocation record: one opportunity, or two joined by "+". */
  request(id: string): string {
    return id
      .split('+')
      .map((x) => this.fromId(x))
      .join(' + ');
  }

  /** Where in the plan an issue is, in words. */
  place(path: string, plan?: QuarterPlan): string {
    const parts = path.split('.');
    const head = parts[0]!;
    const req = /^requests\[(\d+)\]$/.exec(head);
    if (req) {
      const opp = plan?.requests[Number(req[1])]?.opportunity;
      const o = opp ? this.opportunity(opp) : path;
      return parts[1] === 'capacity' && parts[2] ? tr('place.ask', { opportunity: o, department: this.department(parts[2]) }) : o;
    }
    const joint = /^joint\[(\d+)\]$/.exec(head);
    if (joint) {
      const j = plan?.joint[Number(joint[1])];
      return tr('place.joint', { kam: j ? this.kam(j.partner) : '?' });
    }
    switch (head) {
      case 'ask':
        return tr('place.ask', { opportunity: this.opportunity(parts[1]!), department: this.department(parts[2]!) });
      case 'businessCase':
        return tr('place.businessCase', { opportunity: this.opportunity(parts.slice(1).join('.')) });
      case 'customer':
        return tr('place.customer', { account: this.account(parts[1]!) });
      case 'lobbying':
        return tr('place.lobbying', { department: this.department(parts[1]!) });
      case 'relationship':
        return tr('place.relationship', { department: this.department(parts[1]!) });
      case 'boardPitch':
        return tr('place.boardPitch', { account: this.account(parts[1]!) });
      case 'time':
        return tr('place.time');
      default:
        return path;
    }
  }

  issue(issue: DraftIssue | PlanIssue, plan?: QuarterPlan, draftJoints?: readonly { partner: string }[]): string {
    const p = issue.params;
    const where = /^joint\[(\d+)\]/.test(issue.path) && draftJoints
      ? tr('place.joint', { kam: this.kam(draftJoints[Number(/^joint\[(\d+)\]/.exec(issue.path)![1])]?.partner ?? '?') })
      : this.place(issue.path, plan);
    // An ask over its need is about a day field: both are written as the field writes them (12.3 d over 12.21 d, never 12 d over 12 d).
    // So is the time planned or left, as the meter above the note writes it (19.6 d left, never 20 d not planned).
    const asFields = issue.code === 'over-need' || issue.path === 'time';
    const n = (x: string | number | undefined) => (typeof x === 'number' ? (asFields ? fieldDays(x) : days(x)) : String(x ?? ''));
    return tr(`plan.issue.${issue.code}`, {
      where,
      days: n(p.days),
      budget: n(p.budget),
      need: n(p.need),
      min: n(p.min),
      over: typeof p.days === 'number' && typeof p.budget === 'number' ? n(p.days - p.budget) : '',
      opportunity: typeof p.opportunity === 'string' ? this.fromId(p.opportunity) : '',
      department: typeof p.department === 'string' ? this.department(p.department) : '',
      account: typeof p.account === 'string' ? this.account(p.account) : '',
      kam: typeof p.kam === 'string' ? this.kam(p.kam) : '',
    });
  }
}

/** Whether a seat's name is the word "you" in any of the game's languages (a scenario may name it in one only). */
export function namesYou(name: string): boolean {
  const n = name.trim().toLowerCase();
  return LANGUAGES.some((lang) => t('floor.you', {}, lang).toLowerCase() === n);
}
