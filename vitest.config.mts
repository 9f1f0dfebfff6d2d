import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

/** Everything that starts a hub, a server or a browser: a real PostgreSQL, seeded once per run. */
export const E2E: TestProjectInlineConfiguration = {
  extends: true,
  test: {
    name: "e2e",
    include: ["test/**/*.test.ts", "gateway/playground.test.ts", "gateway/dashboard.test.ts"],
    globalSetup: ["test/global-setup.ts"],
  },
};

export default defineConfig({
  resolve: {
    // graphql ships both ESM and CJS; without this a test that imports graphql gets a second
    // copy ("Cannot use GraphQLObjectType from another module or realm").
    alias: { graphql: "graphql/index.js" },
  },
  test: {
    exclude: ["**/node_modules/**", "**/.data/**"],
    setupFiles: ["test/setup.ts"],
    pool: "forks",
    // Two workers on a 2-core machine (vitest's default would be one). Test files share their
    // worker's module cache (no isolation): the hub's modules then load once per worker instead of
    // once per file, which took a third of the run. Tests share no state but their own hubs.
    maxWorkers: 2,
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      // The pure rules beside their code: no database, no HTTP (`npx vitest run --project unit`).
      {
        extends: true,
        test: {
          name: "unit",
          include: ["subgraphs/**/*.test.ts", "gateway/**/*.test.ts", "dashboard/src/**/*.test.ts", "bench/**/*.test.ts"],
          exclude: ["gateway/playground.test.ts", "gateway/dashboard.test.ts"],
        },
      },
      E2E,
    ],
  },
});
