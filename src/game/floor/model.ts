/**
 * What the floor shows, from the session: departments with their capacity and
 * icon (or initials), accounts with owner, size, satisfaction and wallet or revenue, KAMs. Texts
 * in the player's language.
 */
import type { Session } from '../app';
import { departmentIcons, departmentInitials, type DepartmentIcon } from '../assets';
import { days, money, pct, tr } from '../i18n';
import { textOf } from '../text';
import type { ScenarioInput } from '../../sim/types';
import type { FloorData, FloorDepartment } from './floor';

/** A department on the floor: its icon, or its initials where no icon says what it does. */
function floorDepartment(name: string, id: string, capacity: number, icon: DepartmentIcon | null): FloorDepartment {
  return { id, name, capacity, icon, initials: departmentInitials(name) };
}

/** The floor's words in the current language. */
function floorTexts(): FloorData['texts'] {
  return {
    inside: tr('floor.inside'),
    outside: tr('floor.outside'),
    capacity: (d) => tr('floor.capacity', { days: days(d) }),
    satisfaction: (x) => pct(x),
    lost: tr('floor.lost'),
    you: tr('floor.you'),
  };
}

/**
 * The floor of a game in progress. While the player plans (and on the
 * briefing) each tower shows the account's wallet, what there is to win; on a
 * quarter's results, the revenue that quarter brought.
 */
export function floorData(s: Session, lang: 'en' | 'nl', view: 'planning' | 'results'): FloorData {
  const { input, state } = s;
  const icons = departmentIcons(input.departments.map((d) => ({ id: d.id, name: textOf(d.name, 'en') })));
  const owner = new Map<string, number>();
  input.kams.forEach((k, ki) => k.accounts.forEach((a) => owner.set(a, ki)));
  const seatAccounts = new Set(input.kams.find((k) => k.id === s.seat)?.accounts ?? []);
  const last = state.history[state.history.length - 1];
  return {
    departments: input.departments.map((d, i) => floorDepartment(textOf(d.name, lang), d.id, d.capacity, icons[i]!)),
    accounts: input.accounts.map((a, i) => {
      const row = view === 'results' ? last?.accounts.find((r) => r.account === a.id) : undefined;
      return {
        id: a.id,
        name: textOf(a.name, lang),
        owner: owner.get(a.id) ?? 0,
        mine: seatAccounts.has(a.id),
        alive: state.accounts.alive[i]!,
        wallet: state.accounts.wallet[i]!,
        satisfaction: state.accounts.satisfaction[i]!,
        revenueText: row ? tr('floor.revenue', { money: money(row.revenue) }) : tr('floor.wallet', { money: money(state.accounts.wallet[i]!) }),
      };
    }),
    kams: input.kams.map((k) => ({ id: k.id, name: textOf(k.name, lang), mine: k.id === s.seat })),
    texts: floorTexts(),
  };
}

/** The floor of a scenario before anyone plays it (the title screen's illustration). */
export function floorFromInput(input: ScenarioInput, lang: 'en' | 'nl', seat: string | null): FloorData {
  const icons = departmentIcons(input.departments.map((d) => ({ id: d.id, name: textOf(d.name, 'en') })));
  const owner = new Map<string, number>();
  input.kams.forEach((k, ki) => k.accounts.forEach((a) => owner.set(a, ki)));
  const mine = new Set(seat ? (input.kams.find((k) => k.id === seat)?.accounts ?? []) : []);
  return {
    departments: input.departments.map((d, i) => floorDepartment(textOf(d.name, lang), d.id, d.capacity, icons[i]!)),
    accounts: input.accounts.map((a) => ({
      id: a.id,
      name: textOf(a.name, lang),
      owner: owner.get(a.id) ?? 0,
      mine: mine.has(a.id),
      alive: true,
      wallet: a.wallet,
      satisfaction: a.satisfaction,
      revenueText: tr('floor.wallet', { money: money(a.wallet) }),
    })),
    kams: input.kams.map((k) => ({ id: k.id, name: textOf(k.name, lang), mine: k.id === seat })),
    texts: floorTexts(),
  };
}
