import { describe, expect, it } from "vitest";
import { type GatewayFigures, targets, targetTable } from "./report";

const figures = (rps: number, p50: number, more: Partial<GatewayFigures> = {}): GatewayFigures => ({
  rounds: 1,
  rps,
  p50,
  p99: p50 * 2,
  responses: rps * 10,
  errors: {},
  byRound: [],
  peakRssMb: 200,
  statementsPerRequest: 1,
  statementsByDatabase: {},
  bytesPerResponse: 100,
  ...more,
});

describe("issue 11's targets, as the bench checks them within one run", () => {
  const results: { key: string; gateways: Record<string, GatewayFigures> }[] = [
    {
      key: "Q1",
      gateways: {
        hub: figures(30, 100),
        "hub@demo": figures(32, 90),
        stock: figures(20, 150),
        hive: figures(25, 120),
        floor: figures(90, 30),
      },
    },
    {
      key: "Q3",
      gateways: {
        hub: figures(200, 40, { errors: { timeout: 2 } }),
        "hub@demo": figures(300, 10),
        hive: figures(100, 90),
        floor: figures(5, 20),
      },
    },
    { key: "mix", gateways: { hub: figures(100, 50, { peakRssMb: 260 }), hive: figures(10, 500) } },
  ];
  const checks = targets(results, "hub@demo");
  const of = (target: string, scenario: string) => checks.find((c) => c.target.startsWith(target) && c.scenario === scenario);

  it("compares the hub's RPS with Hive's and stock's on reads only", () => {
    expect(of("hub RPS ÷ Hive", "Q1")).toMatchObject({ value: 1.2, met: false });
    expect(of("hub RPS ÷ Hive", "Q3")).toMatchObject({ value: 2, met: true });
    expect(of("hub RPS ÷ stock", "Q1")).toMatchObject({ value: 1.5, met: true });
    expect(of("hub RPS ÷ Hive", "mix")).toBeUndefined();
  });

  it("holds Q3 to 3× the floor and the growth from demo size to 1.2× (Q1) and 2× (Q3)", () => {
    expect(of("hub p50 ÷ floor", "Q3")).toMatchObject({ value: 2, met: true });
    expect(of("hub p50 ÷ hub@demo", "Q1")).toMatchObject({ target: "hub p50 ÷ hub@demo p50 ≤ 1.2", value: 1.11, met: true });
    expect(of("hub p50 ÷ hub@demo", "Q3")).toMatchObject({ target: "hub p50 ÷ hub@demo p50 ≤ 2", value: 4, met: false });
  });

  it("counts every error and the peak memory of every scenario, writes included", () => {
    expect(of("hub errors", "Q3")).toMatchObject({ value: 2, met: false });
    expect(of("hub peak RSS", "mix")).toMatchObject({ value: 260, met: false });
    expect(targetTable(checks)).toContain("| hub errors = 0 | 2 of 3 | Q3: 2 |");
  });
});
