// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PrescriptionForm } from "./prescription-form";

afterEach(cleanup);

describe("PrescriptionForm", () => {
  it("puts the focus in the new line after « Ajouter un médicament »", async () => {
    render(<PrescriptionForm action={vi.fn()} initial={{ issuedOn: "2026-12-07", lines: [], notes: "" }} replaces={null} cancelHref="/patients" />);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: /Ajouter un médicament/ })));
    expect(screen.getByLabelText("Médicament 2")).toHaveFocus();
  });

  it("focuses the first field at fault when the browser refuses the form", async () => {
    const action = vi.fn();
    render(<PrescriptionForm action={action} initial={{ issuedOn: "2026-12-07", lines: [], notes: "" }} replaces={null} cancelHref="/patients" />);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Établir l'ordonnance" })));
    expect(action).not.toHaveBeenCalled();
    const first = screen.getByLabelText("Médicament 1");
    expect(first).toHaveAttribute("aria-invalid", "true");
    expect(first).toHaveFocus();
  });
});
