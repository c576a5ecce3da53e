import { expect, test, type Browser, type Page, type TestInfo } from "@playwright/test";
import { storedSessionPage } from "./fixtures/signed-in";
import { appRoutes } from "@/tests/support/app-routes";
import { ACCOUNT, signInOverHttp, uniqueClientIp } from "./support/auth";

// Every private page and route handler of the app × every kind of visitor: where each one ends
// up. A role never sees another role's page; it is sent to its own home (or, anonymous, to the
// right sign-in page). The routes come from app/ itself: a new route fails the first test below
// until it is placed in these tables.

/** Open to anyone: sign-in pages, steps authorised by their own token or pending-step cookie. */
const PUBLIC = [
  "/",
  "/admin/login",
  "/doctor_home",
  "/secretary_home",
  "/patient_home",
  "/connexion/2fa",
  "/connexion/activer-2fa",
  "/connexion/bloque",
  "/mot-de-passe-oublie",
  "/reinitialiser",
  "/invitation",
  "/confirmer-courriel",
  "/rdv/annuler/[token]",
  "/dev/mailbox",
  "/api/health",
];

/** A concrete URL for a dynamic route: an id that names nobody. */
const NOBODY = "00000000-0000-4000-8000-000000000000";
const urlOf = (route: string) => route.replace(/\[[^\]]+\]/g, NOBODY);

const ROUTES = [
  "/dashboard",
  "/agenda",
  "/agenda/parametres",
  "/profile",
  "/secretaires",
  "/patients",
  "/patients/nouveau",
  "/patients/[id]",
  "/patients/[id]/modifier",
  "/patients/a-verifier",
  "/rdv/[slug]/reserver/confirme",
  "/secretariat",
  "/patient",
  "/patient/compte/supprimer",
  "/patient/rendez-vous/[id]/deplacer",
  "/avis",
  "/admin",
  "/admin/avis",
  "/admin/envois",
  "/admin/chat",
  "/admin/journal",
  "/admin/nouveau",
  "/admin/utilisateurs/[id]",
  "/securite",
  // Public booking pages (issue 18): open to every visitor, signed in or not, and never sent away.
  "/rdv",
  "/rdv/[slug]",
  // The booking flow starts anonymous (its account step); booking itself is the patient's action.
  "/rdv/[slug]/reserver",
] as const;
type Route = (typeof ROUTES)[number];

const HANDLERS = [
  "/profile/signature",
  "/profile/esante/retour",
  "/documents/[id]/pdf",
  "/patient/documents/[id]/pdf",
  "/admin/journal/export",
  "/api/events",
] as const;

// Support with /admin/chat open, or its event stream, counts as an operator online for 60 s, which
// would change what the chat's offline test running alongside sees. These are checked without
// running the page's scripts, and support's own stream is left to tests/e2e/chat.spec.ts.
const WITHOUT_SCRIPTS: readonly Route[] = ["/admin/chat"];
const STREAM = "/api/events";
type Handler = (typeof HANDLERS)[number];

// Pages: the path the browser ends on ("404": the page of an id that names nobody).
// Route handlers: where the first answer redirects to, or "served" (an answer of its own).
type Expectation = { pages: Record<Route, string>; handlers: Record<Handler, string> };

