/** `two-fronts schema [scenario|experiment]`: prints the JSON Schema generated from the zod source. */
import { z } from 'zod';
import { describeScenarioKeys } from '../../scenario/key-docs.js';
import { scenarioSchema } from '../../scenario/schema.js';
import { experimentSchema } from '../../experiment/schema.js';
import { UsageError } from '../errors.js';
import { t, type Lang } from '../lang.js';

export const SCHEMAS: Record<string, { schema: z.ZodType; title: string }> = {
  scenario: { schema: scenarioSchema, title: 'Two Fronts scenario (two-fronts/scenario@1)' },
  experiment: { schema: experimentSchema, title: 'Two Fronts experiment (two-fronts/experiment@1)' },
};

/**
 * Draft-07, not 2020-12: the YAML language server behind most editors' YAML
 * support validates draft-07. The schemas use no keyword draft-07 lacks
 * (test/scenario/json-schema.test.ts checks), so nothing is lost.
 */
export function jsonSchemaOf(kind: string, lang: Lang = 'en'): object {
  const entry = SCHEMAS[kind];
  if (!entry) throw new UsageError(t('cli.schema.unknown', { kind }, lang), lang);
  const generated = z.toJSONSchema(entry.schema, { io: 'input', target: 'draft-07', unrepresentable: 'any' }) as Record<string, unknown>;
  // A scenario key's hover text is the trainer's guide's (src/scenario/key-docs.ts), so the two never disagree.
  if (kind === 'scenario') describeScenarioKeys(generated);
  return { ...generated, title: entry.title };
}

export function schemaText(kind: string, lang: Lang = 'en'): string {
  return JSON.stringify(jsonSchemaOf(kind, lang), null, 2) + '\n';
}
