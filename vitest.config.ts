import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // End-to-end tests spawn the built CLI and LibreOffice; give them room on 2-core machines.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
