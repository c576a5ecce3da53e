import { VISIT_REASON_COLOURS, type VisitReasonColour } from "@/db/visit-reason-colours";

// How each reason-for-visit colour looks. Text is dark on a light tint (contrast above 7:1 for
// every pair), and the agenda always writes the motif's label beside its colour: colour is never
// the only way to tell two appointments apart. The strong colour is for borders and swatches.

export { VISIT_REASON_COLOURS, type VisitReasonColour };

export const PALETTE: Record<VisitReasonColour, { label: string; background: string; border: string; text: string }> = {
  blue: { label: "Bleu", background: "#dbeafe", border: "#1d4ed8", text: "#1e3a8a" },
  green: { label: "Vert", background: "#dcfce7", border: "#15803d", text: "#14532d" },
  orange: { label: "Orange", background: "#ffedd5", border: "#c2410c", text: "#7c2d12" },
  purple: { label: "Violet", background: "#f3e8ff", border: "#7e22ce", text: "#581c87" },
  red: { label: "Rouge", background: "#fee2e2", border: "#b91c1c", text: "#7f1d1d" },
  teal: { label: "Turquoise", background: "#ccfbf1", border: "#0f766e", text: "#134e4a" },
  pink: { label: "Rose", background: "#fce7f3", border: "#be185d", text: "#831843" },
  grey: { label: "Gris", background: "#f1f5f9", border: "#475569", text: "#0f172a" },
};

export function isVisitReasonColour(value: unknown): value is VisitReasonColour {
  return typeof value === "string" && (VISIT_REASON_COLOURS as readonly string[]).includes(value);
}
