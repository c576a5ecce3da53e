import { eq, isNull } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { auditLog, emailOutbox, secretaryDoctors, sessions, twoFactor, users, verifications } from "@/db/schema";
import type { Actor } from "@/lib/audit/support-log";
import { verifyAuditChain } from "@/lib/audit/support-log";
import { recordFailedCode } from "@/lib/auth/attempt-counter";
import { freshDatabase } from "@/tests/support/test-db";
import { attachSecretary, blockUser, closeUserSessions, detachSecretary, inviteUser, resetUserTwoFactor, unblockUser } from "./account-actions";
import { SUPPORT_REFUSAL, supportAnswer } from "./messages";

// The audit log survives between tests (it is append-only): assertions look at rows of this
// test's own users.
let db: Awaited<ReturnType<typeof freshDatabase>>;
let support: Actor;
let ids: Record<"support" | "doctor" | "secretary" | "blocked", string>;

async function user(email: string, role: "doctor" | "secretary" | "support", extra: Partial<typeof users.$inferInsert> = {}) {
  const [row] = await db
    .insert(users)
    .values({ email, role, doctorKind: role === "doctor" ? "medecin" : null, firstName: "T", lastName: email, passwordHash: "x", ...extra })
    .returning();
  return row!.id;
}

const session = (userId: string, actingForDoctorId: string | null = null) =>
  db.insert(sessions).values({ userId, actingForDoctorId, ip: "192.0.2.1", userAgent: "t", expiresAt: new Date(Date.now() + 3600_000) });

beforeEach(async () => {
  process.env.AUTH_SECRET ??= "unit-test-auth-secret";
  db = await freshDatabase();
  ids = {
    support: await user("support@example.lu", "support"),
    doctor: await user("doc@example.lu", "doctor"),
    secretary: await user("sec@example.lu", "secretary"),
    blocked: await user("blocked@example.lu", "doctor", { status: "blocked", blockedAt: new Date(), failedCodeAttempts: 3 }),
  };
  support = { userId: ids.support, label: "support@example.lu", ip: "198.51.100.7" };
});

const auditRowsFor = (targetUserId: string) => db.select().from(auditLog).where(eq(auditLog.targetUserId, targetUserId));
const mailsTo = (to: string) => db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, to));