const EXPECTED: Record<string, Expectation> = {
  anonymous: {
    pages: {
      "/dashboard": "/doctor_home",
      "/agenda": "/doctor_home",
      "/agenda/parametres": "/doctor_home",
      "/profile": "/doctor_home",
      "/secretaires": "/doctor_home",
      "/patients": "/doctor_home",
      "/patients/nouveau": "/doctor_home",
      "/patients/[id]": "/doctor_home",
      "/patients/[id]/modifier": "/doctor_home",
      "/patients/a-verifier": "/doctor_home",
      "/rdv/[slug]/reserver/confirme": "/patient_home",
      "/secretariat": "/secretary_home",
      "/patient": "/patient_home",
      "/patient/compte/supprimer": "/patient_home",
      "/patient/rendez-vous/[id]/deplacer": "/patient_home",
      "/avis": "/doctor_home",
      "/admin": "/admin/login",
      "/admin/avis": "/admin/login",
      "/admin/envois": "/admin/login",
      "/admin/chat": "/admin/login",
      "/admin/journal": "/admin/login",
      "/admin/nouveau": "/admin/login",
      "/admin/utilisateurs/[id]": "/admin/login",
      "/securite": "/doctor_home",
      "/rdv": "/rdv",
      "/rdv/[slug]": "404",
      "/rdv/[slug]/reserver": "404",
    },
    handlers: {
      "/profile/signature": "/doctor_home",
      "/profile/esante/retour": "/doctor_home",
      "/documents/[id]/pdf": "/doctor_home",
      "/patient/documents/[id]/pdf": "/patient_home",
      "/admin/journal/export": "/admin/login",
      "/api/events": "/doctor_home",
    },
  },
  doctor: {
    pages: {
      "/dashboard": "/dashboard",
      "/agenda": "/agenda",
      "/agenda/parametres": "/agenda/parametres",
      "/profile": "/profile",
      "/secretaires": "/secretaires",
      "/patients": "/patients",
      "/patients/nouveau": "/patients/nouveau",
      "/patients/[id]": "404",
      "/patients/[id]/modifier": "404",
      "/patients/a-verifier": "/patients/a-verifier",
      "/rdv/[slug]/reserver/confirme": "/dashboard",
      "/secretariat": "/dashboard",
      "/patient": "/dashboard",
      "/patient/compte/supprimer": "/dashboard",
      "/patient/rendez-vous/[id]/deplacer": "/dashboard",
      "/avis": "/avis",
      "/admin": "/dashboard",
      "/admin/avis": "/dashboard",
      "/admin/envois": "/dashboard",
      "/admin/chat": "/dashboard",
      "/admin/journal": "/dashboard",
      "/admin/nouveau": "/dashboard",
      "/admin/utilisateurs/[id]": "/dashboard",
      "/securite": "/securite",
      "/rdv": "/rdv",
      "/rdv/[slug]": "404",
      "/rdv/[slug]/reserver": "404",
    },
    handlers: {
      "/profile/signature": "served",
      "/profile/esante/retour": "/profile",
      "/documents/[id]/pdf": "served",
      "/patient/documents/[id]/pdf": "/dashboard",
      "/admin/journal/export": "/dashboard",
      "/api/events": "stream",
    },
  },
  "secretary (no doctor chosen)": {
    pages: {
      "/dashboard": "/secretariat",
      "/agenda": "/secretariat",
      "/agenda/parametres": "/secretariat",
      "/profile": "/secretariat",
      "/secretaires": "/secretariat",
      "/patients": "/secretariat",
      "/patients/nouveau": "/secretariat",
      "/patients/[id]": "/secretariat",
      "/patients/[id]/modifier": "/secretariat",
      "/patients/a-verifier": "/secretariat",
      "/rdv/[slug]/reserver/confirme": "/secretariat",
      "/secretariat": "/secretariat",
      "/patient": "/secretariat",
      "/patient/compte/supprimer": "/secretariat",
      "/patient/rendez-vous/[id]/deplacer": "/secretariat",
      "/avis": "/secretariat",
      "/admin": "/secretariat",
      "/admin/avis": "/secretariat",
      "/admin/envois": "/secretariat",
      "/admin/chat": "/secretariat",
      "/admin/journal": "/secretariat",
      "/admin/nouveau": "/secretariat",
      "/admin/utilisateurs/[id]": "/secretariat",
      "/securite": "/securite",
      "/rdv": "/rdv",
      "/rdv/[slug]": "404",
      "/rdv/[slug]/reserver": "404",
    },
    handlers: {
      "/profile/signature": "/secretariat",
      "/profile/esante/retour": "/secretariat",
      "/documents/[id]/pdf": "/secretariat",
      "/patient/documents/[id]/pdf": "/secretariat",
      "/admin/journal/export": "/secretariat",
      "/api/events": "stream",
    },
  },
  "secretary working for a doctor": {
    pages: {
      "/dashboard": "/dashboard",
      "/agenda": "/agenda",
      "/agenda/parametres": "/agenda/parametres",
      "/profile": "/profile",
      // The doctor's own settings stay the doctor's.
      "/secretaires": "/dashboard",
      "/patients": "/patients",
      "/patients/nouveau": "/patients/nouveau",
      "/patients/[id]": "404",
      "/patients/[id]/modifier": "404",
      "/patients/a-verifier": "/patients/a-verifier",
      "/rdv/[slug]/reserver/confirme": "/secretariat",
      "/secretariat": "/secretariat",
      "/patient": "/secretariat",
      "/patient/compte/supprimer": "/secretariat",
      "/patient/rendez-vous/[id]/deplacer": "/secretariat",
      "/avis": "/dashboard",
      "/admin": "/secretariat",
      "/admin/avis": "/secretariat",
      "/admin/envois": "/secretariat",
      "/admin/chat": "/secretariat",
      "/admin/journal": "/secretariat",
      "/admin/nouveau": "/secretariat",
      "/admin/utilisateurs/[id]": "/secretariat",
      "/securite": "/securite",
      "/rdv": "/rdv",
      "/rdv/[slug]": "404",
      "/rdv/[slug]/reserver": "404",
    },
    // The signature and the eSanté link are the doctor's alone.
    handlers: {
      "/profile/signature": "/dashboard",
      "/profile/esante/retour": "/dashboard",
      "/documents/[id]/pdf": "served",
      "/patient/documents/[id]/pdf": "/secretariat",
      "/admin/journal/export": "/secretariat",
      "/api/events": "stream",
    },
  },
  patient: {
    pages: {
      "/dashboard": "/patient",
      "/agenda": "/patient",
      "/agenda/parametres": "/patient",
      "/profile": "/patient",
      "/secretaires": "/patient",
      "/patients": "/patient",
      "/patients/nouveau": "/patient",
      "/patients/[id]": "/patient",
      "/patients/[id]/modifier": "/patient",
      "/patients/a-verifier": "/patient",
      "/rdv/[slug]/reserver/confirme": "404",
      "/secretariat": "/patient",
      "/patient": "/patient",
      "/patient/compte/supprimer": "/patient/compte/supprimer",
      "/patient/rendez-vous/[id]/deplacer": "404",
      "/avis": "/patient",
      "/admin": "/patient",
      "/admin/avis": "/patient",
      "/admin/envois": "/patient",
      "/admin/chat": "/patient",
      "/admin/journal": "/patient",
      "/admin/nouveau": "/patient",
      "/admin/utilisateurs/[id]": "/patient",
      "/securite": "/securite",
      "/rdv": "/rdv",
      "/rdv/[slug]": "404",
      "/rdv/[slug]/reserver": "404",
    },
    handlers: {
      "/profile/signature": "/patient",
      "/profile/esante/retour": "/patient",
      "/documents/[id]/pdf": "/patient",
      "/patient/documents/[id]/pdf": "served",
      "/admin/journal/export": "/patient",
      "/api/events": "/patient",
    },
  },
  support: {
    pages: {
      "/dashboard": "/admin",
      "/agenda": "/admin",
      "/agenda/parametres": "/admin",
      "/profile": "/admin",
      "/secretaires": "/admin",
      "/patients": "/admin",
      "/patients/nouveau": "/admin",
      "/patients/[id]": "/admin",
      "/patients/[id]/modifier": "/admin",
      "/patients/a-verifier": "/admin",
      "/rdv/[slug]/reserver/confirme": "/admin",
      "/secretariat": "/admin",
      "/patient": "/admin",
      "/patient/compte/supprimer": "/admin",
      "/patient/rendez-vous/[id]/deplacer": "/admin",
      "/avis": "/admin",
      "/admin": "/admin",
      "/admin/avis": "/admin/avis",
      "/admin/envois": "/admin/envois",
      "/admin/chat": "/admin/chat",
      "/admin/journal": "/admin/journal",
      "/admin/nouveau": "/admin/nouveau",
      "/admin/utilisateurs/[id]": "404",
      "/securite": "/securite",
      "/rdv": "/rdv",
      "/rdv/[slug]": "404",
      "/rdv/[slug]/reserver": "404",
    },
    handlers: {
      "/profile/signature": "/admin",
      "/profile/esante/retour": "/admin",
      "/documents/[id]/pdf": "/admin",
      "/patient/documents/[id]/pdf": "/admin",
      "/admin/journal/export": "served",
      "/api/events": "not opened",
    },
  },
};

