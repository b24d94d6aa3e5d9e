import { configDefaults, defineConfig } from 'vitest/config';

/*
 * Two suites (`vitest run --project builder|course`; `npm run test:unit` runs both):
 * builder: the builder's parts, on fixtures or on whichever course $COURSE_DIR names, so a
 * new course keeps it green; course: this repository's course and its content (tests/unit/course/).
 */
export default defineConfig({
  test: {
    environment: 'node',
    // Schema validation (libxml2 in WebAssembly) and the builds some tests run take seconds each, many more on
    // two busy cores: 5 s failed them under load, not for any fault.
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'builder',
          include: ['tests/unit/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/unit/course/**'],
          // What only the compiler can check (e.g. a check and a response of another type) lives in *.test-d.ts.
          typecheck: { enabled: true, include: ['tests/unit/**/*.test-d.ts'], tsconfig: './tests/unit/tsconfig.typecheck.json' },
        },
      },
      { extends: true, test: { name: 'course', include: ['tests/unit/course/**/*.test.ts'] } },
    ],
  },
});
