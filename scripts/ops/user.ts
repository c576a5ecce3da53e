import os from "node:os";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { assertPgliteFree } from "@/db/pglite-lock";
import { users } from "@/db/schema";
import { inviteUser, unblockUser, type ActionResult } from "@/lib/support/account-actions";
import { supportAnswer } from "@/lib/support/messages";
import type { Actor } from "@/lib/audit/support-log";
import { emailField } from "@/lib/auth/schema";
import { ensureSecrets } from "@/config/secrets";

// For operators without a browser. Every command is written to the audit log with a "cli:" actor.
//   npm run user -- unblock EMAIL [--reason "…"]
//   npm run user -- create-support EMAIL [--first Prénom] [--last Nom] [--reason "…"]
const USAGE = 'Usage : npm run user -- unblock EMAIL [--reason "…"] | create-support EMAIL [--first Prénom] [--last Nom] [--reason "…"]';

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { reason: { type: "string" }, first: { type: "string" }, last: { type: "string" } },
  });
  const [command, rawEmail] = positionals;
  const email = emailField.safeParse(rawEmail ?? "");
  if (!command || !email.success) {
    console.error(email.success ? USAGE : `Courriel invalide. ${USAGE}`);
    return 2;
  }
  assertPgliteFree();
  ensureSecrets();
  await runMigrations();
  const actor: Actor = { userId: null, label: `cli:${os.userInfo().username}`, ip: "ligne de commande" };
  const reason = values.reason?.trim() || "Commande opérateur en ligne de commande";

  let result: ActionResult;
  if (command === "unblock") {
    const [user] = await getDb().select({ id: users.id }).from(users).where(eq(users.email, email.data));
    if (!user) {
      console.error(`Aucun compte n'a le courriel ${email.data}.`);
      return 1;
    }
    result = await unblockUser(actor, user.id, reason);
  } else if (command === "create-support") {
    const local = email.data.split("@")[0]!;
    result = await inviteUser(
      actor,
      { email: email.data, role: "support", firstName: values.first || local, lastName: values.last || "Support" },
      reason,
    );
  } else {
    console.error(USAGE);
    return 2;
  }
  const answer = supportAnswer(result);
  console.log(answer.text);
  return answer.ok ? 0 : 1;
}

main()
  .then(async (code) => {
    await closeDb();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    await closeDb();
    process.exit(1);
  });
