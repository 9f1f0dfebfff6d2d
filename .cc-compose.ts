import { composeServices } from "@apollo/composition";
import { printSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";
import { subgraphSchema } from "./subgraphs/kit/subgraph";
import { SUBGRAPHS } from "./subgraphs/registry";

(async () => {
  const names = ["area", "social-development", "community-councils"] as const;
  const subs = await Promise.all(names.map(async (name) => ({ name, url: "http://x", sdl: printSubgraphSchema(await subgraphSchema(SUBGRAPHS[name])) })));
  const result = composeServices(subs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })));
  if (result.errors) console.log(result.errors.map((e) => e.message).join("\n"));
  else console.log("composed OK");
  if (process.argv[2]) console.log(subs[2].sdl);
})();
