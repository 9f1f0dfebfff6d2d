import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError } from "graphql";

const badRequest = (message: string, code: string) => new GraphQLError(message, { extensions: { code, http: { status: 400 } } });

/**
 * Client mistakes that graphql-js validation lets through but the gateway's planner would fail on
 * with a 500: several operations and no `operationName`, or a subscription (the hub has none).
 * Refused here with a 400 that says what to change.
 */
export const operationChecks: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, request }) {
        if (!operation) {
          throw badRequest(
            request.operationName
              ? `the document has no operation named "${request.operationName}"`
              : "the document holds several operations: name the one to run in operationName",
            "OPERATION_RESOLUTION_FAILURE",
          );
        }
        if (operation.operation === "subscription") throw badRequest("the hub has no subscriptions: use a query", "BAD_REQUEST");
      },
    };
  },
};
