import { describe, expect, it } from "vitest";
import { refusalOf } from "../../test/unit";
import { decodeCursor, encodeCursor, pageWindow, toConnection } from "./pagination";

const NOT_OURS = { code: "BAD_USER_INPUT", field: "after", message: "after: is not a cursor this API issued" };

describe("cursors", () => {
  it.each([
    ["a house code", "49010100001"],
    ["a case id", "123456789012345678"],
    ["a date and id", "2025-03-10|42"],
    ["a house code and linkage id", "49010100001" + "0123456789abcdef0123456789abcdef"],
  ])("a cursor made from %s gives back the same key", (_, key) => {
    const cursor = encodeCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/); // safe in a URL and in JSON without escaping
    expect(decodeCursor(cursor)).toBe(key);
  });

  it.each([
    ["garbage", "garbage"],
    ["an empty string", ""],
    ["a house code that was never encoded", "49010100001"],
    ["base64 of some other text", Buffer.from("hello").toString("base64url")],
    ["a cursor with an empty key", encodeCursor("")],
  ])("%s passed as a cursor is refused with BAD_USER_INPUT naming `after`", (_, cursor) => {
    expect(refusalOf(() => decodeCursor(cursor))).toEqual(NOT_OURS);
  });

  it("a cursor with characters added to it (appended, padding, a space) is refused, not read as some position", () => {
    const cursor = encodeCursor("49010100001");
    expect(refusalOf(() => decodeCursor(`${cursor}!!`))).toEqual(NOT_OURS);
    expect(refusalOf(() => decodeCursor(`${cursor}=`))).toEqual(NOT_OURS);
    expect(refusalOf(() => decodeCursor(`${cursor.slice(0, 4)} ${cursor.slice(4)}`))).toEqual(NOT_OURS);
  });

  it("a forged cursor carrying a NUL or control character is refused before it can reach SQL", () => {
    for (const key of ["\0", "4901\u0000", "1\n2", "49010100001\u007f"])
      expect(refusalOf(() => decodeCursor(Buffer.from(`k:${key}`).toString("base64url")))).toEqual(NOT_OURS);
  });
});

describe("page windows", () => {
  it("a page of 1 up to the largest page size is accepted; 0, one over, a fraction or NaN is refused naming `first`", () => {
    expect(pageWindow({ first: 1 }, 100)).toEqual({ limit: 1, afterKey: null });
    expect(pageWindow({ first: 100 }, 100)).toEqual({ limit: 100, afterKey: null });
    for (const first of [0, -1, 101, 2.5, Number.NaN]) {
      expect(refusalOf(() => pageWindow({ first }, 100))).toEqual({
        code: "BAD_USER_INPUT",
        field: "first",
        message: "first: must be from 1 to 100",
      });
    }
  });

  it("the next page starts after the key in the previous page's cursor; no cursor starts at the beginning", () => {
    expect(pageWindow({ first: 20, after: encodeCursor("49010100001") }, 100)).toEqual({ limit: 20, afterKey: "49010100001" });
    expect(pageWindow({ first: 20, after: null }, 100).afterKey).toBeNull();
  });

  it("a bad cursor is refused even on a page of a valid size", () => {
    expect(refusalOf(() => pageWindow({ first: 20, after: "garbage" }, 100))).toEqual(NOT_OURS);
  });
});

describe("connections", () => {
  const rows = ["a", "b", "c"].map((id) => ({ id }));

  it("a page fetched with one row to spare says another page follows, and its cursor points at its last row", () => {
    const page = toConnection(rows, 2, (r) => r.id, 3);
    expect(page.nodes).toEqual([{ id: "a" }, { id: "b" }]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(decodeCursor(page.pageInfo.endCursor!)).toBe("b");
    expect(page.totalCount).toBe(3);
  });

  it("the last page, exactly full, says no page follows", () => {
    const page = toConnection(rows, 3, (r) => r.id, 3);
    expect(page.nodes).toHaveLength(3);
    expect(page.pageInfo).toEqual({ hasNextPage: false, endCursor: encodeCursor("c") });
  });

  it("an empty page has no cursor", () => {
    expect(toConnection([], 20, (r: { id: string }) => r.id, 0)).toEqual({
      nodes: [],
      totalCount: 0,
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });
});
