import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // dist/ is rebuilt first when a source is newer: the smoke tests spawn it and the CSV
    // worker thread runs it. Then a folder for the demos the end-to-end files share, made
    // once per run whichever worker asks first (test/helpers/shared-demo.ts).
    globalSetup: ['test/build-dist.ts', 'test/shared-demo-setup.ts'],
    setupFiles: ['test/all-messages.setup.ts'],
    // Every core: vitest's default leaves one free, which on a 2-core machine runs the files
    // one after another.
    maxWorkers: availableParallelism(),
    // Test files share their worker's loaded modules instead of loading exceljs, docx, ajv
    // and the rest again for each file: half the CPU time of the unit tests. Nothing a test
    // file does outlives it (no mocks, no globals; the working folder is put back).
    isolate: false,
    // The workers' own locale, which `main` falls back to when LANG says nothing (LANG=C),
    // as a spawned run with LANG=C does: the same answers on every developer's machine.
    env: { LC_ALL: 'C.UTF-8' },
    // End-to-end tests run LibreOffice and large evaluations; give them room on 2-core machines.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
