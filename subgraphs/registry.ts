import type { SubgraphName } from "./kit/config";
import type { SubgraphDefinition } from "./kit/subgraph";
import { area } from "./area/subgraph";
import { socialDevelopment } from "./social-development/subgraph";
import { housing } from "./housing/subgraph";
import { agriculture } from "./agriculture/subgraph";
import { communityCouncils } from "./community-councils/subgraph";

/** Every agency's subgraph by name: the one list the hub's entry points and `compose` read. */
export const SUBGRAPHS: Record<SubgraphName, SubgraphDefinition<any>> = {
  area,
  "social-development": socialDevelopment,
  housing,
  agriculture,
  "community-councils": communityCouncils,
};
