/** Messages shared by every face of the product (English). */
export const en = {
  'app.name': 'Two Fronts',
  'app.tagline': 'Key Account Managers fight for the customer outside and for capacity inside.',
  'lang.en': 'English',
  'lang.nl': 'Nederlands',
  'regime.departmental-pnl': 'Departmental P&L',
  'regime.account-pnl': 'Account-level P&L',
  'regime.matrix': 'Matrix scorecard',
  'regime.exec-sponsored': 'Executive sponsorship',
  'regime.utilization': 'Utilisation targets',
  'persona.heavyweight': 'Heavyweight',
  'persona.charmer': 'Charmer',
  'persona.networker': 'Networker',
  'persona.analyst': 'Analyst',
  'persona.team-player': 'Team player',
  'persona.adaptive': 'Adaptive',
} as const;
