import type { Browser, Page } from "@playwright/test";
import { expect, storedSessionPage, test } from "./fixtures/signed-in";
import { alertOf, signedInPage } from "./support/auth";
import { waitForMail } from "./support/mailbox";
import { FIXTURES } from "./fixtures/accounts";
import { expectNoHorizontalOverflow, expectWithinWidth } from "./support/layout";

// The live chat between the practice area and support (issue 8). Support's presence is global
// (any operator online counts), so this file runs in order: the « nobody online » case first,
// before any operator has opened /admin/chat.
test.describe.configure({ mode: "default" });

const bubble = (page: Page) => page.getByRole("button", { name: /chat avec le support/i });
const panel = (page: Page) => page.getByRole("dialog", { name: "Chat avec le support" });
const messageBox = (page: Page) => panel(page).getByLabel("Votre message au support");
const userMessages = (page: Page) => panel(page).getByTestId("chat-message");

async function openPanel(page: Page) {
  await bubble(page).click();
  await expect(panel(page)).toBeVisible();
  await expect(messageBox(page)).toBeFocused();
}

async function openSupportChat(page: Page) {
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Chat" }).click();
  await expect(page).toHaveURL(/\/admin\/chat$/);
  await expect(page.getByText("Vous êtes en ligne")).toBeVisible();
}

/**
 * Support's chat, from the stored support session (decision 0024, rule 1): no sign-in, no
 * authenticator step. Presence is any operator's, so the account does not matter to these tests.
 */
async function supportOnChat(browser: Browser) {
  const support = await storedSessionPage(browser, test.info(), "support");
  await support.goto("/admin/chat");
  await expect(support.getByText("Vous êtes en ligne")).toBeVisible();
  return support;
}

async function openConversationOf(support: Page, name: string) {
  await support
    .getByRole("navigation", { name: "Conversations" })
    .getByRole("button", { name: new RegExp(name) })
    .click();
  return support.getByRole("region", { name: "Conversation ouverte" });
}

test("with no operator online, a message is left, answered in the chat and by email", async ({ browser, baseURL }) => {
  const doctor = await signedInPage(browser, baseURL, FIXTURES.chatOffline.email);
  await openPanel(doctor);
  await expect(panel(doctor).getByTestId("chat-presence")).toHaveText("Aucun opérateur disponible");
  await expect(panel(doctor).getByRole("status")).toContainText("Laissez un message : nous vous répondrons ici et par courriel.");
  await messageBox(doctor).fill("Bonjour, mon imprimante n'imprime plus les ordonnances.");
  await panel(doctor).getByRole("button", { name: "Laisser un message" }).click();
  await expect(userMessages(doctor)).toHaveCount(1);
  await expect(userMessages(doctor).first()).toContainText("mon imprimante");
  await expect(messageBox(doctor)).toHaveValue("");

  const support = await supportOnChat(browser);
  // The doctor's open panel learns that an operator came online.
  await expect(panel(doctor).getByTestId("chat-presence")).toHaveText("Un opérateur est en ligne");
  await expect(panel(doctor).getByRole("button", { name: "Envoyer" })).toBeVisible();
  const line = support.getByRole("navigation", { name: "Conversations" }).getByRole("button", { name: /Test chat-offline/ });
  await expect(line).toContainText("Message laissé hors ligne");
  const conversation = await openConversationOf(support, "Test chat-offline");
  await expect(conversation.getByTestId("chat-message")).toContainText("Laissé hors ligne");
  await conversation.getByLabel("Votre réponse").fill("Bonjour Docteur, réinstallez le pilote depuis Paramètres > Imprimantes.");
  await conversation.getByRole("button", { name: "Répondre" }).click();

  // The doctor's open panel gets the answer live…
  await expect(userMessages(doctor)).toHaveCount(2);
  await expect(userMessages(doctor).nth(1)).toContainText("réinstallez le pilote");
  await expect(userMessages(doctor).nth(1)).toContainText("Support Doctipro");
  // …and by email.
  const mail = await waitForMail(support.request, FIXTURES.chatOffline.email, "Réponse du support Doctipro");
  expect(mail.text).toContain("Bonjour Docteur, réinstallez le pilote depuis Paramètres > Imprimantes.");
  await support.context().close();
  await doctor.context().close();
});

