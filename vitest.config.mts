import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // graphql ships both ESM and CJS; without this a test that imports graphql gets a second
    // copy ("Cannot use GraphQLObjectType from another module or realm").
    alias: { graphql: "graphql/index.js" },
  },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", ".data/**"],
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/setup.ts"],
    pool: "forks",
    // Two workers on a 2-core machine (vitest's default would be one). Test files share their
    // worker's module cache (no isolation): the hub's modules then load once per worker instead of
    // once per file, which took a third of the run. Tests share no state but their own hubs.
    maxWorkers: 2,
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
