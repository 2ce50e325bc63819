/**
 * The game's own drawn assets (assets/): department icons, the account tower,
 * the person, the logo. URLs come from the build, so the Preloader can load
 * them into Phaser and the panels can show the same icons next to text.
 */
const icons = import.meta.glob<string>('../../assets/icons/*.svg', { query: '?url', import: 'default', eager: true });

export const ICON_URLS: Record<string, string> = Object.fromEntries(
  Object.entries(icons).map(([path, url]) => [path.split('/').pop()!.replace(/\.svg$/, ''), url]),
);

export const DEPARTMENT_ICONS = ['gear', 'wrench', 'flask', 'scales', 'truck', 'coins', 'chip', 'headset', 'megaphone', 'shield'] as const;

const KEYWORDS: [RegExp, (typeof DEPARTMENT_ICONS)[number]][] = [
  [/engineer|solution|design|architect/, 'gear'],
  [/service|delivery|support|operations|ops/, 'wrench'],
  [/product|r-?d|research|lab|innovation/, 'flask'],
  [/legal|contract|compliance/, 'scales'],
  [/supply|logistic|manufactur|production|plant/, 'truck'],
  [/financ|pricing|credit|treasury/, 'coins'],
  [/it$|^it-|data|software|digital|tech/, 'chip'],
  [/customer-care|helpdesk|call|success/, 'headset'],
  [/marketing|brand|communication/, 'megaphone'],
  [/quality|security|risk|safety/, 'shield'],
];

/** An icon for a department: by what its id says it does, else by position. */
export function departmentIcon(id: string, index: number, taken: ReadonlySet<string> = new Set()): string {
  for (const [re, icon] of KEYWORDS) if (re.test(id) && !taken.has(icon)) return icon;
  for (let k = 0; k < DEPARTMENT_ICONS.length; k++) {
    const icon = DEPARTMENT_ICONS[(index + k) % DEPARTMENT_ICONS.length]!;
    if (!taken.has(icon)) return icon;
  }
  return DEPARTMENT_ICONS[index % DEPARTMENT_ICONS.length]!;
}

/** Icons for all departments of a scenario, each different while there are icons to go round. */
export function departmentIcons(ids: readonly string[]): string[] {
  const taken = new Set<string>();
  return ids.map((id, i) => {
    const icon = departmentIcon(id, i, taken);
    taken.add(icon);
    return icon;
  });
}