test(
  "a doctor and support exchange messages live; unread answers badge the bubble across pages",
  { tag: "@embedded" },
  async ({ browser, baseURL }) => {
    const support = await signedInPage(browser, baseURL, FIXTURES.supportChatLive.email);
    await openSupportChat(support);

    const doctor = await signedInPage(browser, baseURL, FIXTURES.chatLive.email);
    await openPanel(doctor);
    await expect(panel(doctor).getByTestId("chat-presence")).toHaveText("Un opérateur est en ligne");
    await messageBox(doctor).fill("Bonjour, comment ajouter ma secrétaire ?");
    // Enter sends.
    await messageBox(doctor).press("Enter");

    // The conversation appears on support's page without a reload, marked unread.
    const line = support.getByRole("navigation", { name: "Conversations" }).getByRole("button", { name: /Test chat-live/ });
    await expect(line).toContainText("comment ajouter ma secrétaire");
    await expect(line).toContainText("1 non lu");
    const conversation = await openConversationOf(support, "Test chat-live");
    await expect(conversation.getByTestId("chat-message")).toHaveCount(1);
    await expect(line).not.toContainText("non lu");

    const started = Date.now();
    await conversation.getByLabel("Votre réponse").fill("Depuis « Mon secrétariat », bouton « Rattacher ».");
    await conversation.getByRole("button", { name: "Répondre" }).click();
    await expect(userMessages(doctor).nth(1)).toContainText("Mon secrétariat");
    test.info().annotations.push({ type: "delivery", description: `answer shown after ${Date.now() - started} ms` });

    // The doctor writes again: support's open conversation gets it live.
    await messageBox(doctor).fill("Merci, c'est fait !");
    await panel(doctor).getByRole("button", { name: "Envoyer" }).click();
    await expect(conversation.getByTestId("chat-message")).toHaveCount(3);
    await expect(conversation.getByTestId("chat-message").nth(2)).toContainText("Merci, c'est fait !");

    // Escape closes the panel and gives focus back to the bubble; an answer then badges it.
    await doctor.keyboard.press("Escape");
    await expect(panel(doctor)).toBeHidden();
    await expect(bubble(doctor)).toBeFocused();
    await conversation.getByLabel("Votre réponse").fill("Parfait, bonne journée.");
    await conversation.getByRole("button", { name: "Répondre" }).click();
    await expect(doctor.getByTestId("chat-unread")).toContainText("1");

    // Another page of the practice area: the bubble is there, still badged, with the whole history.
    await doctor.getByRole("link", { name: "Profil du praticien" }).click();
    await expect(doctor).toHaveURL(/\/profile$/);
    await expect(doctor.getByTestId("chat-unread")).toContainText("1");
    await openPanel(doctor);
    await expect(userMessages(doctor)).toHaveCount(4);
    await expect(doctor.getByTestId("chat-unread")).toBeHidden();
    // A new visit: the history is kept and the answer stays read.
    await doctor.reload();
    await expect(bubble(doctor)).toBeVisible();
    await expect(doctor.getByTestId("chat-unread")).toBeHidden();
    await openPanel(doctor);
    await expect(userMessages(doctor)).toHaveCount(4);
    await support.context().close();
    await doctor.context().close();
  },
);

