import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Schema validation (libxml2 in WebAssembly) and the builds some tests run take seconds each, many more on
    // two busy cores: 5 s failed them under load, not for any fault.
    testTimeout: 30_000,
    // What only the compiler can check (e.g. a check and a response of another type) lives in *.test-d.ts.
    typecheck: { enabled: true, include: ['tests/unit/**/*.test-d.ts'], tsconfig: './tests/unit/tsconfig.typecheck.json' },
  },
});
