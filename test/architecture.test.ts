/**
 * The import rules of ARCHITECTURE.md: src/sim imports only itself (and
 * seedrandom); src/game never imports engine runtime code (types only);
 * src/cli never imports src/game.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

function files(dir: string): string[] {
  const abs = join(ROOT, dir);
  try {
    statSync(abs);
  } catch {
    return [];
  }
  return readdirSync(abs, { recursive: true })
    .map(String)
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => join(dir, f));
}

/**
 * Every module a file loads, read from its syntax tree: import and export
 * declarations (side-effect imports such as `import 'x'` included), dynamic
 * `import()`, `require()` and `import x = require()`. Type-only when the
 * declaration is `import type`/`export type` or every name in it is `type`.
 */
function importsOf(file: string, text: string): { spec: string; typeOnly: boolean }[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: { spec: string; typeOnly: boolean }[] = [];
  const allTypes = (elements: ts.NodeArray<ts.ImportSpecifier | ts.ExportSpecifier>) => elements.length > 0 && elements.every((e) => e.isTypeOnly);
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const c = node.importClause;
      const typeOnly = c !== undefined && (c.isTypeOnly || (!c.name && c.namedBindings !== undefined && ts.isNamedImports(c.namedBindings) && allTypes(c.namedBindings.elements)));
      out.push({ spec: node.moduleSpecifier.text, typeOnly });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const typeOnly = node.isTypeOnly || (node.exportClause !== undefined && ts.isNamedExports(node.exportClause) && allTypes(node.exportClause.elements));
      out.push({ spec: node.moduleSpecifier.text, typeOnly });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      out.push({ spec: node.moduleReference.expression.text, typeOnly: node.isTypeOnly });
    } else if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteral(node.arguments[0]!)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) out.push({ spec: node.arguments[0].text, typeOnly: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

function imports(file: string): { spec: string; typeOnly: boolean }[] {
  return importsOf(file, readFileSync(join(ROOT, file), 'utf8'));
}

describe('architecture', () => {
  it('the import reader sees every form of loading a module, and which are types only', () => {
    const text = [
      "import 'side-effect';",
      "import a from 'default-import';",
      "import { b, type C } from 'mixed';",
      "import { type D } from 'types-by-name';",
      "import type { E } from 'type-import';",
      "export { f } from 're-export';",
      "export type { G } from 'type-re-export';",
      "export * from 'star';",
      "const h = require('required');",
      "const i = await import('dynamic');",
      "import j = require('import-equals');",
    ].join('\n');
    expect(importsOf('probe.ts', text)).toEqual([
      { spec: 'side-effect', typeOnly: false },
      { spec: 'default-import', typeOnly: false },
      { spec: 'mixed', typeOnly: false },
      { spec: 'types-by-name', typeOnly: true },
      { spec: 'type-import', typeOnly: true },
      { spec: 're-export', typeOnly: false },
      { spec: 'type-re-export', typeOnly: true },
      { spec: 'star', typeOnly: false },
      { spec: 'required', typeOnly: false },
      { spec: 'dynamic', typeOnly: false },
      { spec: 'import-equals', typeOnly: false },
    ]);
  });

  it('src/sim imports only itself and seedrandom', () => {
    const bad: string[] = [];
    for (const f of files('src/sim')) {
      for (const { spec } of imports(f)) {
        if (spec === 'seedrandom') continue;
        if (!spec.startsWith('.')) bad.push(`${f}: ${spec}`);
        else if (relative(join(ROOT, 'src/sim'), join(ROOT, f, '..', spec)).startsWith('..')) bad.push(`${f}: ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('src/game uses the engine only through the worker (type imports from src/sim only)', () => {
    const bad: string[] = [];
    for (const f of files('src/game')) {
      for (const { spec, typeOnly } of imports(f)) {
        const target = spec.startsWith('.') ? relative(ROOT, join(ROOT, f, '..', spec)) : spec;
        if (target.startsWith('src/sim') && !typeOnly) bad.push(`${f}: ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('src/cli never imports src/game', () => {
    const bad = files('src/cli').flatMap((f) =>
      imports(f)
        .filter(({ spec }) => spec.startsWith('.') && relative(ROOT, join(ROOT, f, '..', spec)).startsWith('src/game'))
        .map(({ spec }) => `${f}: ${spec}`),
    );
    expect(bad).toEqual([]);
  });

  it('src/sim uses no global randomness, clock or timers', () => {
    const bad: string[] = [];
    for (const f of files('src/sim')) {
      const text = readFileSync(join(ROOT, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      if (/Math\.random|Date\.now|new Date\(|performance\.now|setTimeout|setInterval/.test(text)) bad.push(f);
    }
    expect(bad).toEqual([]);
  });
});
