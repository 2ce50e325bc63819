// Lint rules: typescript-eslint's recommended set, plus the engine's purity:
// no global randomness, clocks or engine-dependent Math functions inside src/sim (the import rules are
// checked by test/architecture.test.ts).
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
        // The standard leaves these to each engine, and browsers and Node differ in the last bit.
        ...['exp', 'expm1', 'log', 'log1p', 'log2', 'log10', 'pow', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'atan2', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'cbrt', 'hypot'].map((property) => ({
          object: 'Math',
          property,
          message: 'Math.' + property + ' may differ between JavaScript engines; use src/sim/math.ts so runs give the same bits in the browser and in Node.',
        })),
      ],
      'no-restricted-syntax': ['error', { selector: "BinaryExpression[operator='**'], AssignmentExpression[operator='**=']", message: '** is Math.pow, which may differ between JavaScript engines; multiply, or use pow from src/sim/math.ts.' }],
      'no-restricted-globals': ['error', 'setTimeout', 'setInterval', 'window', 'document', 'process'],
    },
  },
  {
    files: ['bin/**/*.js'],
    languageOptions: { globals: { process: 'readonly', URL: 'readonly' } },
  },
);
