// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ProfileMenu } from "./profile-menu";

afterEach(cleanup);

describe("ProfileMenu", () => {
  it("is named by all it shows, the initials a phone shows first (WCAG 2.5.3), and opens its menu", () => {
    render(<ProfileMenu name="Dr Paul Schmit" initials="PS" detail="Médecin" profileHref="/profile" signOut={vi.fn(async () => "/doctor_home")} />);
    const button = screen.getByRole("button", { name: "PS Dr Paul Schmit Médecin — menu du profil" });
    expect(button).not.toHaveAttribute("aria-label");
    fireEvent.click(button);
    expect(button).toHaveAttribute("aria-expanded", "true");
    expect(screen.getByRole("menuitem", { name: "Mon profil" })).toHaveFocus();
    fireEvent.keyDown(document, { key: "Escape" });
    expect(button).toHaveFocus();
  });
});
