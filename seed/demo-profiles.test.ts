import { describe, expect, it } from "vitest";
import { bankSchema, payconiqSchema, profileDetailsSchema } from "@/lib/profile/schema";
import { DEMO_ACCOUNTS } from "./demo-accounts";
import { DEMO_PROFILES } from "./demo-profiles";

describe("demo profiles", () => {
  it("belong to demo doctors and pass the rules the profile form applies, unchanged", () => {
    for (const [email, p] of Object.entries(DEMO_PROFILES)) {
      const account = DEMO_ACCOUNTS.find((a) => a.email === email);
      expect(account?.role, email).toBe("doctor");
      const details = profileDetailsSchema.parse({
        title: account!.title ?? "",
        firstName: account!.firstName,
        lastName: account!.lastName,
        specialty: account!.specialty ?? "",
        providerCode: p.providerCode ?? "",
        street: p.street ?? "",
        postcode: p.postcode ?? "",
        locality: p.locality ?? "",
        phone: p.phone ?? "",
        fax: p.fax ?? "",
        website: p.website ?? "",
      });
      expect(details).toMatchObject({ providerCode: p.providerCode, postcode: p.postcode, website: p.website, phone: p.phone });
      expect(bankSchema.parse({ iban: p.iban ?? "", ibanHolder: p.ibanHolder ?? "" })).toEqual({ iban: p.iban, ibanHolder: p.ibanHolder });
      expect(payconiqSchema.parse({ payconiqMerchantId: p.payconiqMerchantId ?? "" }).payconiqMerchantId).toBe(p.payconiqMerchantId);
    }
  });
});
