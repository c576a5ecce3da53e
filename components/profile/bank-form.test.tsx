// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { FormState } from "@/lib/forms/form-state";
import { BankForm } from "./bank-form";

// react-hook-form's checks with the schema useCheckedForm loads on first use.
afterEach(cleanup);

function setUp(answer: FormState = { status: "success", message: "Coordonnées bancaires enregistrées." }) {
  const action = vi.fn(async (_: FormState, _data: FormData) => answer);
  render(<BankForm iban={null} ibanHolder={null} action={action} />);
  const submit = () => fireEvent.submit(screen.getByRole("button", { name: "Enregistrer l'IBAN" }).closest("form")!);
  return { action, submit, iban: screen.getByLabelText("IBAN"), holder: screen.getByLabelText("Titulaire du compte") };
}

describe("BankForm", () => {
  it("says nothing while typing before the first submit", async () => {
    const { iban } = setUp();
    fireEvent.change(iban, { target: { value: "LU29" } });
    await new Promise((r) => setTimeout(r, 50));
    expect(iban).not.toHaveAttribute("aria-invalid");
  });

  it("refuses a submit with every message, focuses the first field at fault, and sends nothing", async () => {
    const { action, submit, iban, holder } = setUp();
    fireEvent.change(iban, { target: { value: "LU28 0019 4006 4475 000" } });
    fireEvent.change(holder, { target: { value: "x".repeat(71) } });
    submit();
    expect(await screen.findByText("Un IBAN LU compte 20 caractères ; celui-ci en a 19.")).toBeInTheDocument();
    expect(screen.getByText("Le titulaire du compte : 70 caractères au plus.")).toBeInTheDocument();
    expect(iban).toHaveAttribute("aria-invalid", "true");
    expect(iban).toHaveFocus();
    expect(action).not.toHaveBeenCalled();

    // From then on a field's message follows it as it changes; the other's stays.
    fireEvent.change(iban, { target: { value: "LU28 0019 4006 4475 0000" } });
    await waitFor(() => expect(screen.queryByText(/celui-ci en a 19/)).toBeNull());
    expect(screen.getByText("Le titulaire du compte : 70 caractères au plus.")).toBeInTheDocument();
    expect(holder).toHaveAttribute("aria-invalid", "true");
    fireEvent.change(holder, { target: { value: "" } });
    expect(await screen.findByText("Indiquez le titulaire du compte.")).toBeInTheDocument();
    expect(action).not.toHaveBeenCalled();
  });

  it("sends the form as typed once it is right, and shows the server's answer", async () => {
    const { action, submit, iban, holder } = setUp();
    fireEvent.change(iban, { target: { value: "lu28 0019 4006 4475 0000" } });
    fireEvent.change(holder, { target: { value: "Dr Paul Schmit" } });
    submit();
    expect(await screen.findByText("Coordonnées bancaires enregistrées.")).toBeInTheDocument();
    expect(action).toHaveBeenCalledTimes(1);
    expect(action.mock.calls[0]![1].get("iban")).toBe("lu28 0019 4006 4475 0000");
    expect(action.mock.calls[0]![1].get("ibanHolder")).toBe("Dr Paul Schmit");
  });

  it("shows one message at a time: a refused submit after a save takes the old confirmation away", async () => {
    const { submit, iban, holder } = setUp();
    fireEvent.change(iban, { target: { value: "LU28 0019 4006 4475 0000" } });
    fireEvent.change(holder, { target: { value: "Dr Paul Schmit" } });
    submit();
    expect(await screen.findByText("Coordonnées bancaires enregistrées.")).toBeInTheDocument();
    fireEvent.change(iban, { target: { value: "LU28 0019 4006 4475 000" } });
    submit();
    expect(await screen.findByText("Un IBAN LU compte 20 caractères ; celui-ci en a 19.")).toBeInTheDocument();
    expect(screen.queryByText("Coordonnées bancaires enregistrées.")).toBeNull();
  });

  it("shows the server's message under a field the browser let through", async () => {
    const { submit, iban, holder } = setUp({ status: "error", fieldErrors: { ibanHolder: "Refusé par le serveur." } });
    fireEvent.change(iban, { target: { value: "LU28 0019 4006 4475 0000" } });
    fireEvent.change(holder, { target: { value: "Dr Paul Schmit" } });
    submit();
    expect(await screen.findByText("Refusé par le serveur.")).toBeInTheDocument();
    expect(holder).toHaveAttribute("aria-invalid", "true");
  });
});
