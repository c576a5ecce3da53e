import { describe, expect, it } from "vitest";
import { describeUserAgent } from "./user-agent";

describe("describeUserAgent", () => {
  it.each([
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
      { browser: "Edge 131", os: "Windows 10" },
    ],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0", { browser: "Firefox 133", os: "Windows 10" }],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1",
      { browser: "Mobile Safari 17", os: "iOS 17.6 (mobile)" },
    ],
    ["", { browser: "Navigateur inconnu", os: "Système inconnu" }],
    ["curl/8.5.0", { browser: "Navigateur inconnu", os: "Système inconnu" }],
  ])("%s", (ua, expected) => {
    expect(describeUserAgent(ua)).toEqual(expected);
  });
});

describe("the memory of parsed user agents", () => {
  it("keeps answering right once more browsers than it remembers have been seen", () => {
    const firefox = (v: number) => `Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:${v}.0) Gecko/20100101 Firefox/${v}.0`;
    for (let v = 1; v <= 700; v++) expect(describeUserAgent(firefox(v)).browser).toBe(`Firefox ${v}`);
    expect(describeUserAgent(firefox(1))).toEqual({ browser: "Firefox 1", os: "Windows 10" });
  });
});
