/**
 * The scenario keys in plain words, for people: what each means and its unit.
 * Imports nothing.
 */

/**
 * What each key means, in plain words, and its unit: the one source of the
 * trainer's guide tables (scripts/docs-tables.ts, where defaults, ranges and
 * allowed values come from the schema) and of the descriptions editors show
 * on hover (schema/scenario.schema.json). test/docs.test.ts checks that this
 * list and the schema agree.
 */
export const KEY_DOCS: Readonly<Record<string, { meaning: string; unit: string }>> = {
  $schema: { meaning: 'For editors only: where the JSON Schema of the file is. The first-line comment does the same job.', unit: 'path' },
  format: { meaning: 'What kind of file this is. Always this exact text.', unit: '—' },
  id: { meaning: 'Short name of the scenario, unique in a library.', unit: 'id' },
  title: { meaning: 'Title shown in the scenario list and at the top of the game.', unit: 'text' },
  summary: { meaning: 'One or two sentences shown in the scenario list.', unit: 'text' },
  briefing: { meaning: 'What the player reads before the first quarter. Blank lines separate paragraphs.', unit: 'text' },
  quarters: { meaning: 'How many quarters a game or run lasts.', unit: 'quarters' },
  seed: { meaning: 'Default random seed. The same seed gives exactly the same game; every tool can override it.', unit: 'whole number' },
  company: { meaning: 'How the company steers: KPI regime, interventions, board sponsorship, fixed cost.', unit: '—' },
  'company.regime': {
    meaning: 'The KPI regime that decides how department heads value a request: their own P&L, the account\'s P&L, a matrix scorecard, departmental P&L plus board sponsorship, or capacity utilisation.',
    unit: 'choice',
  },
  'company.matrixWeight': { meaning: 'Matrix regime only: weight of account value against departmental value in the heads\' scorecard.', unit: 'share' },
  'company.interventions': { meaning: 'The alignment measures the company has switched on. They take hold over several quarters (model.adoptionRate).', unit: '—' },
  'company.interventions.accountPnlMeasurement': { meaning: 'Profit and cash flow are measured per account: departments see more of an account\'s strategic upside. Costs model.measurementCost per quarter.', unit: 'true / false' },
  'company.interventions.kaAgendaItem': { meaning: 'A key-account item on every internal meeting agenda: heads judge requests with less noise, relationships build faster.', unit: 'true / false' },
  'company.interventions.boardAccountPlans': { meaning: 'KAMs present account plans to the board: upside becomes more visible, lobbying pays less, and the board sponsors accounts.', unit: 'true / false' },
  'company.interventions.priorityAccess': { meaning: 'Share of every department\'s capacity handed out by account value before the contest in which lobbying counts.', unit: 'share of capacity' },
  'company.interventions.crossFunctionalPool': { meaning: 'Share of every department\'s capacity kept for joint proposals (two KAMs, one solution), handed out by account value. Unused, it goes back to the normal contest.', unit: 'share of capacity' },
  'company.sponsorship': { meaning: 'Board sponsorship, where the board reviews account plans (regime exec-sponsored or boardAccountPlans: true).', unit: '—' },
  'company.sponsorship.maxSponsored': { meaning: 'How many accounts the board sponsors at once, chosen each quarter.', unit: 'accounts' },
  'company.sponsorship.boost': { meaning: 'Head start of a sponsored account\'s requests: their score is multiplied by 1 + boost.', unit: 'factor' },
  'company.fixedCostPerQuarter': { meaning: 'Overhead the company pays every quarter whatever happens.', unit: 'k€ per quarter' },
  departments: { meaning: 'The departments whose experts KAMs need. At least one.', unit: '—' },
  'departments[].id': { meaning: 'Short name, used in needs and relationships.', unit: 'id' },
  'departments[].name': { meaning: 'Name shown in the game.', unit: 'text' },
  'departments[].capacity': { meaning: 'Expert-days the department can give each quarter, to all accounts together.', unit: 'expert-days per quarter' },
  'departments[].unitCost': { meaning: 'What an expert-day really costs the company, used or not.', unit: 'k€ per expert-day' },
  'departments[].transferPrice': { meaning: 'Internal price: what the department books, and the account pays, per expert-day delivered. It cancels out in company profit.', unit: 'k€ per expert-day' },
  'departments[].lobbyingSusceptibility': { meaning: 'How strongly the head responds to lobbying (1 = normal).', unit: 'factor' },
  'departments[].perceptionNoise': { meaning: 'How much the head misjudges requests (0 = judges every request exactly).', unit: 'log-sd' },
  accounts: { meaning: 'The key accounts. At least one; each belongs to exactly one KAM.', unit: '—' },
  'accounts[].id': { meaning: 'Short name, used in the KAMs\' account lists.', unit: 'id' },
  'accounts[].name': { meaning: 'Name shown in the game.', unit: 'text' },
  'accounts[].wallet': { meaning: 'What the account could spend with us each quarter, in our categories.', unit: 'k€ per quarter' },
  'accounts[].maxWallet': { meaning: 'The ceiling the wallet can grow to if the account is served well. A prospect (wallet 0) needs one, or it never spends anything; it is won from a foothold of `model.prospectFoothold` (a tenth) of it.', unit: 'k€ per quarter' },
  'accounts[].shareOfWallet': { meaning: 'The share of the wallet we win at the start.', unit: 'share' },
  'accounts[].margin': { meaning: 'Gross margin on the account\'s revenue.', unit: 'share of revenue' },
  'accounts[].growth': { meaning: 'Strategic growth potential per quarter. Hidden from department heads unless a business case, account measurement or the board makes it visible.', unit: 'share per quarter' },
  'accounts[].satisfaction': { meaning: 'Customer satisfaction at the start (0 = furious, 1 = delighted).', unit: '0..1' },
  'accounts[].needs': { meaning: 'Which departments the account\'s solutions need, and in what mix, by department id. Only the proportions count.', unit: 'relative weights' },
  'accounts[].opportunitiesPerQuarter': { meaning: 'How many opportunities the account brings per quarter on average (2.5 means two or three).', unit: 'opportunities per quarter' },
  kams: { meaning: 'The Key Account Managers. At least one.', unit: '—' },
  'kams[].id': { meaning: 'Short name of the KAM.', unit: 'id' },
  'kams[].name': { meaning: 'Name shown in the game.', unit: 'text' },
  'kams[].accounts': { meaning: 'The accounts this KAM manages (account ids).', unit: 'list of ids' },
  'kams[].control': { meaning: 'Who plays the seat: a person (player), an AI colleague with the behaviour its persona names (persona), or a learning agent (adaptive).', unit: 'choice' },
  'kams[].persona': { meaning: 'The behaviour of a persona seat; without one it learns (adaptive). For a player seat: who plays it when no person does (for example in two-fronts run). An adaptive seat learns its own, so it takes none (or adaptive).', unit: 'choice' },
  'kams[].charisma': { meaning: 'How much a day of lobbying or board pitching counts (1 = average).', unit: 'factor' },
  'kams[].businessCaseSkill': { meaning: 'How well the KAM\'s business cases make strategic value visible. Grows with practice.', unit: '0..1' },
  'kams[].timeBudget': { meaning: 'Working days the KAM has each quarter for customers, lobbying, relationships, business cases, board pitches and joint proposals.', unit: 'days per quarter' },
  'kams[].relationships': { meaning: 'Relationship capital with each department at the start, by department id.', unit: '0..1' },
  model: { meaning: 'Advanced model parameters; see the model table. Leave it out to use every default.', unit: '—' },
  debrief: { meaning: 'What the debrief after the game offers.', unit: '—' },
  'debrief.compareRegimes': { meaning: 'KPI regimes the debrief replays the game under, with the same seed and the player\'s plans.', unit: 'list of regimes' },
  'debrief.questions': { meaning: 'Discussion questions shown in the debrief.', unit: 'list of texts' },
};

