// ESLint flat config: typescript-eslint on every TS file, plus the architecture's fences.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const noElectron = {
  name: 'electron',
  message: 'Services and shared code are plain Node: depend on a port in electron/services/ports.ts instead.',
};
const nodeBuiltins = ['node:*', 'fs', 'path', 'child_process', 'os', 'net', 'http', 'crypto', 'url', 'stream', 'events'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'reports/**', '.stryker-tmp*/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "Property[key.name='webSecurity'][value.value=false]", message: 'webSecurity is never turned off.' },
        { selector: "Property[key.name='enableBlinkFeatures']", message: 'enableBlinkFeatures is banned.' },
        { selector: "Property[key.name='allowRunningInsecureContent']", message: 'allowRunningInsecureContent is banned.' },
        { selector: "Property[key.name='shell'][value.value=true]", message: 'Never spawn through a shell: pass an argument array.' },
        { selector: "CallExpression[callee.property.name='openExternal']", message: 'Use openExternalSafely() from electron/main/security/external-url.ts.' },
        { selector: "CallExpression[callee.name=/^(exec|execSync)$/]", message: 'exec runs a shell string; use execFile or spawn with an argument array.' },
      ],
    },
  },
  {
    files: ['electron/main/security/external-url.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['electron/services/**/*.ts', 'electron/hosts/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noElectron, { name: 'react', message: 'shared/ is isomorphic.' }], patterns: [...nodeBuiltins, '@mui/*'] },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'The renderer talks to hosts only through window.lightdock.' }], patterns: nodeBuiltins },
      ],
    },
  },
);
