// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PatientIdentityFields } from "./identity-fields";

afterEach(cleanup);

// The identification fields shared by the patient file and the booking flow's « pour qui »: each
// message is tied to its field, and the ids follow the form's prefix (or the fields' own).

describe("PatientIdentityFields", () => {
  it("ties the matricule's message to its field, with the fields' own ids by default", () => {
    render(
      <PatientIdentityFields noMatricule={false} onNoMatriculeChange={() => {}} error={(n) => (n === "matricule" ? "Matricule faux." : undefined)} />,
    );
    const matricule = screen.getByLabelText("Matricule (13 chiffres)");
    expect(matricule).toHaveAttribute("id", "field-matricule");
    expect(matricule).toHaveAttribute("name", "matricule");
    expect(matricule).toHaveAttribute("aria-invalid", "true");
    expect(matricule).toHaveAccessibleDescription("Matricule faux.");
    expect(screen.queryByLabelText("Raison")).toBeNull();
  });

  it("without a matricule: the reason and the other identifier, prefixed ids, the choice posted", () => {
    const toggle = vi.fn();
    const { container } = render(
      <PatientIdentityFields
        noMatricule
        onNoMatriculeChange={toggle}
        idPrefix="inline"
        error={(n) => (n === "noMatriculeReason" ? "Sans matricule, indiquez pourquoi." : undefined)}
      />,
    );
    const reason = screen.getByLabelText("Raison");
    expect(reason).toHaveAttribute("id", "inline-noMatriculeReason");
    expect(reason).toHaveAccessibleDescription("Sans matricule, indiquez pourquoi.");
    expect(screen.getByLabelText("Autre identifiant (facultatif)")).not.toHaveAttribute("aria-invalid");
    expect(screen.queryByLabelText("Matricule (13 chiffres)")).toBeNull();
    expect(container.querySelector('input[type="hidden"][name="noMatricule"]')).toHaveValue("1");
    fireEvent.click(screen.getByLabelText("Pas de matricule luxembourgeois"));
    expect(toggle).toHaveBeenCalledWith(false);
  });
});
