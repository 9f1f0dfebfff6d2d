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
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
