/**
 * The house's import rules (ARCHITECTURE.md), checked in `npm test` (test/house-rules.test.ts):
 * an agency imports only its own folder and the kit; the kit and the gateway import no agency;
 * only scripts import scripts.
 */
const AGENCY = "^subgraphs/(area|social-development|housing|agriculture|community-councils)/";
module.exports = {
  forbidden: [
    {
      name: "agency-imports-itself-and-the-kit",
      comment: "An agency declares another owner's entity as a local stub instead of importing it.",
      severity: "error",
      from: { path: AGENCY },
      to: { path: "^(subgraphs|gateway|scripts|schema|dashboard|bench)/", pathNot: ["^subgraphs/$1/", "^subgraphs/kit/"] },
    },
    {
      name: "kit-imports-no-agency",
      severity: "error",
      from: { path: "^subgraphs/kit/" },
      to: { path: "^(subgraphs|gateway|scripts|schema|dashboard|bench)/", pathNot: "^subgraphs/kit/" },
    },
    {
      name: "gateway-imports-no-agency",
      severity: "error",
      from: { path: "^gateway/" },
      to: { path: ["^subgraphs/", "^scripts/"], pathNot: "^subgraphs/kit/" },
    },
    {
      name: "only-scripts-import-scripts",
      severity: "error",
      from: { pathNot: "^scripts/" },
      to: { path: "^scripts/" },
    },
    { name: "no-circular", severity: "error", from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
  },
};
