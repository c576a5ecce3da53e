import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { emailOutbox, users, type User } from "@/db/schema";
import { freshDatabase } from "@/tests/support/test-db";
import { confirmEmailChange, findEmailChange, requestEmailChange } from "./email-change";

process.env.AUTH_SECRET ??= "unit-test-secret-unit-test-secret-000";
let db: Awaited<ReturnType<typeof freshDatabase>>;

async function doctor(email: string): Promise<User> {
  const [user] = await db.insert(users).values({ email, role: "doctor", doctorKind: "medecin", firstName: "A", lastName: "B" }).returning();
  return user!;
}

async function linkTokenSentTo(address: string): Promise<string> {
  const mails = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address));
  return /jeton=([\w-]+)/.exec(mails.at(-1)!.text)![1]!;
}

beforeAll(async () => {
  db = await freshDatabase();
});

describe("email change", () => {
  it("changes the address only when the link is followed, once; a newer link voids the older", async () => {
    const user = await doctor("avant@example.lu");
    expect(await requestEmailChange(user, "premier@example.lu")).toMatchObject({ kind: "sent" });
    const first = await linkTokenSentTo("premier@example.lu");
    expect(await requestEmailChange(user, "apres@example.lu")).toMatchObject({ kind: "sent" });
    const second = await linkTokenSentTo("apres@example.lu");
    expect(await findEmailChange(first)).toBeNull();
    expect(await findEmailChange(second)).toEqual({ newEmail: "apres@example.lu", oldEmail: "avant@example.lu" });
    expect((await db.select().from(users).where(eq(users.id, user.id)))[0]!.email).toBe("avant@example.lu");

    expect(await confirmEmailChange(second)).toEqual({ kind: "done", newEmail: "apres@example.lu" });
    expect((await db.select().from(users).where(eq(users.id, user.id)))[0]!.email).toBe("apres@example.lu");
    expect(await confirmEmailChange(second)).toEqual({ kind: "invalid-link" });
    expect(await confirmEmailChange(first)).toEqual({ kind: "invalid-link" });
    const notices = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, "avant@example.lu"));
    expect(notices.map((m) => m.subject)).toEqual(["L'adresse de votre compte Doctipro a changé"]);
  });

  it("refuses the current address and one another account has", async () => {
    const user = await doctor("moi@example.lu");
    await doctor("autre@example.lu");
    expect(await requestEmailChange(user, "moi@example.lu")).toMatchObject({ kind: "same" });
    expect(await requestEmailChange(user, "autre@example.lu")).toMatchObject({ kind: "taken" });
  });

  it("changes nothing when another account took the address after the link was sent", async () => {
    const user = await doctor("lent@example.lu");
    expect(await requestEmailChange(user, "convoitee@example.lu")).toMatchObject({ kind: "sent" });
    const token = await linkTokenSentTo("convoitee@example.lu");
    await doctor("convoitee@example.lu");
    expect(await confirmEmailChange(token)).toEqual({ kind: "taken" });
    expect((await db.select().from(users).where(eq(users.id, user.id)))[0]!.email).toBe("lent@example.lu");
    // The link was not used up by the failed attempt's rolled-back transaction; it still cannot succeed.
    expect(await confirmEmailChange(token)).toEqual({ kind: "taken" });
  });

  it("limits requests to 5 an hour per account", async () => {
    const user = await doctor("pressé@example.lu".replace("é", "e"));
    for (let i = 0; i < 5; i++) expect(await requestEmailChange(user, `n${i}@example.lu`)).toMatchObject({ kind: "sent" });
    expect(await requestEmailChange(user, "n5@example.lu")).toMatchObject({ kind: "too-many" });
  });
});