describe("support actions", () => {
  it("unblocks a blocked account, resets its counters, audits and emails it", async () => {
    expect(await unblockUser(support, ids.blocked, "Appel du médecin, identité vérifiée")).toMatchObject({ kind: "done" });
    const [row] = await db.select().from(users).where(eq(users.id, ids.blocked));
    expect(row).toMatchObject({ status: "active", failedCodeAttempts: 0, emailCodeRequests: 0, blockedAt: null });
    expect(await auditRowsFor(ids.blocked)).toEqual([
      expect.objectContaining({
        action: "user.unblock",
        actorLabel: "support@example.lu",
        reason: "Appel du médecin, identité vérifiée",
        ip: "198.51.100.7",
      }),
    ]);
    expect(await mailsTo("blocked@example.lu")).toHaveLength(1);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it("refuses, changing nothing, to unblock an unknown user or one that is not blocked", async () => {
    expect(supportAnswer(await unblockUser(support, "00000000-0000-4000-8000-000000000000", "raison"))).toEqual({
      ok: false,
      text: "Utilisateur introuvable.",
    });
    expect(supportAnswer(await unblockUser(support, ids.doctor, "raison"))).toEqual({ ok: false, text: "Ce compte n'est pas bloqué." });
    expect(await auditRowsFor(ids.doctor)).toHaveLength(0);
  });

  it("refuses an action whose actor is not an active support account (forged by a doctor's session)", async () => {
    const doctorActor: Actor = { userId: ids.doctor, label: "doc@example.lu", ip: "203.0.113.9" };
    expect(supportAnswer(await unblockUser(doctorActor, ids.blocked, "je me débloque"))).toEqual({ ok: false, text: "Action réservée au support." });
    const [row] = await db.select().from(users).where(eq(users.id, ids.blocked));
    expect(row!.status).toBe("blocked");
    expect(await auditRowsFor(ids.blocked)).toHaveLength(0);
  });

  it("resets another user's 2FA but never support's own", async () => {
    await db.insert(twoFactor).values([
      { userId: ids.doctor, secretEncrypted: "x", confirmedAt: new Date() },
      { userId: ids.support, secretEncrypted: "x", confirmedAt: new Date() },
    ]);
    expect(supportAnswer(await resetUserTwoFactor(support, ids.support, "test"))).toEqual({
      ok: false,
      text: "Vous ne pouvez pas réinitialiser votre propre double authentification.",
    });
    expect(await resetUserTwoFactor(support, ids.doctor, "Téléphone perdu")).toMatchObject({ kind: "done" });
    expect(await db.select().from(twoFactor).where(eq(twoFactor.userId, ids.doctor))).toHaveLength(0);
    expect(await db.select().from(twoFactor).where(eq(twoFactor.userId, ids.support))).toHaveLength(1);
    expect(await mailsTo("doc@example.lu")).toHaveLength(1);
  });

  it("resetting a user's 2FA ends every session of theirs, in the same audited change", async () => {
    const other = await user("support2@example.lu", "support");
    await db.insert(twoFactor).values({ userId: other, secretEncrypted: "x", confirmedAt: new Date() });
    await session(other);
    await session(other);
    await session(ids.support); // the acting support's own session is not touched
    const reset = await resetUserTwoFactor(support, other, "Téléphone perdu, appel vérifié");
    expect(reset).toEqual({ kind: "done", action: "user.reset-2fa", sessions: 2 });
    expect(supportAnswer(reset)).toEqual({
      ok: true,
      text: "La double authentification est réinitialisée et 2 sessions fermées ; l'utilisateur a été prévenu.",
    });
    const ended = await db.select().from(sessions).where(eq(sessions.userId, other));
    expect(ended).toEqual([
      expect.objectContaining({ revokedReason: "2FA réinitialisée par le support" }),
      expect.objectContaining({ revokedReason: "2FA réinitialisée par le support" }),
    ]);
    expect(ended.every((s) => s.revokedAt !== null)).toBe(true);
    expect(await db.select().from(sessions).where(isNull(sessions.revokedAt))).toEqual([expect.objectContaining({ userId: ids.support })]);
    expect(await auditRowsFor(other)).toEqual([expect.objectContaining({ action: "user.reset-2fa", details: JSON.stringify({ sessions: "2" }) })]);
    const [mail] = await mailsTo("support2@example.lu");
    expect(mail!.text).toContain("fermé toutes vos sessions ouvertes");
  });

  it("never removes, blocks or downgrades a support account; the last one, blocked by wrong codes, comes back from the command line", async () => {
    // What support can do to another support account leaves it an active support account.
    const other = await user("support2@example.lu", "support");
    await db.insert(twoFactor).values({ userId: other, secretEncrypted: "x", confirmedAt: new Date() });
    await session(other);
    expect(await resetUserTwoFactor(support, other, "Téléphone perdu")).toMatchObject({ kind: "done" });
    expect(await closeUserSessions(support, other, "Poste partagé")).toMatchObject({ kind: "done" });
    expect(supportAnswer(await unblockUser(support, other, "rien à débloquer"))).toEqual({ ok: false, text: "Ce compte n'est pas bloqué." });
    expect(supportAnswer(await attachSecretary(support, other, "doc@example.lu", "pas une secrétaire"))).toEqual({
      ok: false,
      text: "Ce compte n'est pas un compte secrétariat.",
    });
    expect(await db.select({ role: users.role, status: users.status }).from(users).where(eq(users.id, other))).toEqual([
      { role: "support", status: "active" },
    ]);

    // Wrong second-factor codes do block the last support account (docs/decisions/0009 says why);
    // no web actor is left to unblock it, the operators' command line is.
    await db.delete(users).where(eq(users.id, other));
    for (let i = 0; i < 3; i++) await recordFailedCode(ids.support, db);
    expect(await db.select({ status: users.status }).from(users).where(eq(users.role, "support"))).toEqual([{ status: "blocked" }]);
    expect(supportAnswer(await unblockUser(support, ids.support, "je me débloque"))).toEqual({ ok: false, text: "Action réservée au support." });
    const cli: Actor = { userId: null, label: "cli:operateur", ip: "ligne de commande" };
    expect(await unblockUser(cli, ids.support, "Dernier compte support bloqué")).toMatchObject({ kind: "done" });
    expect(await db.select({ status: users.status }).from(users).where(eq(users.id, ids.support))).toEqual([{ status: "active" }]);
  });

  it("« Bloquer »: blocked, sessions and mailed links ended, audited with its reason, the user told", async () => {
    await session(ids.doctor);
    await session(ids.doctor);
    await db
      .insert(verifications)
      .values({ userId: ids.doctor, purpose: "password_reset", codeHash: "h-block", expiresAt: new Date(Date.now() + 3_600_000) });
    expect(supportAnswer(await blockUser(support, ids.doctor, "Ordinateur volé, appel du médecin"))).toEqual({
      ok: true,
      text: "Le compte est bloqué et 2 sessions fermées ; l'utilisateur a été prévenu par courriel.",
    });
    expect(await db.select({ status: users.status }).from(users).where(eq(users.id, ids.doctor))).toEqual([{ status: "blocked" }]);
    expect(await db.select().from(sessions).where(isNull(sessions.revokedAt))).toHaveLength(0);
    expect(await db.select().from(verifications).where(isNull(verifications.usedAt))).toEqual([]);
    expect(await auditRowsFor(ids.doctor)).toEqual([expect.objectContaining({ action: "user.block", reason: "Ordinateur volé, appel du médecin" })]);
    const [mail] = await mailsTo("doc@example.lu");
    expect(mail!.subject).toBe("Votre compte Doctipro est bloqué");
    expect(await blockUser(support, ids.doctor, "encore une fois")).toEqual({ kind: "already-blocked" });
    expect(SUPPORT_REFUSAL["already-blocked"]).toBe("Ce compte est déjà bloqué.");
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it("never blocks itself nor the last active support account", async () => {
    expect(await blockUser(support, ids.support, "je me bloque")).toEqual({ kind: "own-account" });
    const other = await user("support2@example.lu", "support");
    const otherActor: Actor = { userId: other, label: "support2@example.lu", ip: "192.0.2.9" };
    // Two support accounts: one may block the other, and then the one left is the last.
    expect(await blockUser(otherActor, ids.support, "Départ de l'agent")).toMatchObject({ kind: "done" });
    const cli: Actor = { userId: null, label: "cli:operateur", ip: "ligne de commande" };
    expect(await blockUser(cli, other, "Plus personne ?")).toEqual({ kind: "last-support" });
    expect(await db.select({ status: users.status }).from(users).where(eq(users.id, other))).toEqual([{ status: "active" }]);
  });

  it("closes every session of a user", async () => {
    await session(ids.doctor);
    await session(ids.doctor);
    expect(supportAnswer(await closeUserSessions(support, ids.doctor, "Ordinateur volé"))).toEqual({ ok: true, text: "2 sessions fermées." });
    expect(await db.select().from(sessions).where(isNull(sessions.revokedAt))).toHaveLength(0);
  });

  it("attaches and detaches a secretary; detaching ends her sessions for that doctor only", async () => {
    const other = await user("other@example.lu", "doctor");
    expect(await attachSecretary(support, ids.secretary, "doc@example.lu", "Nouvelle secrétaire")).toMatchObject({ kind: "done" });
    expect(supportAnswer(await attachSecretary(support, ids.secretary, "doc@example.lu", "encore"))).toEqual({
      ok: false,
      text: "Cette secrétaire est déjà rattachée à ce médecin.",
    });
    expect(supportAnswer(await attachSecretary(support, ids.secretary, "nobody@example.lu", "x y z"))).toEqual({
      ok: false,
      text: "Aucun médecin n'a ce courriel.",
    });
    expect(supportAnswer(await attachSecretary(support, ids.doctor, "doc@example.lu", "x y z"))).toEqual({
      ok: false,
      text: "Ce compte n'est pas un compte secrétariat.",
    });
    await attachSecretary(support, ids.secretary, "other@example.lu", "Deuxième cabinet");
    await session(ids.secretary, ids.doctor);
    await session(ids.secretary, other);

    expect(await detachSecretary(support, ids.secretary, ids.doctor, "Départ")).toMatchObject({ kind: "done" });
    expect(await db.select().from(secretaryDoctors)).toEqual([expect.objectContaining({ doctorId: other })]);
    const live = await db.select().from(sessions).where(isNull(sessions.revokedAt));
    expect(live).toEqual([expect.objectContaining({ actingForDoctorId: other })]);
    expect(supportAnswer(await detachSecretary(support, ids.secretary, ids.doctor, "encore"))).toEqual({
      ok: false,
      text: "Cette secrétaire n'est pas rattachée à ce médecin.",
    });
  });

  it("invites a new account without any password and refuses an existing address", async () => {
    const result = await inviteUser(
      support,
      { email: "new@example.lu", role: "patient", firstName: "Nina", lastName: "Schroeder" },
      "Demande du cabinet",
    );
    expect(result).toMatchObject({ kind: "done" });
    const [created] = await db.select().from(users).where(eq(users.email, "new@example.lu"));
    expect(created!.passwordHash).toBeNull();
    const [link] = await db.select().from(verifications).where(eq(verifications.userId, created!.id));
    expect(link!.purpose).toBe("invitation");
    const hours = (link!.expiresAt!.getTime() - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThanOrEqual(72);
    const [mail] = await mailsTo("new@example.lu");
    expect(mail!.text).toMatch(/\/invitation\?jeton=[\w-]{40,}/);

    expect(await inviteUser(support, { email: "doc@example.lu", role: "patient", firstName: "A", lastName: "B" }, "doublon")).toEqual({
      kind: "email-taken",
    });
    expect(SUPPORT_REFUSAL["email-taken"]).toBe("Un compte existe déjà avec ce courriel.");
  });
});
