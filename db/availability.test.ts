import { afterEach, describe, expect, it } from "vitest";
import { databaseDownSince, isConnectionError, noteDatabaseError, noteDatabaseUp } from "./availability";

describe("database availability", () => {
  afterEach(() => noteDatabaseUp());

  it("tells a lost database from a wrong query", () => {
    expect(isConnectionError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isConnectionError(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
    expect(isConnectionError(Object.assign(new Error("the database system is starting up"), { code: "57P03" }))).toBe(true);
    expect(isConnectionError(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isConnectionError(Object.assign(new Error("duplicate key value"), { code: "23505" }))).toBe(false);
    expect(isConnectionError(Object.assign(new Error("syntax error"), { code: "42601" }))).toBe(false);
    expect(isConnectionError(null)).toBe(false);
  });

  it("is marked down by a connection error only, and up again by a good answer", () => {
    noteDatabaseError(Object.assign(new Error("duplicate key value"), { code: "23505" }));
    expect(databaseDownSince()).toBeNull();
    noteDatabaseError(Object.assign(new Error("refused"), { code: "ECONNREFUSED" }));
    const since = databaseDownSince();
    expect(since).not.toBeNull();
    noteDatabaseError(new Error("Connection terminated unexpectedly"));
    expect(databaseDownSince()).toBe(since);
    noteDatabaseUp();
    expect(databaseDownSince()).toBeNull();
  });
});
