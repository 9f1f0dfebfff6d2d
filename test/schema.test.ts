import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { composeSupergraph, schemaFile } from "../schema/compose";

describe("the committed schema", () => {
  it("is the fresh composition of every subgraph's schema (run `npm run compose` when this fails)", async () => {
    const { subgraphs, supergraph } = await composeSupergraph();
    for (const { name, sdl } of subgraphs) expect(readFileSync(schemaFile(name), "utf8"), name).toBe(sdl);
    expect(readFileSync(schemaFile("supergraph"), "utf8")).toBe(supergraph);
  });
});