test("the tables cover every route of the app", () => {
  const { pages, handlers } = appRoutes();
  expect(
    pages.filter((p) => !PUBLIC.includes(p)),
    "private pages",
  ).toEqual([...ROUTES].sort());
  expect(
    handlers.filter((h) => !PUBLIC.includes(h)),
    "route handlers",
  ).toEqual([...HANDLERS].sort());
});

const PRIVATE_HEADINGS = ["Tableau de bord", "Profil du praticien", "Pour quel médecin travaillez-vous ?", "Administration", "Bonjour Luc"];

/**
 * Each role's page. The signed-in ones come from the stored sessions (fixtures/signed-in.ts: the
 * secretary's works for Dr Paul Schmit); the secretary who has not chosen a doctor signs in here,
 * since choosing is a change to her session — over HTTP, her sign-in not being what this tests.
 */
async function visitor(kind: string, browser: Browser, testInfo: TestInfo): Promise<Page> {
  const headers = uniqueClientIp();
  const context = () => browser.newContext({ baseURL: testInfo.project.use.baseURL, extraHTTPHeaders: headers });
  switch (kind) {
    case "anonymous":
      return (await context()).newPage();
    case "doctor":
      return storedSessionPage(browser, testInfo, "doctor");
    case "secretary (no doctor chosen)": {
      const page = await (await context()).newPage();
      await signInOverHttp(page.request, ACCOUNT.secretary);
      return page;
    }
    case "secretary working for a doctor":
      return storedSessionPage(browser, testInfo, "secretary");
    case "patient":
      return storedSessionPage(browser, testInfo, "patient");
    case "support":
      return storedSessionPage(browser, testInfo, "support");
  }
  throw new Error(kind);
}

