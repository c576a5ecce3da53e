import { postcodeAsSaved, providerCodeAsSaved } from "@/lib/profile/formats";
import type { ProfileDetailsInput } from "@/lib/profile/schema";
import type { StampData } from "@/lib/profile/stamp";
import { displayName } from "@/lib/users/display-name";

export type DetailsValues = Required<ProfileDetailsInput>;

/** The stamp of the details as typed: shown as they will be saved when they are valid, as typed otherwise. */
export function stampDataOf(v: DetailsValues): StampData {
  const clean = (s: string | undefined) => s?.trim().replace(/\s+/g, " ") || null;
  const code = providerCodeAsSaved(v.providerCode ?? "");
  const postcode = postcodeAsSaved(v.postcode ?? "");
  return {
    name: displayName({ title: clean(v.title), firstName: clean(v.firstName) ?? "", lastName: clean(v.lastName) ?? "" }) || "Nom du médecin",
    specialty: clean(v.specialty),
    providerCode: code === undefined ? clean(v.providerCode) : code,
    street: clean(v.street),
    postcode: postcode === undefined ? clean(v.postcode) : postcode,
    locality: clean(v.locality),
    phone: clean(v.phone),
  };
}
