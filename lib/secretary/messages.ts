// What the secretary area's results say (French).

export const SECRETARY_MESSAGE = {
  notAttached: "Cette personne n'est pas rattachée à votre cabinet.",
  detached: "Secrétaire détachée ; ses sessions pour votre cabinet sont fermées.",
  notHerDoctor: "Ce médecin ne fait pas partie de vos cabinets.",
} as const;

/** The sentence for a refusal of lib/secretary/doctors.ts. */
export function secretaryRefusalMessage(result: { kind: "not-attached" } | { kind: "not-her-doctor" }): string {
  return result.kind === "not-attached" ? SECRETARY_MESSAGE.notAttached : SECRETARY_MESSAGE.notHerDoctor;
}
