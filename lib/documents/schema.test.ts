import { describe, expect, it } from "vitest";
import { luxembourgToday, mayIssue, parseDocument, formInput, MAX_FEE_LINES } from "./schema";
import { printableProblem, toPrintable } from "./printable-text";

const today = luxembourgToday();

function fromForm(kind: Parameters<typeof formInput>[0], fields: [string, string][]) {
  const formData = new FormData();
  for (const [name, value] of fields) formData.append(name, value);
  return parseDocument(kind, formInput(kind, formData));
}

const feeLine = (code: string, label: string, quantity: string, amount: string): [string, string][] => [
  ["code", code],
  ["label", label],
  ["quantity", quantity],
  ["amount", amount],
];

describe("fee note form", () => {
  it("reads parallel lists into lines with cents, codes upper-cased", () => {
    const parsed = fromForm("fee_note", [
      ["issuedOn", today],
      ...feeLine("c1", " Consultation ", "1", "54,80"),
      ...feeLine("V12", "ECG", "2", "18,75"),
      ["paid", "paid"],
    ]);
    expect(parsed).toEqual({
      ok: true,
      kind: "fee_note",
      data: {
        issuedOn: today,
        lines: [
          { code: "C1", label: "Consultation", quantity: 1, unitCents: 5480 },
          { code: "V12", label: "ECG", quantity: 2, unitCents: 1875 },
        ],
        paid: true,
        replaces: null,
      },
    });
  });

  it("refuses 10 000 lines from their count alone", () => {
    const fields: [string, string][] = [
      ["issuedOn", today],
      ["paid", "unpaid"],
    ];
    for (let i = 0; i < 10_000; i++) fields.push(...feeLine("C1", "Consultation", "1", "54,80"));
    expect(fromForm("fee_note", fields)).toEqual({ ok: false, fieldErrors: { lines: `${MAX_FEE_LINES} lignes au plus.` } });
  });

  it.each([
    [feeLine("C1", "Consultation", "-2", "54,80"), "lines.0.quantity", /négative/],
    [feeLine("C1", "Consultation", "1,5", "54,80"), "lines.0.quantity", /entier de 1 à 99/],
    [feeLine("C1", "Consultation", "1", "54,801"), "lines.0.unitCents", /deux décimales/],
    [feeLine("C 1!", "Consultation", "1", "54,80"), "lines.0.code", /lettres et chiffres/],
    [feeLine("C1", "", "1", "54,80"), "lines.0.label", /Saisissez le libellé/],
    [feeLine("C1", "Consultation\u202E", "1", "54,80"), "lines.0.label", /invisible/],
    [feeLine("C1", "Consul\ttation", "1", "54,80"), "lines.0.label", /contrôle/],
    [feeLine("C1", "Consultation 你好", "1", "54,80"), "lines.0.label", /« 你 » ne peut pas être imprimé/],
  ])("refuses a bad line (%#)", (line, field, message) => {
    const parsed = fromForm("fee_note", [["issuedOn", today], ...line, ["paid", "unpaid"]]);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.fieldErrors[field]).toMatch(message);
  });

  it("refuses a date in the future and a total above 99 999,99 €", () => {
    const future = fromForm("fee_note", [["issuedOn", "2999-01-01"], ...feeLine("C1", "C", "1", "1"), ["paid", "unpaid"]]);
    expect(!future.ok && future.fieldErrors.issuedOn).toMatch(/futur/);
    const huge = fromForm("fee_note", [["issuedOn", today], ...feeLine("C1", "C", "99", "99999"), ["paid", "unpaid"]]);
    expect(!huge.ok && huge.fieldErrors.lines).toMatch(/99 999,99/);
  });
});

describe("prescription and certificate forms", () => {
  it("needs a medication, keeps the notes' line breaks", () => {
    expect(
      fromForm("prescription", [
        ["issuedOn", today],
        ["notes", "x"],
      ]),
    ).toMatchObject({ ok: false, fieldErrors: { lines: "Ajoutez au moins un médicament." } });
    const ok = fromForm("prescription", [
      ["issuedOn", today],
      ["medication", "Ibuprofène 400 mg"],
      ["dosage", ""],
      ["notes", "Ligne 1\r\nLigne 2"],
    ]);
    expect(ok).toMatchObject({ ok: true, data: { lines: [{ medication: "Ibuprofène 400 mg", dosage: "" }], notes: "Ligne 1\nLigne 2" } });
  });

  it("asks for the period of a sick note, in order", () => {
    const missing = fromForm("certificate", [
      ["issuedOn", today],
      ["certificateKind", "incapacite"],
    ]);
    expect(!missing.ok && missing.fieldErrors).toMatchObject({ periodFrom: "Indiquez le premier jour.", periodTo: "Indiquez le dernier jour." });
    const reversed = fromForm("certificate", [
      ["issuedOn", today],
      ["certificateKind", "incapacite"],
      ["periodFrom", "2026-11-20"],
      ["periodTo", "2026-11-10"],
    ]);
    expect(!reversed.ok && reversed.fieldErrors.periodTo).toBe("Le dernier jour suit le premier.");
    expect(
      fromForm("certificate", [
        ["issuedOn", today],
        ["certificateKind", "hack"],
      ]),
    ).toMatchObject({ ok: false, fieldErrors: { certificateKind: "Choisissez le type d'attestation dans la liste." } });
  });
});

describe("who issues what", () => {
  it("the doctor everything, a secretary fee notes only", () => {
    expect(["prescription", "certificate", "fee_note"].map((k) => mayIssue("direct", k as never))).toEqual([true, true, true]);
    expect(["prescription", "certificate", "fee_note"].map((k) => mayIssue("secretary", k as never))).toEqual([false, false, true]);
  });
});

describe("printable text", () => {
  it("accepts French, German, Luxembourgish and Portuguese text, € and typographic quotes", () => {
    expect(printableProblem("Ëmmer « ça » — Straße, São João, 12 € ’")).toBeNull();
  });
  it("accepts the names of Luxembourg's other residents: Polish, Romanian, Turkish, Vietnamese, Greek, Cyrillic", () => {
    expect(printableProblem("Łukasz Wiśniewski, Ștefan Țurcanu, Çağrı Öztürk, Nguyễn Thị Ánh, Γιώργος Παπαδόπουλος, Ольга Шевченко")).toBeNull();
  });
  it("refuses control characters, direction overrides, zero-width characters and letters the font lacks", () => {
    expect(printableProblem("a\u0000b")).toMatch(/contrôle \(U\+0000\)/);
    expect(printableProblem("a\nb")).toBe("Ce champ tient sur une seule ligne.");
    expect(printableProblem("a\nb", { multiline: true })).toBeNull();
    expect(printableProblem("\u202Eabc")).toMatch(/U\+202E/);
    expect(printableProblem("a\u2066b")).toMatch(/U\+2066/);
    expect(printableProblem("a\u200Bb")).toMatch(/U\+200B/);
    expect(printableProblem("Wang 王")).toMatch(/« 王 »/);
  });
  it("makes stored names printable without failing", () => {
    expect(toPrintable("Őry\u202E Łukasz 1\u202F234 Wang 王 Anne\u00ADMarie")).toBe("Őry Łukasz 1\u00a0234 Wang ? AnneMarie");
  });
});
