import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Person } from "./person.entity";

const person = (birthDate: string) => Object.assign(new Person(), { id: "p", birthDate, disabled: false, bedridden: false });

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-12-01T18:30:00Z")); // 2 December 2026, 01:30 in Bangkok
});
afterEach(() => {
  vi.useRealTimers();
});

describe("a person's age and age-based flags at 01:30 in Bangkok", () => {
  it("on their 60th birthday a person is 60 and elderly; a day short of it, 59 and not", () => {
    expect(person("1966-12-02")).toMatchObject({ age: 60, vulnerability: { elderly: true, childUnder7: false } });
    expect(person("1966-12-03")).toMatchObject({ age: 59, vulnerability: { elderly: false } });
  });

  it("on their 7th birthday a child is no longer under 7; a day short of it, still is", () => {
    expect(person("2019-12-02")).toMatchObject({ age: 7, vulnerability: { childUnder7: false } });
    expect(person("2019-12-03")).toMatchObject({ age: 6, vulnerability: { childUnder7: true } });
    expect(person("2026-12-02")).toMatchObject({ age: 0, vulnerability: { childUnder7: true } });
  });
});
