// Reading a server-rendered page's forms the way a browser without JavaScript posts them: the
// hidden fields carry the server action's id and bound arguments. Used by the browser tests that
// post forms themselves, and by the benchmarks and the reliability test.

export function unescapeHtml(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** The hidden fields of the page's first form, by name. */
export function hiddenFieldsOfFirstForm(html: string): Record<string, string> {
  return hiddenFieldsIn(/<form[^>]*>([\s\S]*?)<\/form>/.exec(html)?.[1] ?? "");
}

/** The hidden fields of the page's first form whose markup contains `text` (its title, its button). */
export function hiddenFieldsOfFormWith(html: string, text: string): Record<string, string> {
  const form = [...html.matchAll(/<form[^>]*>([\s\S]*?)<\/form>/g)].find((f) => unescapeHtml(f[1]!).includes(text));
  if (!form) throw new Error(`no form containing « ${text} »`);
  return hiddenFieldsIn(form[1]!);
}

function hiddenFieldsIn(form: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const input of form.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(input[0])?.[1];
    if (name) fields[unescapeHtml(name)] = unescapeHtml(/value="([^"]*)"/.exec(input[0])?.[1] ?? "");
  }
  return fields;
}
