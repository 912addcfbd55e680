// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// The architecture's import arrows (shared/design/architecture.md), enforced rather than written down.
// Paths are relative imports, so each rule matches the folder name after any number of `../`.
const folder = (name) => `^(\\.\\./)+(${name})(/|$)`;
const nodeBuiltins =
  '^node:|^(fs|path|os|child_process|crypto|net|http|https|tls|url|util|stream|events|worker_threads)(/|$)';

const restrict = (...patterns) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map(([regex, message]) => ({ regex, message })) }],
});

const ipcOnlyInRouter = {
  'no-restricted-syntax': [
    'error',
    {
      selector: 'ImportSpecifier[imported.name=/^ipc(Main|Renderer)$/]',
      message: 'ipcMain and ipcRenderer are used only in main/ipc and preload (the contract is the only door).',
    },
    {
      selector: 'MemberExpression[property.name=/^ipc(Main|Renderer)$/]',
      message: 'ipcMain and ipcRenderer are used only in main/ipc and preload (the contract is the only door).',
    },
  ],
};

export default tseslint.config(
  {
    ignores: ['node_modules/', 'out/', 'dist/', 'release/', '.tsbuild/', 'test-results/', 'docs/'],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['common/**/*.ts'],
    rules: restrict(
      [folder('main|preload|renderer|server|test|scripts'), 'common/ imports nothing else from the repo.'],
      [nodeBuiltins, 'common/ is pure: no Node built-ins.'],
      ['^electron$', 'common/ is pure: no Electron.'],
      ['^react', 'common/ is pure: no React.'],
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        [folder('main|server|preload|scripts|test'), 'The renderer talks to main only through window.gatehouse.'],
        [nodeBuiltins, 'The renderer runs sandboxed: no Node built-ins.'],
        ['^electron$', 'The renderer never imports Electron.'],
      ),
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: restrict(
      [folder('main|renderer|preload'), 'server/ never imports the desktop app.'],
      ['^electron$', 'server/ never imports Electron.'],
    ),
  },
  {
    files: ['main/**/*.ts'],
    rules: restrict([folder('renderer|server|preload|test'), 'main/ imports common/ and npm packages only.']),
  },
  {
    files: ['preload/**/*.ts'],
    rules: restrict([folder('main|renderer|server|test'), 'preload/ is the contextBridge only.']),
  },
  {
    files: ['**/*.{ts,tsx}'],
    ignores: ['main/ipc/**', 'preload/**', 'test/unit/lint/**'],
    rules: ipcOnlyInRouter,
  },
  {
    files: ['**/*.{js,mjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
  },
);
