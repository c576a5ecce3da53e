// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { FormState } from "@/lib/forms/form-state";
import { matriculeFor } from "@/lib/patients/matricule";
import type { SavedPatient } from "@/lib/patients/schema";
import { PatientForm } from "./patient-form";

afterEach(cleanup);

const fill = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe("PatientForm", () => {
  it("refuses a matricule that does not match the birth date before sending anything", async () => {
    const action = vi.fn(async (): Promise<FormState<SavedPatient>> => ({ status: "idle" }));
    render(<PatientForm action={action} />);
    fill("Nom", "Muller");
    fill("Prénom", "Zoé");
    fill("Date de naissance (JJ/MM/AAAA)", "12/03/1985");
    fill("Matricule (13 chiffres)", matriculeFor("1985-03-13", 1));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Enregistrer le dossier" })));
    expect(await screen.findByText(/Ce matricule correspond à une naissance le 13 mars 1985/, {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByLabelText("Matricule (13 chiffres)")).toHaveAttribute("aria-invalid", "true");
    expect(action).not.toHaveBeenCalled();
  });

  it("without a matricule: sends the box and the reason, not a matricule typed before; hands the saved patient to onCreated", async () => {
    const saved: SavedPatient = { id: "p1", firstName: "Zoé", lastName: "Muller", birthDate: "1985-03-12", matricule: null };
    const sent: FormData[] = [];
    const action = vi.fn(async (_: FormState<SavedPatient>, data: FormData): Promise<FormState<SavedPatient>> => {
      sent.push(data);
      return { status: "success", data: saved };
    });
    const onCreated = vi.fn();
    render(<PatientForm action={action} onCreated={onCreated} idPrefix="inline" />);
    fill("Nom", "Muller");
    fill("Prénom", "Zoé");
    fill("Date de naissance (JJ/MM/AAAA)", "12/03/1985");
    fill("Matricule (13 chiffres)", "123");
    fireEvent.click(screen.getByLabelText("Pas de matricule luxembourgeois"));
    expect(screen.queryByLabelText("Matricule (13 chiffres)")).toBeNull();
    fill("Raison", "visitor");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Enregistrer le dossier" })));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(saved));
    expect(onCreated).toHaveBeenCalledTimes(1);
    expect(sent[0]!.get("noMatricule")).toBe("1");
    expect(sent[0]!.get("noMatriculeReason")).toBe("visitor");
    expect(sent[0]!.get("matricule")).toBeNull();
    expect(screen.getByLabelText("Nom").id).toBe("inline-lastName");
  });
});
