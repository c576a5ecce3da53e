import { beforeAll, describe, expect, it } from "vitest";
import { patients, users } from "@/db/schema";
import { freshDatabase } from "@/tests/support/test-db";
import { searchPatients } from "./patients";

let db: Awaited<ReturnType<typeof freshDatabase>>;
let doctorId: string;
let otherDoctorId: string;

beforeAll(async () => {
  db = await freshDatabase();
  const [doctor, other] = await db
    .insert(users)
    .values([
      { email: "doc@example.lu", role: "doctor", doctorKind: "medecin", firstName: "Jos", lastName: "Kieffer" },
      { email: "other@example.lu", role: "doctor", doctorKind: "medecin", firstName: "Tom", lastName: "Klein" },
    ])
    .returning({ id: users.id });
  doctorId = doctor!.id;
  otherDoctorId = other!.id;
  const born = "1980-05-02";
  await db.insert(patients).values([
    { doctorId, firstName: "Zoé", lastName: "Müller", birthDate: born, matricule: "1980050212345" },
    { doctorId, firstName: "Łukasz", lastName: "Wiśniewski", birthDate: born, matricule: "1980050212346" },
    { doctorId, firstName: "Ștefan", lastName: "Țurcanu", birthDate: born, matricule: "1980050212347" },
    { doctorId, firstName: "Nora", lastName: "Wagner", birthDate: born, matricule: "1980050212348" },
    { doctorId: otherDoctorId, firstName: "Zoe", lastName: "Other", birthDate: born, matricule: "1980050212349" },
  ]);
});

const names = async (query: string) => (await searchPatients({ id: doctorId }, { query, page: 1 })).rows.map((r) => `${r.firstName} ${r.lastName}`);

describe("searchPatients", () => {
  it("finds a name typed with or without its accents, in any case, only among the doctor's own patients", async () => {
    expect(await names("zoe")).toEqual(["Zoé Müller"]);
    expect(await names("ZOÉ")).toEqual(["Zoé Müller"]);
    expect(await names("muller")).toEqual(["Zoé Müller"]);
    expect(await names("lukasz wisniewski")).toEqual(["Łukasz Wiśniewski"]);
    expect(await names("Wiśniewski")).toEqual(["Łukasz Wiśniewski"]);
    expect(await names("stefan turcanu")).toEqual(["Ștefan Țurcanu"]);
  });

  it("takes LIKE's wildcards literally, and the matricule's digits as a prefix", async () => {
    expect(await names("%")).toEqual([]);
    expect(await names("_")).toEqual([]);
    expect(await names("1980050212348")).toEqual(["Nora Wagner"]);
    expect((await names("")).length).toBe(4);
  });
});
