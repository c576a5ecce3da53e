// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { FormState } from "@/lib/forms/form-state";
import { InviteForm } from "./invite-form";

afterEach(cleanup);

function fill() {
  fireEvent.change(screen.getByLabelText("Type de compte"), { target: { value: "patient" } });
  fireEvent.change(screen.getByLabelText("Courriel"), { target: { value: "lea.muller@example.lu" } });
  fireEvent.change(screen.getByLabelText("Prénom"), { target: { value: "Léa" } });
  fireEvent.change(screen.getByLabelText("Nom"), { target: { value: "Muller" } });
  fireEvent.change(screen.getByLabelText("Raison de l'invitation (journal d'audit)"), { target: { value: "Demande du cabinet" } });
}

describe("InviteForm", () => {
  it("empties itself after a sent invitation, keeping the confirmation", async () => {
    const action = vi.fn(async (): Promise<FormState> => ({
      status: "success",
      message: "Compte créé ; une invitation a été envoyée à lea.muller@example.lu.",
    }));
    render(<InviteForm action={action} />);
    fill();
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Créer et envoyer l'invitation" })));
    expect(screen.getByRole("status")).toHaveTextContent("une invitation a été envoyée");
    expect(screen.getByLabelText("Courriel")).toHaveValue("");
    expect(screen.getByLabelText("Prénom")).toHaveValue("");
    expect(screen.getByLabelText("Raison de l'invitation (journal d'audit)")).toHaveValue("");
    expect(screen.getByLabelText("Type de compte")).toHaveValue("doctor");
  });

  it("keeps what was typed when refused, ties each message to its field and focuses the first", async () => {
    const action = vi.fn(async (): Promise<FormState> => ({
      status: "error",
      fieldErrors: { email: "Saisissez le courriel de la personne.", reason: "Indiquez la raison de cette action." },
    }));
    render(<InviteForm action={action} />);
    fill();
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Créer et envoyer l'invitation" })));
    const email = screen.getByLabelText("Courriel");
    expect(email).toHaveValue("lea.muller@example.lu");
    expect(email).toHaveAttribute("aria-invalid", "true");
    expect(email).toHaveAccessibleDescription("Saisissez le courriel de la personne.");
    expect(screen.getByLabelText("Raison de l'invitation (journal d'audit)")).toHaveAccessibleDescription("Indiquez la raison de cette action.");
    expect(email).toHaveFocus();
  });
});
