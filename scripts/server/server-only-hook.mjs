// `npm run dev` runs server.ts through tsx, without the react-server condition: "server-only" is
// mapped to an empty module for this process's own imports (see server-only-off.ts). Next's dev
// bundles resolve it themselves.
import { register } from "node:module";

const source = `export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,export%20%7B%7D", shortCircuit: true };
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(source)}`);
