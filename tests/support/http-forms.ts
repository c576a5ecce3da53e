// Forms posted over plain HTTP the way a browser without JavaScript posts them: the page's HTML
// gives the server action's hidden fields, the post answers 303 with cookies. Used by the
// benchmarks and the reliability test to sign in without a browser.

import { hiddenFieldsOfFirstForm } from "@/tests/support/html-forms";

export class UnexpectedAnswer extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** The hidden fields of a page's first form. */
export async function formOf(base: string, pathname: string, cookie = ""): Promise<FormData> {
  const response = await fetch(base + pathname, { headers: { cookie }, redirect: "manual" });
  const html = await response.text();
  if (response.status !== 200) throw new UnexpectedAnswer(`GET ${pathname}: HTTP ${response.status}`, response.status);
  const data = new FormData();
  for (const [name, value] of Object.entries(hiddenFieldsOfFirstForm(html))) data.set(name, value);
  return data;
}

/** Posts a form and expects a 303 to `expected`; returns the time taken and the cookies set. */
export async function postForm(
  base: string,
  pathname: string,
  data: FormData,
  cookie: string,
  expected: string,
): Promise<{ ms: number; cookie: string }> {
  const started = performance.now();
  const response = await fetch(base + pathname, { method: "POST", body: data, headers: { cookie, origin: base }, redirect: "manual" });
  await response.arrayBuffer();
  const ms = performance.now() - started;
  const location = response.headers.get("location") ?? "";
  if (response.status !== 303 || !location.endsWith(expected)) {
    throw new UnexpectedAnswer(`POST ${pathname}: expected 303 to ${expected}, got HTTP ${response.status} ${location}`, response.status);
  }
  const cookies = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .filter((c) => !c.endsWith("="));
  return { ms, cookie: cookies.join("; ") };
}
