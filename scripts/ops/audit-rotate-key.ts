import fs from "node:fs";
import path from "node:path";
import { newAuditKeyEntry, parseAuditKeys } from "@/config/audit-keys";
import { isEmbedded } from "@/config/env";
import { secretsFile } from "@/config/secrets";

// npm run audit:rotate-key — a new key for the audit chain (docs/decisions/0038).
//
// With AUDIT_HMAC_KEYS in the environment (production): prints the new value, the new key first
// and every old key kept after it (old rows stay verifiable). Put it in the app's environment and
// restart; nothing in the database changes. On the embedded default without the variable: the new
// key is put first in the data folder's secrets.json, and the next start signs with it.
const entry = newAuditKeyEntry();
const current = process.env.AUDIT_HMAC_KEYS?.trim();

if (current) {
  parseAuditKeys(current);
  console.log("Nouvelle valeur de AUDIT_HMAC_KEYS (la nouvelle clé en premier, les anciennes conservées) :");
  console.log(`AUDIT_HMAC_KEYS=${entry},${current}`);
} else if (isEmbedded()) {
  const file = secretsFile();
  const stored = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, string>) : {};
  if (stored.AUDIT_HMAC_KEYS) parseAuditKeys(stored.AUDIT_HMAC_KEYS);
  stored.AUDIT_HMAC_KEYS = stored.AUDIT_HMAC_KEYS ? `${entry},${stored.AUDIT_HMAC_KEYS}` : entry;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  console.log(`Nouvelle clé du journal d'audit « ${entry.split(":")[0]} » ajoutée en tête de ${file} ; redémarrez le serveur.`);
} else {
  console.log("Première clé du journal d'audit ; ajoutez cette ligne à l'environnement de l'application :");
  console.log(`AUDIT_HMAC_KEYS=${entry}`);
}