/** Units that are kinds of value rather than measures: an editor's hover names no unit for them. */
const NOT_MEASURES: ReadonlySet<string> = new Set(['—', 'path', 'id', 'text', 'choice', 'true / false', 'list of ids', 'list of regimes', 'list of texts']);

/** How a text or a list of texts may be written, for units that name them. */
const FORMS: Readonly<Record<string, string>> = {
  text: 'A plain text, or one per language: { en: "…", nl: "…" }.',
  'list of texts': 'A list of texts, or one list per language: { en: [ … ], nl: [ … ] }.',
};

/** What an editor shows when a key is hovered: its meaning, and its unit when it is a measure (or how a text is written). */
export function keyDescription(path: string): string | undefined {
  const doc = KEY_DOCS[path];
  if (!doc) return undefined;
  const form = FORMS[doc.unit];
  if (form) return `${doc.meaning} ${form}`;
  return NOT_MEASURES.has(doc.unit) ? doc.meaning : `${doc.meaning} Unit: ${doc.unit}.`;
}

interface JsonNode {
  properties?: Record<string, JsonNode>;
  items?: JsonNode;
  description?: string;
}

/**
 * Gives every key of a generated scenario JSON Schema the description of
 * KEY_DOCS (list items written `[]`, as in the guide). Keys it does not
 * describe (the model's parameters, the language forms of a text) keep
 * their own. Changes `schema` in place and returns it.
 */
export function describeScenarioKeys<T extends object>(schema: T): T {
  const walk = (node: JsonNode, prefix: string) => {
    for (const [k, sub] of Object.entries(node.properties ?? {})) {
      const path = prefix ? `${prefix}.${k}` : k;
      const description = keyDescription(path);
      if (description) sub.description = description;
      if (path === 'model') continue;
      walk(sub, path);
      if (sub.items) walk(sub.items, `${path}[]`);
    }
  };
  walk(schema as JsonNode, '');
  return schema;
}
