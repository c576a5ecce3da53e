import { createHash, createHmac } from "node:crypto";
import { asc, desc, gt, sql } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import type { Database } from "@/db/client";
import { auditKeys, type AuditKey } from "@/config/audit-keys";
import { logger } from "@/lib/log";

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
  "job.retry": "Relance d'un envoi en échec",
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

function canonical(row: Hashed): string {
  return JSON.stringify([
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
}

/**
 * The row's hash, chained to the previous row's: HMAC-SHA-256 under `key` (every row written since
 * decision 0038), or the plain SHA-256 of the rows written before (no key).
 */
export function hashAuditRow(row: Hashed, key?: AuditKey | null): string {
  if (!key) return createHash("sha256").update(canonical(row)).digest("hex");
  return createHmac("sha256", key.key).update(canonical(row)).digest("hex");
}

/**
 * Appends one row, inside the caller's transaction, signed with the current key (the first of
 * AUDIT_HMAC_KEYS). The new head (row id, key id, hash) also goes to the application log, outside
 * the database: `npm run audit:verify -- --head <hash>` then proves no row after it was cut.
 */
export async function writeAudit(tx: Database, actor: Actor, entry: AuditEntry): Promise<void> {
  const key = auditKeys()[0]!;
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
  const hash = hashAuditRow(row, key);
  const [inserted] = await tx
    .insert(auditLog)
    .values({ ...row, hash, keyId: key.id })
    .returning({ id: auditLog.id });
  logger.info({ auditHead: { id: inserted!.id, keyId: key.id, hash } }, "audit log appended");
}

export type ChainCheck =
  { ok: true; rows: number; head: string | null; afterExportedHead?: number } | { ok: false; rows: number; rowId: number | null; problem: string };

/**
 * Walks the whole log in order and recomputes every link, each row under the key it names (old
 * keys stay in AUDIT_HMAC_KEYS for this). Rows without a key id (written before 0038) are only
 * accepted before the first keyed row: one appended later would be a forgery. `exportedHead`, a
 * hash read from the application log, must be found in the chain: if the tail was cut, it is not.
 */
export async function verifyAuditChain(db: Database, options: { exportedHead?: string; keys?: AuditKey[] } = {}): Promise<ChainCheck> {
  const keys = new Map((options.keys ?? auditKeys()).map((k) => [k.id, k]));
  let expectedPrev = GENESIS;
  let afterId = 0;
  let rows = 0;
  let keyedSeen = false;
  let headAt: number | null = null;
  for (;;) {
    const batch = await db.select().from(auditLog).where(gt(auditLog.id, afterId)).orderBy(asc(auditLog.id)).limit(1000);
    if (batch.length === 0) break;
    for (const row of batch) {
      rows++;
      if (row.prevHash !== expectedPrev) {
        return { ok: false, rows, rowId: row.id, problem: "le lien avec la ligne précédente est rompu (ligne supprimée ou modifiée)" };
      }
      let key: AuditKey | null = null;
      if (row.keyId === null) {
        if (keyedSeen)
          return { ok: false, rows, rowId: row.id, problem: "ligne sans clé après des lignes signées (ligne ajoutée hors de l'application)" };
      } else {
        keyedSeen = true;
        key = keys.get(row.keyId) ?? null;
        if (!key) return { ok: false, rows, rowId: row.id, problem: `clé « ${row.keyId} » inconnue : ajoutez-la à AUDIT_HMAC_KEYS (anciennes clés)` };
      }
      if (row.hash !== hashAuditRow(row, key)) {
        return { ok: false, rows, rowId: row.id, problem: "le contenu de la ligne ne correspond plus à son empreinte (ligne modifiée)" };
      }
      if (options.exportedHead && row.hash === options.exportedHead) headAt = rows;
      expectedPrev = row.hash;
      afterId = row.id;
    }
  }
  const head = rows > 0 ? expectedPrev : null;
  if (options.exportedHead) {
    if (headAt === null) {
      return {
        ok: false,
        rows,
        rowId: null,
        problem: `la tête exportée ${options.exportedHead} est introuvable : des lignes ont été supprimées en fin de journal`,
      };
    }
    return { ok: true, rows, head, afterExportedHead: rows - headAt };
  }
  return { ok: true, rows, head };
}
