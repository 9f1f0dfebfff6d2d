import { resolve } from "node:path";
import { defineConfig } from "vite";

/**
 * The dashboard's build (`npm run build:dashboard`, run by `npm start` and by the browser test):
 * dashboard/ → dashboard/dist, served by the gateway under /dashboard (gateway/dashboard.ts).
 * Preact's JSX through Vite's own transformer (oxc), so no plugin is needed.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: "/dashboard/",
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  // The operations are read from schema/operations, one level above the dashboard's root.
  server: { fs: { allow: [resolve(import.meta.dirname, "..")] } },
  build: {
    outDir: resolve(import.meta.dirname, "dist"),
    emptyOutDir: true,
    // One small app: one script and one stylesheet, no chunk-size warning for the inlined map.
    chunkSizeWarningLimit: 1024,
    reportCompressedSize: false,
  },
});