test("no bubble on the sign-in pages, nor for a patient", async ({ page, patientPage: patient }) => {
  await page.goto("/doctor_home");
  await expect(page.getByRole("button", { name: "S'identifier" })).toBeVisible();
  await expect(bubble(page)).toHaveCount(0);

  await patient.goto("/securite");
  await expect(patient.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(bubble(patient)).toHaveCount(0);
});

test("a doctor cannot read another user's conversation by any URL or event stream", async ({ browser, baseURL }) => {
  const owner = await signedInPage(browser, baseURL, FIXTURES.chatPrivate.email);
  await openPanel(owner);
  await messageBox(owner).fill("Secret du docteur A : code du coffre 4321");
  await messageBox(owner).press("Enter");
  await expect(userMessages(owner)).toHaveCount(1);

  // Support opens it: its address carries the conversation id.
  const support = await supportOnChat(browser);
  await openConversationOf(support, "Test chat-private");
  await expect(support).toHaveURL(/\/admin\/chat\?c=[0-9a-f-]{36}$/);
  const conversationId = new URL(support.url()).searchParams.get("c")!;

  const snoop = await signedInPage(browser, baseURL, FIXTURES.chatSnoop.email);
  // Listen on every address a stream might take a conversation from, while A and support write:
  // the writes start once each stream has sent its snapshot (it is then subscribed), and the
  // streams stay open until the checks below are done.
  type Listener = { received: string[]; sources: EventSource[] };
  await snoop.evaluate(async (id) => {
    const urls = ["/api/events", `/api/events?conversation=${id}`, `/api/events?c=${id}&conversationId=${id}`];
    const received: string[] = [];
    const opened: Promise<void>[] = [];
    const sources = urls.map((url) => {
      const source = new EventSource(url);
      for (const name of ["snapshot", "messages", "conversation", "presence"])
        source.addEventListener(name, (e) => received.push((e as MessageEvent).data));
      opened.push(new Promise((resolve) => source.addEventListener("snapshot", () => resolve(), { once: true })));
      return source;
    });
    (window as unknown as { __snoop: Listener }).__snoop = { received, sources };
    await Promise.all(opened);
  }, conversationId);
  await messageBox(owner).fill("Deuxième secret du docteur A");
  await messageBox(owner).press("Enter");
  await support.getByRole("region", { name: "Conversation ouverte" }).getByLabel("Votre réponse").fill("Réponse confidentielle pour A");
  await support.getByRole("region", { name: "Conversation ouverte" }).getByRole("button", { name: "Répondre" }).click();
  await expect(userMessages(owner)).toHaveCount(3);

  // The snoop's own panel, on the page that was open while A and support wrote, is empty.
  await openPanel(snoop);
  await expect(panel(snoop).getByText("Une question sur Doctipro ?")).toBeVisible();
  await expect(panel(snoop)).not.toContainText("Secret");
  // Support's page and its stream are closed to a doctor, with or without the id: the server sends
  // him to his dashboard, whose HTML (and the data it carries) holds nothing of A's conversation.
  for (const url of [`/admin/chat?c=${conversationId}`, "/admin/chat"]) {
    const answer = await snoop.request.get(url);
    expect(new URL(answer.url()).pathname).toBe("/dashboard");
    expect(await answer.text()).not.toContain("Secret du docteur A");
  }
  // A stream opened now, after the writes, starts from the snoop's own, empty conversation (what
  // a new visit's panel shows).
  const fresh = await snoop.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const source = new EventSource("/api/events");
        source.addEventListener("snapshot", (e) => {
          source.close();
          resolve((e as MessageEvent).data);
        });
      }),
  );
  expect(JSON.parse(fresh).messages).toEqual([]);
  expect(fresh).not.toMatch(/secret|confidentielle|coffre/i);

  const received = await snoop.evaluate(() => {
    const { received, sources } = (window as unknown as { __snoop: Listener }).__snoop;
    sources.forEach((s) => s.close());
    return received;
  });
  expect(received.length).toBeGreaterThanOrEqual(3);
  expect(received.join("\n")).not.toMatch(/secret|confidentielle|coffre/i);

  for (const p of [owner, support, snoop]) await p.context().close();
});

test("a secretary's chat is her own, even while she works for a doctor; support sees for whom she wrote", async ({ browser, baseURL }) => {
  const secretary = await signedInPage(browser, baseURL, FIXTURES.chatSecretary.email);
  await secretary.getByRole("button", { name: /Dr Test chat-private/ }).click();
  await expect(secretary).toHaveURL(/\/dashboard$/);
  await openPanel(secretary);
  // The doctor's conversation (written in the test above) is not hers to read.
  await expect(panel(secretary).getByText("Une question sur Doctipro ?")).toBeVisible();
  await messageBox(secretary).fill("Question du secrétariat sur les mémoires d'honoraires");
  await messageBox(secretary).press("Enter");
  await expect(userMessages(secretary)).toHaveCount(1);
  // The security page, reached from the practice's navigation, keeps the chat at hand.
  await secretary.goto("/securite");
  await openPanel(secretary);
  await expect(userMessages(secretary)).toHaveCount(1);

  const support = await supportOnChat(browser);
  const line = support.getByRole("navigation", { name: "Conversations" }).getByRole("button", { name: /Test chat-secretaire/ });
  await expect(line).toContainText("Secrétariat");
  const conversation = await openConversationOf(support, "Test chat-secretaire");
  await expect(conversation.getByTestId("chat-message")).toHaveCount(1);
  await expect(conversation.getByTestId("chat-message")).toContainText("pour Dr Test chat-private");
  await secretary.context().close();
  await support.context().close();
});

test("support's chat page and the event stream are closed to anonymous visitors and patients", async ({ baseURL, page, patientPage }) => {
  for (const [visitor, home] of [
    [page, "/admin/login"],
    [patientPage, "/patient"],
  ] as const) {
    // What the server answers is the subject, not what a page shows: no page is rendered.
    const chatPage = await visitor.request.get("/admin/chat");
    expect(new URL(chatPage.url()).pathname).toBe(home);
    const stream = await visitor.request.get("/api/events", { maxRedirects: 0 });
    expect(stream.status()).toBe(307);
    expect(stream.headers()["content-type"] ?? "").not.toContain("text/event-stream");
    expect(new URL(stream.headers().location!, baseURL).pathname).toBe(home === "/admin/login" ? "/doctor_home" : "/patient");
  }
});

