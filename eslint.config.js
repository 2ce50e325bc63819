// Lint rules: typescript-eslint's recommended set, plus the engine's purity:
// no global randomness or clocks inside src/sim (the import rules are checked by test/architecture.test.ts).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test-results/', 'playwright-report/', '.scratch/', 'out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    files: ['src/sim/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'The engine draws only from the run\'s seeded streams.' },
        { object: 'Date', property: 'now', message: 'The engine has no wall clock; time is the quarter counter.' },
        { object: 'performance', property: 'now', message: 'The engine has no wall clock; time is the quarter counter.' },
      ],
      'no-restricted-globals': ['error', 'setTimeout', 'setInterval', 'window', 'document', 'process'],
    },
  },
  {
    files: ['bin/**/*.js'],
    languageOptions: { globals: { process: 'readonly', URL: 'readonly' } },
  },
);
