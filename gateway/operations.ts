import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { PlaygroundTab } from "./playground";

/**
 * The named example operations (schema/operations/*.graphql): playground tabs, README, tests.
 * A first line `# role: <role>` names the demo role an example needs (none: public).
 */
export const OPERATIONS_DIR = resolve(__dirname, "../schema/operations");

export interface ExampleOperation extends PlaygroundTab {
  /** The example's variables, parsed from its `# variables: {…}` line. */
  variableValues: Record<string, unknown>;
  /** The demo role it needs, from its `# role: …` line (undefined: public). */
  role?: string;
}

export function loadOperations(dir = OPERATIONS_DIR): ExampleOperation[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith(".graphql"))
    .sort()
    .map((file) => {
      const query = readFileSync(resolve(dir, file), "utf8");
      const variables = /^# variables: (.*)$/m.exec(query)?.[1] ?? "{}";
      const role = /^# role: (\S+)$/m.exec(query)?.[1];
      // `01-TambonProfile.graphql`: the number orders the tabs, the rest names the operation.
      return { name: file.replace(/^\d+-/, "").replace(/\.graphql$/, ""), query, variables, variableValues: JSON.parse(variables), role };
    });
}
