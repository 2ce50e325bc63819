/**
 * The game's own drawn assets (assets/): department icons, the account tower,
 * the person, the logo. URLs come from the build, so the Preloader can load
 * them into Phaser and the panels can show the same icons next to text.
 */
const icons = import.meta.glob<string>('../../assets/icons/*.svg', { query: '?url', import: 'default', eager: true });

export const ICON_URLS: Record<string, string> = Object.fromEntries(
  Object.entries(icons).map(([path, url]) => [path.split('/').pop()!.replace(/\.svg$/, ''), url]),
);

export const DEPARTMENT_ICONS = ['gear', 'wrench', 'flask', 'scales', 'cap', 'truck', 'coins', 'shield', 'chip', 'headset', 'megaphone'] as const;

export type DepartmentIcon = (typeof DEPARTMENT_ICONS)[number];

/** What a department's id or English name says it does; the first that matches wins. */
const KEYWORDS: [RegExp, DepartmentIcon][] = [
  [/engineer|solution|design|architect|automation/, 'gear'],
  [/service|delivery|support|maintenance|install|commission|operations|\bops\b/, 'wrench'],
  [/product|\br-?&?-?d\b|research|\blabs?\b|innovation/, 'flask'],
  [/legal|contract|compliance|regulat|law\b|counsel/, 'scales'],
  [/training|academy|education|learning|school/, 'cap'],
  [/supply|logistic|manufactur|production|plant/, 'truck'],
  [/financ|pricing|credit|treasury|billing/, 'coins'],
  [/quality|security|risk|safety/, 'shield'],
  [/^it$|^it-|-it$|\bit\b|data|software|digital|tech|control/, 'chip'],
  [/customer-care|helpdesk|call|success/, 'headset'],
  [/marketing|brand|communication/, 'megaphone'],
];

/** The icon a department's id or English name clearly calls for, or null. */
export function departmentIcon(id: string, name = ''): DepartmentIcon | null {
  const said = `${id} ${name}`.toLowerCase();
  for (const [re, icon] of KEYWORDS) if (re.test(said)) return icon;
  return null;
}

/**
 * Icons for all departments of a scenario, by what each says it does; each
 * icon goes to one department only. A department that matches none, or whose
 * icon another already has, gets null: the floor writes its initials instead
 * of an icon that would say something wrong about it.
 */
export function departmentIcons(departments: readonly { id: string; name?: string }[]): (DepartmentIcon | null)[] {
  const taken = new Set<DepartmentIcon>();
  return departments.map((d) => {
    const icon = departmentIcon(d.id, d.name);
    if (icon === null || taken.has(icon)) return null;
    taken.add(icon);
    return icon;
  });
}

const MINOR = new Set(['and', 'of', 'the', 'for', 'en', 'van', 'de', 'het', 'voor']);

/** Up to three initials of a department's name ("Systems Integration": "SI"); a one-word name gives its first two letters ("Commissioning": "Co"). */
export function departmentInitials(name: string): string {
  const words = name.split(/[\s&/+,.-]+/).filter((w) => /^\p{L}/u.test(w));
  const major = words.filter((w) => !MINOR.has(w.toLowerCase()));
  const used = major.length > 0 ? major : words;
  if (used.length === 0) return name.trim().slice(0, 2);
  if (used.length === 1) {
    const [first = '', second = ''] = [...used[0]!];
    return first.toUpperCase() + second.toLowerCase();
  }
  return used
    .slice(0, 3)
    .map((w) => [...w][0]!.toUpperCase())
    .join('');
}
