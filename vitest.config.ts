import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // What only the compiler can check (e.g. a check and a response of another type) lives in *.test-d.ts.
    typecheck: { enabled: true, include: ['tests/unit/**/*.test-d.ts'], tsconfig: './tests/unit/tsconfig.typecheck.json' },
  },
});
