// type-graphql reads decorator metadata through the Reflect API that this package adds.
import "reflect-metadata";
import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { parse, type GraphQLSchema } from "graphql";
import { buildSchema, createResolversMap, type BuildSchemaOptions } from "type-graphql";
import { authChecker } from "./authorization";

/** The Federation 2 features this hub's subgraphs use. */
const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@inaccessible"])`;

/**
 * Builds a Federation 2 subgraph schema from type-graphql resolvers (after type-graphql's
 * examples/apollo-federation-2): build the type-graphql schema, print it with its directives,
 * add the federation `@link`, and hand it with the reference resolvers to buildSubgraphSchema.
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, "skipCheck">,
  referenceResolvers: GraphQLResolverMap<any> = {},
): Promise<GraphQLSchema> {
  // skipCheck: a subgraph may add fields to other owners' types without having a Query of its own.
  const schema = await buildSchema({ ...options, skipCheck: true, validate: false, authChecker });
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<any>;
  for (const [typeName, fields] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...(fields as object) } as never;
  }
  const typeDefs = parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`);
  return buildSubgraphSchema([{ typeDefs, resolvers }]);
}
