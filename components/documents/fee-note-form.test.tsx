// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { luxembourgToday } from "@/lib/documents/schema";
import { FeeNoteForm } from "./fee-note-form";

afterEach(cleanup);

const initial = { issuedOn: luxembourgToday(), lines: [], paid: false };

describe("FeeNoteForm", () => {
  it("shows the total in integer cents as the lines are typed", () => {
    render(<FeeNoteForm action={vi.fn()} initial={initial} replaces={null} cancelHref="/patients/x" />);
    fireEvent.change(screen.getByLabelText("Prix unitaire de l'acte 1 en euros"), { target: { value: "1,15" } });
    fireEvent.change(screen.getByLabelText("Quantité de l'acte 1"), { target: { value: "3" } });
    expect(screen.getByTestId("fee-total").textContent).toBe("3,45\u00a0€");
    fireEvent.click(screen.getByRole("button", { name: "+ Ajouter un acte" }));
    fireEvent.change(screen.getByLabelText("Prix unitaire de l'acte 2 en euros"), { target: { value: "0,10" } });
    expect(screen.getByTestId("fee-total").textContent).toBe("3,55\u00a0€");
    fireEvent.click(screen.getByRole("button", { name: "Retirer l'acte 1" }));
    expect(screen.getByTestId("fee-total").textContent).toBe("0,10\u00a0€");
  });

  it("checks the lines with the server's rules before sending anything", async () => {
    const action = vi.fn(async () => ({ status: "idle" as const }));
    render(<FeeNoteForm action={action} initial={initial} replaces={null} cancelHref="/patients/x" />);
    fireEvent.change(screen.getByLabelText("Code de l'acte 1"), { target: { value: "C1" } });
    fireEvent.change(screen.getByLabelText("Libellé de l'acte 1"), { target: { value: "Consultation" } });
    fireEvent.change(screen.getByLabelText("Quantité de l'acte 1"), { target: { value: "-1" } });
    fireEvent.change(screen.getByLabelText("Prix unitaire de l'acte 1 en euros"), { target: { value: "12,345" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Établir le mémoire d'honoraires" })));
    expect(screen.getByText("La quantité ne peut pas être négative.")).toBeInTheDocument();
    expect(screen.getByText("Le montant a deux décimales au plus (ex. 54,80).")).toBeInTheDocument();
    expect(screen.getByLabelText("Prix unitaire de l'acte 1 en euros")).toHaveAttribute("aria-invalid", "true");
    expect(action).not.toHaveBeenCalled();
  });
});
