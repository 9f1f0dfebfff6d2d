import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { mergeUnavailable, SubgraphUnavailableError } from "./partial-answers";

const entities = (fields: string) =>
  parse(`query Op($representations: [_Any!]!) { _entities(representations: $representations) { ... on Tambon { __typename ${fields} } } }`);

const data = {
  tambons: [
    { code: "490101", agriculture: null, housing: null },
    { code: "490102", agriculture: null, housing: null },
  ],
};

describe("partial answers", () => {
  it("several failed fetches of one subgraph make one error, naming it, at every field it left null", () => {
    const errors = mergeUnavailable(
      [
        new SubgraphUnavailableError(
          "agriculture",
          "CIRCUIT_OPEN",
          "known to be down: not called",
          ["tambons", "@"],
          entities("agriculture { farmerCount }"),
        ),
        new SubgraphUnavailableError(
          "agriculture",
          "TIMEOUT",
          "no answer within 800 ms",
          ["tambons", "@"],
          entities("crops: agriculture { farmerCount }"),
        ),
        new SubgraphUnavailableError(
          "housing",
          "UNREACHABLE",
          "could not connect (ECONNREFUSED)",
          ["tambons", "@"],
          entities("housing { openCases }"),
        ),
      ],
      data,
    );
    expect(errors).toEqual([
      {
        message: "agriculture is unavailable: no answer within 800 ms",
        path: ["tambons", 0, "agriculture"],
        extensions: {
          code: "SUBGRAPH_UNAVAILABLE",
          serviceName: "agriculture",
          reason: "TIMEOUT",
          paths: [
            ["tambons", 0, "agriculture"],
            ["tambons", 1, "agriculture"],
            ["tambons", 0, "crops"],
            ["tambons", 1, "crops"],
          ],
        },
      },
      {
        message: "housing is unavailable: could not connect (ECONNREFUSED)",
        path: ["tambons", 0, "housing"],
        extensions: {
          code: "SUBGRAPH_UNAVAILABLE",
          serviceName: "housing",
          reason: "UNREACHABLE",
          paths: [
            ["tambons", 0, "housing"],
            ["tambons", 1, "housing"],
          ],
        },
      },
    ]);
  });

  it("a failed root fetch names its root fields, even when the whole answer is null", () => {
    const [error] = mergeUnavailable(
      [
        new SubgraphUnavailableError(
          "area",
          "TIMEOUT",
          "no answer within 800 ms",
          [],
          parse(`query Op($c: String!) { tambons(districtCode: $c) { code } }`),
        ),
      ],
      null,
    );
    expect(error.path).toEqual(["tambons"]);
    expect(error.extensions?.paths).toEqual([["tambons"]]);
  });

  it("entities the answer no longer holds (their parent was nulled) are not pointed at", () => {
    const [error] = mergeUnavailable(
      [
        new SubgraphUnavailableError(
          "housing",
          "TIMEOUT",
          "no answer within 800 ms",
          ["tambon", "district"],
          entities("housing { openCases }"),
        ),
      ],
      { tambon: null },
    );
    expect(error.path).toBeUndefined();
    expect(error.extensions?.paths).toEqual([]);
  });
});
