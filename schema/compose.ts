import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { composeServices } from "@apollo/composition";
import { printSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";
import { loadConfig } from "../subgraphs/kit/config";
import { subgraphSchema } from "../subgraphs/kit/subgraph";
import { SUBGRAPHS } from "../subgraphs/registry";

export interface Composition {
  subgraphs: { name: string; sdl: string }[];
  supergraph: string;
}

/**
 * Composes every subgraph's schema into the supergraph, in process (@apollo/composition: no
 * network, no rover binary). The URLs written are the defaults; the gateway's config overrides them.
 */
export async function composeSupergraph(): Promise<Composition> {
  const config = loadConfig({});
  const subgraphs = await Promise.all(
    config.subgraphs.map(async ({ name, url }) => ({ name, url, sdl: printSubgraphSchema(await subgraphSchema(SUBGRAPHS[name])) })),
  );
  const result = composeServices(subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })));
  if (result.errors) throw new Error(`composition failed:\n${result.errors.map((e) => e.message).join("\n")}`);
  return { subgraphs, supergraph: result.supergraphSdl };
}

export const schemaFile = (name: string): string => resolve(__dirname, `${name}.graphql`);

if (require.main === module) {
  composeSupergraph().then(
    ({ subgraphs, supergraph }) => {
      for (const { name, sdl } of subgraphs) writeFileSync(schemaFile(name), sdl);
      writeFileSync(schemaFile("supergraph"), supergraph);
      console.log(`wrote ${subgraphs.length} subgraph schemas and schema/supergraph.graphql`);
    },
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
