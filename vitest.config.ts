import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // CLI tests spawn the real bin; two cores, so keep the pool small and the timeouts honest.
    testTimeout: 30_000,
    pool: "forks",
  },
});
