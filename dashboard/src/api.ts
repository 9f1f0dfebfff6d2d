import province from "../../schema/operations/11-DashboardProvince.graphql?raw";
import district from "../../schema/operations/12-DashboardDistrict.graphql?raw";
import tambon from "../../schema/operations/13-DashboardTambon.graphql?raw";
import type { GraphQLErrorLike } from "./figures";

/**
 * One named operation per view (schema/operations/11-13, tested with the other named operations),
 * sent as it is to the hub's /graphql: no request per tambon.
 */
export const OPERATIONS = {
  DashboardProvince: province,
  DashboardDistrict: district,
  DashboardTambon: tambon,
} as const;
export type OperationName = keyof typeof OPERATIONS;

export interface Answer<T> {
  data: T | null;
  errors: GraphQLErrorLike[];
  /** When the answer arrived: the dashboard's "as of" for figures the graph gives no date for. */
  receivedAt: Date;
}

export class RequestFailed extends Error {}

export async function ask<T>(name: OperationName, variables: Record<string, unknown>, token: string | null): Promise<Answer<T>> {
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      headers,
      body: JSON.stringify({ operationName: name, query: OPERATIONS[name], variables }),
    });
  } catch {
    throw new RequestFailed("the hub did not answer");
  }
  const body = (await response.json().catch(() => null)) as { data?: T; errors?: GraphQLErrorLike[] } | null;
  if (!body || (!body.data && !response.ok)) throw new RequestFailed(body?.errors?.[0]?.message ?? `HTTP ${response.status}`);
  return { data: body.data ?? null, errors: body.errors ?? [], receivedAt: new Date() };
}

/** A token's claims, read (not verified: the gateway does that) to say which role is active. */
export function claims(token: string): { role?: string; scope?: string; exp?: number } | null {
  try {
    const payload = atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/"));
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(payload, (c) => c.charCodeAt(0))));
  } catch {
    return null;
  }
}

/** A demo role's token from the gateway (development only; gateway/dashboard.ts). */
export async function demoToken(role: string): Promise<string> {
  const response = await fetch("/dashboard/demo-token", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ role }),
  });
  const body = (await response.json()) as { token?: string; error?: string };
  if (!body.token) throw new RequestFailed(body.error ?? `HTTP ${response.status}`);
  return body.token;
}
