// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { AccountSecurity } from "./account-security";

afterEach(cleanup);

describe("AccountSecurity", () => {
  it.each([
    [true, "Double authentification (2FA) : activée"],
    [false, "Double authentification (2FA) : non activée"],
  ])("with two-factor %s, says so and links to /securite", (twoFactorOn, text) => {
    render(<AccountSecurity twoFactorOn={twoFactorOn} />);
    expect(screen.getByRole("status")).toHaveTextContent(text);
    expect(screen.getByRole("link", { name: "Gérer la double authentification" })).toHaveAttribute("href", "/securite");
  });
});