async function whereHandlerSends(page: Page, route: string, expected: string): Promise<string> {
  if (route === STREAM && expected === "not opened") return expected;
  if (route === STREAM && expected === "stream") {
    // The stream never ends: read its headers in the page, then let it go.
    return page.evaluate(async (url) => {
      const controller = new AbortController();
      const response = await fetch(url, { signal: controller.signal, redirect: "manual" });
      const type = response.headers.get("content-type") ?? "";
      controller.abort();
      return response.status === 200 && type.startsWith("text/event-stream") ? "stream" : `HTTP ${response.status} ${type}`;
    }, route);
  }
  const response = await page.request.get(route, { maxRedirects: 0 });
  expect(response.status(), `${route} never fails`).toBeLessThan(500);
  if (response.status() >= 300 && response.status() < 400) return new URL(response.headers()["location"]!, "http://x").pathname;
  return "served";
}

/** Where a visit ended: the path (and query) the browser shows, and the status of the page it shows. */
type Landing = { path: string; status: number };

/**
 * Where a visitor's browser ends up on `url`. A page the table expects to be served is loaded in
 * the browser. Otherwise the server's answer is read first with the context's `request` (the same
 * cookies and client address, nothing rendered): a redirect is followed the way the browser
 * follows it (a GET of its Location with the same cookies), an error status is what the browser
 * would show where it is, and a page answered 200 — where a chain of redirects ends, or a guard
 * below a loading.tsx that redirects inside the streamed page (decision 0047, « Not this ») — is
 * loaded in the browser, scripts on, once per test. docs/decisions/0056-the-server-answers-what-it-settles.md
 */
function visits(page: Page, onLoad: (page: Page) => Promise<void>) {
  const loaded = new Map<string, Landing>();
  const load = async (url: string): Promise<Landing> => {
    const known = loaded.get(url);
    if (known) return known;
    const response = await page.goto(url);
    const shown = new URL(page.url());
    const landing = { path: shown.pathname + shown.search, status: response?.status() ?? 0 };
    if (landing.status < 400) await onLoad(page);
    loaded.set(url, landing);
    return landing;
  };
  return async (url: string, expected: string): Promise<Landing> => {
    if (expected === url) return load(url);
    let current = url;
    for (let hops = 0; hops < 5; hops++) {
      const answer = await page.request.get(current, { maxRedirects: 0 });
      const status = answer.status();
      if (status === 200) return load(current);
      if (status < 300 || status >= 400) {
        // An error page is shown where it is asked for: it must not redirect from inside.
        expect(await answer.text(), `${current}: HTTP ${status} that redirects`).not.toMatch(/http-equiv="refresh"|__next-page-redirect/i);
        return { path: current, status };
      }
      const location = new URL(answer.headers()["location"]!, answer.url());
      expect(location.origin, `${current} redirects within the app`).toBe(new URL(answer.url()).origin);
      current = location.pathname + location.search;
    }
    throw new Error(`${url}: more than 5 redirects`);
  };
}

for (const [kind, expected] of Object.entries(EXPECTED)) {
  test(`routes × roles: ${kind}`, async ({ browser }, testInfo) => {
    // Some thirty pages and handlers: more than the default budget on a busy two-core machine
    // since the booking issue's routes joined the matrix.
    test.slow();
    const page = await visitor(kind, browser, testInfo);
    const visit = visits(page, async (shown) => {
      if (kind !== "anonymous") return;
      for (const heading of PRIVATE_HEADINGS)
        await expect(shown.getByRole("heading", { name: heading }), `${heading} on ${shown.url()}`).toHaveCount(0);
    });
    for (const route of ROUTES) {
      const url = urlOf(route);
      const target = expected.pages[route];
      if (WITHOUT_SCRIPTS.includes(route)) {
        expect(await whereHandlerSends(page, url, target), `${kind} ${route}`).toBe(target === route ? "served" : target);
        continue;
      }
      const landing = await visit(url, target === route ? url : target);
      if (target === "404") {
        expect(landing, `${kind} visiting ${route}`).toEqual({ path: url, status: 404 });
        continue;
      }
      expect(landing.status, `${kind} ${route}`).toBeLessThan(400);
      expect(landing.path, `${kind} visiting ${route}`).toBe(target);
    }
    for (const route of HANDLERS) {
      expect(await whereHandlerSends(page, urlOf(route), expected.handlers[route]), `${kind} ${route}`).toBe(expected.handlers[route]);
    }
    await page.context().close();
  });
}
