import { createHash } from "node:crypto";
import { asc, desc, gt, sql } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import type { Database } from "@/db/client";

// The support audit log (docs/decisions/0009). One writer, called inside the transaction of the
// change it records, so there is never a change without its row nor a row without its change.
// No "server-only" marker: the operators' command line (scripts/ops/user.ts, audit-verify.ts) uses it too.

export const AUDIT_ACTIONS = {
  "user.invite": "Invitation d'un compte",
  "user.block": "Blocage",
  "user.unblock": "Déblocage",
  "user.reset-2fa": "Réinitialisation de la 2FA",
  "user.close-sessions": "Fermeture des sessions",
  "secretary.attach": "Rattachement secrétariat",
  "secretary.detach": "Détachement secrétariat",
  "chat.reply": "Réponse dans le chat",
  "review.hide": "Masquage d'un avis",
  "read.user": "Consultation d'un compte",
  "read.chat": "Ouverture d'une conversation",
  "read.audit-export": "Export du journal",
} as const;
export type AuditAction = keyof typeof AUDIT_ACTIONS;

export type Actor = { userId: string | null; label: string; ip: string };

/** A signed-in support user as the audit log names them: their id and email, from their address. */
export function actorOf(user: { id: string; email: string }, ip: string): Actor {
  return { userId: user.id, label: user.email, ip };
}

export type AuditEntry = {
  action: AuditAction;
  targetUserId: string | null;
  targetLabel: string | null;
  reason: string;
  details?: Record<string, string>;
};

const GENESIS = "0".repeat(64);
// Any fixed number: appends take this lock so each row sees the previous one's hash.
const APPEND_LOCK = 74_621_001;

type Hashed = {
  prevHash: string;
  at: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetUserId: string | null;
  targetLabel: string | null;
  reason: string;
  ip: string;
  details: string;
};

/** SHA-256 over the row's fields in a fixed order, chained to the previous row's hash. */
export function hashAuditRow(row: Hashed): string {
  const canonical = JSON.stringify([
    row.prevHash,
    row.at.toISOString(),
    row.actorId,
    row.actorLabel,
    row.action,
    row.targetUserId,
    row.targetLabel,
    row.reason,
    row.ip,
    row.details,
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

/** Appends one row, inside the caller's transaction. */
export async function writeAudit(tx: Database, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${APPEND_LOCK})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const row: Hashed = {
    prevHash: last?.hash ?? GENESIS,
    at: new Date(),
    actorId: actor.userId,
    actorLabel: actor.label,
    action: entry.action,
    targetUserId: entry.targetUserId,
    targetLabel: entry.targetLabel,
    reason: entry.reason,
    ip: actor.ip,
    details: JSON.stringify(entry.details ?? {}),
  };
  await tx.insert(auditLog).values({ ...row, hash: hashAuditRow(row) });
}

export type ChainCheck = { ok: true; rows: number } | { ok: false; rows: number; rowId: number; problem: string };

/** Walks the whole log in order and recomputes every link. */
export async function verifyAuditChain(db: Database): Promise<ChainCheck> {
  let expectedPrev = GENESIS;
  let afterId = 0;
  let rows = 0;
  for (;;) {
    const batch = await db.select().from(auditLog).where(gt(auditLog.id, afterId)).orderBy(asc(auditLog.id)).limit(1000);
    if (batch.length === 0) return { ok: true, rows };
    for (const row of batch) {
      rows++;
      if (row.prevHash !== expectedPrev) {
        return { ok: false, rows, rowId: row.id, problem: "le lien avec la ligne précédente est rompu (ligne supprimée ou modifiée)" };
      }
      if (row.hash !== hashAuditRow(row)) {
        return { ok: false, rows, rowId: row.id, problem: "le contenu de la ligne ne correspond plus à son empreinte (ligne modifiée)" };
      }
      expectedPrev = row.hash;
      afterId = row.id;
    }
  }
}
