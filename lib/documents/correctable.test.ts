import { describe, expect, it } from "vitest";
import { correctableDocument } from "./documents";

// The one rule for which document may be corrected, shared by the patient page (the « Corriger »
// form opens only for such a document) and issueDocument (the correction is refused otherwise).

const PATIENT = "5d0c1a4e-0000-4000-8000-000000000001";
const live = { document: { patientId: PATIENT, kind: "prescription" as const }, cancelledByNumber: null };

describe("correctableDocument", () => {
  it("allows a live document of this patient", () => {
    expect(correctableDocument(live, PATIENT)).toEqual({ kind: "correctable" });
    expect(correctableDocument(live, PATIENT, "prescription")).toEqual({ kind: "correctable" });
  });

  it("refuses a document already cancelled by a correction", () => {
    expect(correctableDocument({ ...live, cancelledByNumber: "2026-0007" }, PATIENT)).toEqual({ kind: "already-corrected" });
  });

  it("knows nothing of another patient's document, an unseen one, or one of another kind", () => {
    expect(correctableDocument(live, "5d0c1a4e-0000-4000-8000-000000000002")).toEqual({ kind: "not-found" });
    expect(correctableDocument(null, PATIENT)).toEqual({ kind: "not-found" });
    expect(correctableDocument(live, PATIENT, "fee_note")).toEqual({ kind: "not-found" });
  });
});
