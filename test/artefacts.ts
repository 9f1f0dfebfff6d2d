import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";

/** Where tests leave what a person may want to look at after a run (screenshots): test-results/. */
export const ARTEFACTS_DIR = resolve(__dirname, "../test-results");

export function artefact(name: string): string {
  mkdirSync(ARTEFACTS_DIR, { recursive: true });
  return join(ARTEFACTS_DIR, name);
}
