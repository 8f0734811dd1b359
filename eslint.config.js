// Lint rules that keep src/core pure: no I/O, no clock, no timers, no global randomness.
// (STYLE.md rule 1: enforce it with a lint rule, not memory.)
import tseslint from 'typescript-eslint'

const impure = {
  'no-restricted-imports': ['error', {
    patterns: [
      { group: ['node:*'], message: 'src/core is pure: no Node APIs (do I/O in src/transport or src/node).' },
      { group: ['libp2p', '@libp2p/*', '@chainsafe/*', 'zeromq', 'zeromq/*'], message: 'src/core is pure: no transports.' },
      { group: ['../transport/*', '../node/*', '../store/*', '../cli/*', '../../*'], message: 'src/core imports nothing of the other layers.' }
    ],
    paths: ['fs', 'net', 'dgram', 'os', 'crypto', 'child_process', 'timers', 'perf_hooks', 'worker_threads', 'events', 'http', 'https', 'path'].map(name => ({ name, message: 'src/core is pure: no Node APIs.' }))
  }],
  'no-restricted-globals': ['error',
    ...['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate', 'queueMicrotask', 'performance', 'process', 'require', 'fetch', 'crypto']
      .map(name => ({ name, message: 'src/core is pure: time comes in as `now`, randomness from the injected Rng.' }))
  ],
  'no-restricted-properties': ['error',
    { object: 'Date', property: 'now', message: 'src/core is pure: time comes in as `now`.' },
    { object: 'Math', property: 'random', message: 'src/core is pure: use the injected Rng.' },
    { object: 'performance', property: 'now', message: 'src/core is pure: time comes in as `now`.' },
    { object: 'globalThis', property: 'setTimeout', message: 'src/core is pure: no timers.' }
  ],
  'no-restricted-syntax': ['error',
    { selector: "NewExpression[callee.name='Date']", message: 'src/core is pure: time comes in as `now`.' },
    { selector: "CallExpression[callee.name='Date']", message: 'src/core is pure: time comes in as `now`.' }
  ]
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'src/core/wire/messages.js', 'src/core/wire/messages.d.ts', 'src/transport/zeromq/lan-messages.js', 'src/transport/zeromq/lan-messages.d.ts', 'out/**'] },
  {
    files: ['**/*.ts', '**/*.js'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2024, sourceType: 'module' },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-var': 'error',
      'prefer-const': 'error'
    }
  },
  { files: ['src/core/**/*.ts'], rules: impure }
)
