import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { PlaygroundTab } from "./playground";

/** The named example operations (schema/operations/*.graphql): playground tabs, README, tests. */
export const OPERATIONS_DIR = resolve(__dirname, "../schema/operations");

export interface ExampleOperation extends PlaygroundTab {
  /** The example's variables, parsed from its `# variables: {…}` first line. */
  variableValues: Record<string, unknown>;
}

export function loadOperations(dir = OPERATIONS_DIR): ExampleOperation[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith(".graphql"))
    .sort()
    .map((file) => {
      const query = readFileSync(resolve(dir, file), "utf8");
      const variables = /^# variables: (.*)$/m.exec(query)?.[1] ?? "{}";
      return { name: file.replace(/\.graphql$/, ""), query, variables, variableValues: JSON.parse(variables) };
    });
}
