/** Messages shared by every face of the product (Dutch). */
import type { en } from './core.en.js';

export const nl: Record<keyof typeof en, string> = {
  'app.name': 'Two Fronts',
  'app.tagline': "Key Account Managers vechten buiten om de klant en binnen om capaciteit.",
  'lang.en': 'English',
  'lang.nl': 'Nederlands',
  'regime.departmental-pnl': 'Afdelings-P&L',
  'regime.account-pnl': 'P&L per account',
  'regime.matrix': 'Matrix-scorecard',
  'regime.exec-sponsored': 'Sponsoring door de directie',
  'regime.utilization': 'Bezettingsdoelen',
  'persona.heavyweight': 'Zwaargewicht',
  'persona.charmer': 'Charmeur',
  'persona.networker': 'Netwerker',
  'persona.analyst': 'Analist',
  'persona.team-player': 'Teamspeler',
  'persona.adaptive': 'Lerende',
  'cli.validate.valid': '{file}: geldig {kind}',
  'cli.validate.valid-warned.one': '{file}: geldig {kind} ({count} waarschuwing)',
  'cli.validate.valid-warned.other': '{file}: geldig {kind} ({count} waarschuwingen)',
  'cli.validate.summary': '{valid} van {files} bestanden geldig',
  'cli.validate.kind.scenario': 'scenario',
  'cli.validate.kind.experiment': 'experiment',
} as const;
