// Reading a server-rendered page's forms the way a browser without JavaScript posts them: the
// hidden fields carry the server action's id and bound arguments. Used by the browser tests that
// post forms themselves, and by the benchmarks and the reliability test.

export function unescapeHtml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** The hidden fields of the page's first form, by name. */
export function hiddenFieldsOfFirstForm(html: string): Record<string, string> {
  const form = /<form[^>]*>([\s\S]*?)<\/form>/.exec(html)?.[1] ?? "";
  const fields: Record<string, string> = {};
  for (const input of form.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(input[0])?.[1];
    if (name) fields[unescapeHtml(name)] = unescapeHtml(/value="([^"]*)"/.exec(input[0])?.[1] ?? "");
  }
  return fields;
}