test("a 4,001-character message is refused; <script> is shown as text, never run", async ({ browser, baseURL }) => {
  const doctor = await signedInPage(browser, baseURL, FIXTURES.chatRules.email);
  await openPanel(doctor);
  const tooLong = "é".repeat(4001);
  await messageBox(doctor).fill(tooLong);
  await expect(panel(doctor).getByText("4\u202f001 / 4\u202f000 caractères")).toBeVisible();
  await panel(doctor)
    .getByRole("button", { name: /Envoyer|Laisser un message/ })
    .click();
  await expect(alertOf(doctor)).toHaveText("Un message ne peut pas dépasser 4\u202f000 caractères.");
  // Nothing saved, the text kept for shortening.
  await expect(userMessages(doctor)).toHaveCount(0);
  await expect(messageBox(doctor)).toHaveValue(tooLong);

  const hostile = `<script>window.__chatPwned = true</script><img src=x onerror="window.__chatPwned = true"><b>gras</b> [lien](javascript:alert(1))`;
  await messageBox(doctor).fill(hostile);
  await messageBox(doctor).press("Enter");
  await expect(userMessages(doctor)).toHaveCount(1);
  const shown = userMessages(doctor).first().locator("div").first();
  await expect(shown).toHaveText(hostile);
  await expect(shown.locator("script, img, b, a")).toHaveCount(0);

  const support = await supportOnChat(browser);
  const conversation = await openConversationOf(support, "Test chat-rules");
  const seen = conversation.getByTestId("chat-message").first().locator("div").first();
  await expect(seen).toHaveText(hostile);
  await expect(seen.locator("script, img, b, a")).toHaveCount(0);
  for (const p of [doctor, support]) expect(await p.evaluate(() => (window as { __chatPwned?: boolean }).__chatPwned)).toBeUndefined();
  await doctor.context().close();
  await support.context().close();
});

test("a pasted long link wraps in both chats: support's list, reply box and counter stay on screen", async ({ browser, baseURL }) => {
  const link = `https://example.com/${"a".repeat(180)}`;
  const doctor = await signedInPage(browser, baseURL, FIXTURES.chatLongWord.email);
  await openPanel(doctor);
  await messageBox(doctor).fill(link);
  await messageBox(doctor).press("Enter");
  await expect(userMessages(doctor)).toHaveCount(1);
  await expectWithinWidth(userMessages(doctor).first(), panel(doctor));

  const support = await supportOnChat(browser);
  await openConversationOf(support, "Test chat-long-word");
  // Loaded afresh once, with the conversation open from its address, then checked at both widths
  // by resizing (no script reads the window's width: decision 0047).
  await support.reload();
  for (const width of [1280, 390]) {
    await support.setViewportSize({ width, height: 800 });
    const conversation = support.getByRole("region", { name: "Conversation ouverte" });
    await expect(conversation.getByTestId("chat-message")).toHaveText(new RegExp(link));
    await expectNoHorizontalOverflow(support);
    await expectWithinWidth(support.getByRole("navigation", { name: "Conversations" }));
    await expectWithinWidth(conversation);
    await expectWithinWidth(conversation.getByTestId("chat-message").first(), conversation);
    await expectWithinWidth(conversation.getByLabel("Votre réponse"), conversation);
    await expectWithinWidth(conversation.getByText("0 / 4\u202f000 caractères"), conversation);
    await expectWithinWidth(conversation.getByRole("button", { name: "Répondre" }), conversation);
  }
  await doctor.context().close();
  await support.context().close();
});

// Run by the PostgreSQL project only (playwright.config.ts): two instances share one database.
test("a message sent through one app instance reaches a client connected to the other", { tag: "@two-instances" }, async ({ browser }) => {
  const second = test.info().project.metadata.secondInstanceURL as string | undefined;
  if (!second) throw new Error("no second app instance: this test belongs to the PostgreSQL project");
  // The doctor on instance 2, support on instance 1: only LISTEN/NOTIFY links them.
  const doctor = await signedInPage(browser, second, FIXTURES.chatInstances.email);
  const support = await supportOnChat(browser);
  await openPanel(doctor);
  await messageBox(doctor).fill("Écrit sur l'instance 2");
  await messageBox(doctor).press("Enter");
  const line = support.getByRole("navigation", { name: "Conversations" }).getByRole("button", { name: /Test chat-instances/ });
  await expect(line).toContainText("Écrit sur l'instance 2");
  const conversation = await openConversationOf(support, "Test chat-instances");
  await conversation.getByLabel("Votre réponse").fill("Répondu depuis l'instance 1");
  await conversation.getByRole("button", { name: "Répondre" }).click();
  await expect(userMessages(doctor).nth(1)).toContainText("Répondu depuis l'instance 1");
  expect(new URL(doctor.url()).port).not.toBe(new URL(support.url()).port);
  await doctor.context().close();
  await support.context().close();
});
