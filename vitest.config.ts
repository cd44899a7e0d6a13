import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __BLUEBAG_VERSION__: JSON.stringify('0.0.0-test') },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // electron-store imports `electron`; inlining it lets the tests' vi.mock('electron') reach it.
    server: { deps: { inline: ['electron-store'] } },
  },
});
