// TrustDesk chat page. Every piece of text is inserted with textContent: nothing typed by a
// customer or returned by the server is ever parsed as HTML. A live stream (server-sent events,
// read with fetch so that the token travels in a header, never in the URL) brings a person's
// replies and status changes without a reload.
(function () {
  "use strict";
  const chat = document.getElementById("chat");
  const list = document.getElementById("messages");
  const form = document.getElementById("composer");
  const input = document.getElementById("text");
  const sendButton = document.getElementById("send");
  const handoffButton = document.getElementById("handoff");
  const restartButton = document.getElementById("restart");
  const statusBox = document.getElementById("status");
  const typingLine = document.getElementById("typing");
  const errorBox = document.getElementById("error");
  const consentForm = document.getElementById("consent");
  const choices = document.getElementById("privacy-choices");
  const rateButton = document.getElementById("rate");
  const feedbackForm = document.getElementById("feedback");
  const feedbackComment = document.getElementById("feedback-comment");
  const feedbackSend = document.getElementById("feedback-send");
  const feedbackDone = document.getElementById("feedback-done");
  const resumeButton = document.getElementById("resume-link");
  const resumeBox = document.getElementById("resume-box");
  const resumeUrl = document.getElementById("resume-url");
  const aiLabel = chat.dataset.aiLabel || "AI";
  // The page's own words in its language (web/catalogues), rendered by the server as JSON.
  const T = JSON.parse(document.getElementById("chat-strings").textContent);
  const LANG = document.documentElement.lang || "en";
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  }
  const STORE_KEY = "trustdesk.conversation";
  // The tab's copy of its conversation. In a frame on another site (the widget), browsers that
  // block third-party storage refuse sessionStorage: the page then keeps it in memory only.
  const saved = (function () {
    let memory = null;
    function storage() {
      try { return window.sessionStorage; } catch (err) { return null; }
    }
    return {
      get: function () {
        try { const s = storage(); return s ? s.getItem(STORE_KEY) : memory; } catch (err) { return memory; }
      },
      set: function (value) {
        memory = value;
        try { const s = storage(); if (s) s.setItem(STORE_KEY, value); } catch (err) { /* memory only */ }
      },
      remove: function () {
        memory = null;
        try { const s = storage(); if (s) s.removeItem(STORE_KEY); } catch (err) { /* memory only */ }
      },
    };
  })();
  const STATUS_TEXT = {
    handoff_requested: T.status_handoff_requested,
    human_active: T.status_human_active,
    resolved: T.status_resolved,
  };
  const CONTEST_TEXT = T.contest;
  // What a concern about an AI message can be about (conversation/incidents.py CATEGORIES).
  const CATEGORIES = {
    inaccurate: T.concern_inaccurate,
    harmful: T.concern_harmful,
    privacy: T.concern_privacy,
    unfair: T.concern_unfair,
    other: T.concern_other,
  };
  const RETRY_MIN_MS = 1000;
  const RETRY_MAX_MS = 30000;
  let session = null;
  let lastSeq = 0; // the newest stored message shown
  let syncing = Promise.resolve();
  let stream = null; // {controller, timer} of the open live stream
  let retryMs = RETRY_MIN_MS;
  let feedbackAsked = false; // the rating prompt is shown once per conversation on its own

  function showError(message) {
    errorBox.textContent = message;
    errorBox.hidden = !message;
  }

  function setStatus(status) {
    chat.dataset.status = status;
    const text = STATUS_TEXT[status];
    statusBox.textContent = text || "";
    statusBox.hidden = !text;
    handoffButton.disabled = status !== "ai_active";
    const aiBox = choices.querySelector('input[data-purpose="ai_assistance"]');
    if (aiBox) aiBox.disabled = status !== "ai_active";
    list.querySelectorAll("button.contest").forEach(function (button) {
      button.disabled = status !== "ai_active";
    });
    const closed = status === "resolved";
    input.disabled = closed;
    sendButton.disabled = closed;
    if (closed) {
      closeStream(); // a resolved conversation changes no more
      if (!feedbackAsked) {
        feedbackAsked = true;
        promptFeedback().catch(function () { /* the button still offers it */ });
      }
    }
  }

  // Paragraphs, line breaks and **bold**, built as DOM nodes (never innerHTML).
  function renderText(container, text) {
    text.split(/\n{2,}/).forEach(function (para) {
      const p = document.createElement("p");
      para.split(/(\*\*[^*]+\*\*)/).forEach(function (part) {
        if (/^\*\*[^*]+\*\*$/.test(part)) {
          const strong = document.createElement("strong");
          strong.textContent = part.slice(2, -2);
          p.appendChild(strong);
        } else if (part) {
          p.appendChild(document.createTextNode(part));
        }
      });
      container.appendChild(p);
    });
  }

  function addMessage(message, pending) {
    // A person's reply is labelled with their name, and never with the AI label.
    const person = !message.ai && message.role === "agent";
    // An AI message right after the customer's is an answer they may contest.
    const previous = list.lastElementChild;
    const answer = message.ai && previous !== null && previous.classList.contains("customer");
    const item = document.createElement("li");
    item.className = "message " + message.role + (message.ai ? " ai" : "") + (person ? " person" : "") +
      (pending ? " pending" : "");
    if (message.seq) item.dataset.seq = String(message.seq);
    const meta = document.createElement("div");
    meta.className = "meta";
    if (message.ai) {
      const badge = document.createElement("span");
      badge.className = "badge ai-label";
      badge.textContent = aiLabel;
      badge.title = T.ai_written;
      meta.appendChild(badge);
    } else if (person) {
      const badge = document.createElement("span");
      badge.className = "badge person-label";
      badge.textContent = T.person;
      badge.title = T.person_written;
      meta.appendChild(badge);
    }
    const who = document.createElement("span");
    who.className = "who";
    if (message.ai) who.textContent = T.who_assistant;
    else if (message.role === "customer") who.textContent = T.who_you;
    else if (person && message.author) who.textContent = fill(T.who_person, { name: message.author });
    else if (message.role === "system") who.textContent = T.who_system;
    else who.textContent = T.who_team;
    meta.appendChild(who);
    if (pending) {
      const sending = document.createElement("span");
      sending.className = "sending";
      sending.textContent = T.sending;
      meta.appendChild(sending);
    }
    item.appendChild(meta);
    const body = document.createElement("div");
    body.className = "body";
    renderText(body, message.text);
    item.appendChild(body);
    if (message.citations && message.citations.length) {
      const sources = document.createElement("div");
      sources.className = "citations";
      sources.appendChild(document.createTextNode(T.sources + " "));
      message.citations.forEach(function (c, i) {
        if (i) sources.appendChild(document.createTextNode(" · "));
        const link = document.createElement("a");
        link.href = "/help/" + c.source.split("#")[0].split("/").map(encodeURIComponent).join("/") + "#" + encodeURIComponent(c.source.split("#")[1] || "");
        link.textContent = c.title;
        link.className = "citation";
        sources.appendChild(link);
      });
      item.appendChild(sources);
    }
    if (message.ai && message.seq && !pending) item.appendChild(concernControl(message.seq));
    if (answer) {
      const contest = document.createElement("button");
      contest.type = "button";
      contest.className = "link contest";
      contest.textContent = CONTEST_TEXT;
      contest.disabled = chat.dataset.status !== "ai_active";
      item.appendChild(contest);
    }
    if (message.role === "customer" && !pending) {
      // The stored copy replaces the one shown while it was being sent.
      const waiting = list.querySelector("li.pending");
      if (waiting) waiting.remove();
    }
    list.appendChild(item);
    list.scrollTop = list.scrollHeight;
    return item;
  }

  // While the reply is written: the assistant's bubble with "Writing…" and, from a language
  // model, its sentences as they are let through. Hidden from screen readers: the log announces
  // the stored reply once it arrives, which replaces this bubble.
  function addWriting() {
    const item = document.createElement("li");
    item.className = "message assistant ai writing";
    item.setAttribute("aria-hidden", "true");
    const meta = document.createElement("div");
    meta.className = "meta";
    const badge = document.createElement("span");
    badge.className = "badge ai-label";
    badge.textContent = aiLabel;
    meta.appendChild(badge);
    const who = document.createElement("span");
    who.className = "who";
    who.textContent = T.who_assistant;
    meta.appendChild(who);
    const status = document.createElement("span");
    status.className = "sending";
    status.textContent = T.writing;
    meta.appendChild(status);
    item.appendChild(meta);
    const body = document.createElement("div");
    body.className = "body";
    item.appendChild(body);
    list.appendChild(item);
    list.scrollTop = list.scrollHeight;
    return item;
  }

  // The customer's message, with the reply shown while it is written (server-sent events:
  // "sentence" events, then the "reply" that stands). Errors before the reply begins come as
  // plain JSON answers, as from call().
  async function postMessage(text, writing) {
    const response = await fetch("/api/v1/conversations/" + session.id + "/messages", {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "Accept-Language": LANG,
        Accept: "text/event-stream",
        Authorization: "Bearer " + session.token,
      },
      body: JSON.stringify({ text: text }),
    });
    const type = response.headers.get("Content-Type") || "";
    if (!response.ok || type.indexOf("text/event-stream") !== 0 || !response.body) {
      const data = await response.json().catch(function () { return {}; });
      if (!response.ok) {
        const error = new Error((data.error && data.error.message) || fill(T.request_failed, { status: response.status }));
        error.status = response.status;
        throw error;
      }
      return data;
    }
    const body = writing.querySelector(".body");
    let result = null;
    let failure = null;
    await readEvents(response.body, function (kind, data) {
      let parsed;
      try { parsed = JSON.parse(data); } catch (err) { return; }
      if (kind === "sentence" && typeof parsed.text === "string") {
        const shown = body.textContent ? " " + parsed.text : parsed.text;
        body.appendChild(document.createTextNode(shown));
        list.scrollTop = list.scrollHeight;
      } else if (kind === "reply") {
        result = parsed;
      } else if (kind === "error") {
        failure = new Error((parsed.error && parsed.error.message) || fill(T.request_failed, { status: parsed.status }));
      }
    }, function () { return result === null && failure === null; });
    if (failure) throw failure;
    if (!result) throw new Error(fill(T.request_failed, { status: response.status }));
    return result;
  }

  // "Report a concern" under an AI message: a small form; the support team looks into it.
  function concernControl(seq) {
    const box = document.createElement("div");
    box.className = "concern";
    const open = document.createElement("button");
    open.type = "button";
    open.className = "link concern-open";
    open.textContent = T.report_concern;
    open.setAttribute("aria-expanded", "false");
    open.setAttribute("aria-label", T.report_concern_label);
    box.appendChild(open);
    const form = document.createElement("form");
    form.className = "concern-form";
    form.hidden = true;
    const kind = document.createElement("label");
    kind.textContent = T.concern_question;
    const select = document.createElement("select");
    Object.keys(CATEGORIES).forEach(function (key) {
      const option = document.createElement("option");
      option.value = key;
      option.textContent = CATEGORIES[key];
      select.appendChild(option);
    });
    kind.appendChild(select);
    form.appendChild(kind);
    const say = document.createElement("label");
    say.textContent = T.concern_more;
    const comment = document.createElement("textarea");
    comment.rows = 2;
    comment.maxLength = 1000;
    say.appendChild(comment);
    form.appendChild(say);
    const row = document.createElement("div");
    row.className = "consent-actions";
    const send = document.createElement("button");
    send.type = "submit";
    send.textContent = T.send_concern;
    const cancel = document.createElement("button");
    cancel.type = "button";
    cancel.className = "secondary";
    cancel.textContent = T.cancel;
    row.appendChild(send);
    row.appendChild(cancel);
    form.appendChild(row);
    box.appendChild(form);
    const done = document.createElement("p");
    done.className = "concern-done";
    done.setAttribute("role", "status");
    box.appendChild(done);
    open.addEventListener("click", function () {
      form.hidden = !form.hidden;
      open.setAttribute("aria-expanded", String(!form.hidden));
      if (!form.hidden) select.focus();
    });
    cancel.addEventListener("click", function () {
      form.hidden = true;
      open.setAttribute("aria-expanded", "false");
      open.focus();
    });
    form.addEventListener("submit", async function (event) {
      event.preventDefault();
      if (!session) return;
      showError("");
      send.disabled = true;
      const body = { message_seq: seq, category: select.value };
      if (comment.value.trim()) body.comment = comment.value;
      try {
        await call("POST", "/api/v1/conversations/" + session.id + "/concerns", body);
        form.hidden = true;
        open.hidden = true;
        done.textContent = T.concern_thanks;
        done.tabIndex = -1;
        done.focus();
      } catch (err) {
        send.disabled = false;
        showError(err.message);
        select.focus();
      }
    });
    return box;
  }

  // -- feedback: a rating, "did this solve your problem?" and a comment ---------------------

  function resetFeedback() {
    feedbackForm.reset();
    feedbackForm.hidden = true;
    feedbackDone.hidden = true;
    feedbackDone.textContent = "";
  }

  function openFeedback(given) {
    feedbackForm.reset();
    if (given) {
      const rating = feedbackForm.querySelector('input[name="rating"][value="' + given.rating + '"]');
      if (rating) rating.checked = true;
      if (given.solved !== null && given.solved !== undefined) {
        const solved = feedbackForm.querySelector('input[name="solved"][value="' + (given.solved ? "yes" : "no") + '"]');
        if (solved) solved.checked = true;
      }
      feedbackComment.value = given.comment || "";
    }
    feedbackDone.hidden = true;
    feedbackForm.hidden = false;
    document.getElementById("feedback-heading").focus();
  }

  // Asked once a conversation is resolved, unless the customer already gave feedback.
  async function promptFeedback() {
    if (!session) return;
    const data = await call("GET", "/api/v1/conversations/" + session.id + "/feedback");
    if (!data.feedback && session) openFeedback(null);
  }

  async function call(method, path, body) {
    // The page's language: the greeting of a new conversation is written in it.
    const headers = { "Content-Type": "application/json", "Accept-Language": LANG };
    if (session) headers.Authorization = "Bearer " + session.token;
    const response = await fetch(path, {
      method: method,
      headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = await response.json().catch(function () { return {}; });
    if (!response.ok) {
      const message = (data.error && data.error.message) || fill(T.request_failed, { status: response.status });
      const error = new Error(message);
      error.status = response.status;
      throw error;
    }
    return data;
  }

  function showChat(live) {
    consentForm.hidden = live;
    form.hidden = !live;
    choices.hidden = !live;
    handoffButton.hidden = !live;
    restartButton.hidden = !live;
    rateButton.hidden = !live;
    resumeButton.hidden = !live;
    if (!live) resumeBox.hidden = true;
    if (!live) resetFeedback();
  }

  async function loadConsents() {
    const data = await call("GET", "/api/v1/conversations/" + session.id + "/consents");
    choices.querySelectorAll("input[data-purpose]").forEach(function (box) {
      const current = data.consents[box.dataset.purpose];
      // No record for AI assistance means the customer chose the AI by starting the chat.
      box.checked = current ? current.granted : box.dataset.purpose === "ai_assistance";
    });
  }

  // The whole transcript, a page at a time (the API answers at most 100 messages per call).
  async function reloadTranscript() {
    const messages = [];
    let after = 0;
    let data;
    do {
      data = await call("GET", "/api/v1/conversations/" + session.id + "?after=" + after);
      data.messages.forEach(function (message) { messages.push(message); });
      after = data.next_after;
    } while (after !== null && after !== undefined);
    list.textContent = "";
    messages.forEach(function (message) { addMessage(message); });
    lastSeq = newest(messages, 0);
    return data;
  }

  function newest(messages, seq) {
    return messages.reduce(function (top, m) { return m.seq > top ? m.seq : top; }, seq);
  }

  // Fetch and show the messages stored after the newest one shown. Runs one at a time, so a
  // live update and the page's own send never show a message twice.
  function sync() {
    syncing = syncing.then(fetchNew, fetchNew);
    return syncing;
  }

  async function fetchNew() {
    if (!session) return null;
    const id = session.id;
    let after = lastSeq;
    let data;
    do {
      data = await call("GET", "/api/v1/conversations/" + id + "?after=" + after);
      if (!session || session.id !== id) return null;
      data.messages.forEach(function (message) {
        if (message.seq > lastSeq) {
          addMessage(message);
          lastSeq = message.seq;
        }
      });
      after = data.next_after;
    } while (after !== null && after !== undefined);
    setStatus(data.status);
    return data;
  }

  // -- the live stream: `state` events say when to fetch; they carry no text ----------------

  function openStream() {
    closeStream();
    if (!session || chat.dataset.status === "resolved") return;
    const mine = { controller: new AbortController(), timer: null };
    stream = mine;
    readStream(mine, session).catch(function () { retryStream(mine); });
  }

  function closeStream() {
    if (!stream) return;
    stream.controller.abort();
    if (stream.timer !== null) clearTimeout(stream.timer);
    stream = null;
  }

  function retryStream(mine) {
    if (stream !== mine) return; // closed or replaced meanwhile
    const wait = retryMs / 2 + Math.random() * retryMs / 2;
    retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
    mine.timer = setTimeout(function () {
      if (stream === mine) openStream();
    }, wait);
  }

  async function readStream(mine, current) {
    const response = await fetch("/api/v1/conversations/" + current.id + "/events", {
      headers: { Authorization: "Bearer " + current.token, Accept: "text/event-stream" },
      cache: "no-store",
      signal: mine.controller.signal,
    });
    if (response.status === 401 || response.status === 404) {
      if (stream === mine) stream = null; // the token opens nothing any more: stop
      return;
    }
    if (!response.ok || !response.body) {
      retryStream(mine);
      return;
    }
    await readEvents(response.body, function (type, data) { onStreamEvent(mine, type, data); },
      function () { return stream === mine; });
    // The server ends every stream after a few minutes: connect again.
    retryStream(mine);
  }

  // "Léa is typing…" while the person who holds the conversation writes a reply. Shown, not
  // announced (aria-hidden): the log announces the reply itself.
  function showTyping(name) {
    if (typeof name === "string" && name) {
      typingLine.textContent = fill(T.person_typing, { name: name });
      typingLine.hidden = false;
    } else {
      typingLine.hidden = true;
      typingLine.textContent = "";
    }
  }

  // A text/event-stream body, event by event, while keepGoing() says so.
  async function readEvents(body, onEvent, keepGoing) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    let event = { type: "message", data: [] };
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done || !keepGoing()) break;
      buffer += chunk.value;
      const lines = buffer.split(/\r\n|\r|\n/);
      buffer = lines.pop();
      for (const line of lines) {
        if (line === "") {
          if (event.data.length) onEvent(event.type, event.data.join("\n"));
          event = { type: "message", data: [] };
        } else if (line.charAt(0) !== ":") {
          const colon = line.indexOf(":");
          const field = colon === -1 ? line : line.slice(0, colon);
          const value = colon === -1 ? "" : line.slice(colon + 1).replace(/^ /, "");
          if (field === "event") event.type = value;
          else if (field === "data") event.data.push(value);
        }
      }
    }
  }

  function onStreamEvent(mine, type, data) {
    if (stream !== mine) return;
    if (type === "closed") { // erased or expired
      closeStream();
      return;
    }
    if (type !== "state") return;
    retryMs = RETRY_MIN_MS;
    let state;
    try { state = JSON.parse(data); } catch (err) { return; }
    showTyping(state.status === "human_active" ? state.typing : null);
    if (state.last_seq > lastSeq) {
      sync().catch(function (err) { showError(fill(T.error_sync, { error: err.message })); });
    } else if (state.status !== chat.dataset.status) {
      setStatus(state.status);
    }
  }

  async function begin(useAi) {
    showError("");
    const data = await call("POST", "/api/v1/conversations", {
      channel: "web_chat",
      consents: {
        ai_assistance: useAi,
        transcript_storage: document.getElementById("consent-transcript").checked,
        service_improvement: document.getElementById("consent-improvement").checked,
      },
    });
    session = { id: data.id, token: data.token };
    feedbackAsked = false;
    resetFeedback();
    saved.set(JSON.stringify(session));
    remember();
    list.textContent = "";
    data.messages.forEach(function (message) { addMessage(message); });
    lastSeq = newest(data.messages, 0);
    setStatus(data.status);
    showChat(true);
    openStream();
    await loadConsents();
  }

  // This browser remembers the conversation (an HttpOnly cookie the page cannot read), so
  // that closing the tab does not lose it. Best effort: the chat works without it.
  function remember() {
    if (!session) return;
    call("POST", "/api/v1/chat/remember", { conversation_id: session.id }).catch(function () {});
  }

  // Resolves once the cookie is gone (or the request failed), so that a new start cannot
  // resume what was just forgotten.
  function forget() {
    return fetch("/api/v1/chat/forget", { method: "POST", headers: { "Content-Type": "application/json" } })
      .catch(function () {});
  }

  // A resume link carries the conversation in its #fragment (never sent to a server); the
  // fragment is removed from the address bar at once. Otherwise the browser's cookie, if any.
  async function resumed() {
    const found = /^#resume=([A-Za-z0-9-]{1,64})\.([A-Za-z0-9_-]{16,128})$/.exec(window.location.hash);
    let body;
    if (found) {
      history.replaceState(null, "", window.location.pathname + window.location.search);
      body = { conversation_id: found[1], token: found[2] };
    }
    try {
      const data = await call("POST", "/api/v1/chat/resume", body);
      return { id: data.id, token: data.token };
    } catch (err) {
      if (found) showError(T.link_gone);
      return null;
    }
  }

  async function start() {
    list.textContent = "";
    const kept = window.location.hash.indexOf("#resume=") === 0 ? null : saved.get();
    let candidate = null;
    try { candidate = kept ? JSON.parse(kept) : null; } catch (err) { candidate = null; }
    if (!candidate) candidate = await resumed();
    if (candidate) {
      try {
        session = candidate;
        const data = await reloadTranscript();
        saved.set(JSON.stringify(session));
        remember();
        setStatus(data.status);
        showChat(true);
        openStream();
        await loadConsents();
        return;
      } catch (err) {
        saved.remove();
        session = null;
      }
    }
    showChat(false);
  }

  resumeButton.addEventListener("click", function () {
    if (!session) return;
    resumeUrl.value = window.location.origin + "/#resume=" +
      session.id + "." + session.token;
    resumeBox.hidden = false;
    resumeUrl.focus();
    resumeUrl.select();
  });

  document.getElementById("resume-copy").addEventListener("click", async function () {
    try {
      await navigator.clipboard.writeText(resumeUrl.value);
      document.getElementById("resume-copied").hidden = false;
    } catch (err) {
      resumeUrl.select(); // no clipboard access: the link is selected for the customer to copy
    }
  });

  consentForm.addEventListener("submit", function (event) {
    event.preventDefault();
    begin(true).catch(function (err) { showError(fill(T.error_start, { error: err.message })); });
  });
  document.getElementById("start-person").addEventListener("click", function () {
    begin(false).catch(function (err) { showError(fill(T.error_start, { error: err.message })); });
  });

  choices.querySelectorAll("input[data-purpose]").forEach(function (box) {
    box.addEventListener("change", async function () {
      showError("");
      try {
        const data = await call("POST", "/api/v1/conversations/" + session.id + "/consents", {
          purpose: box.dataset.purpose, granted: box.checked, channel: "web_chat",
        });
        // The reply, if any, is stored: fetching it keeps the transcript in order.
        if (data.reply) await sync();
        setStatus(data.status);
      } catch (err) {
        box.checked = !box.checked;
        showError(err.message);
      }
    });
  });

  // The export: a page a person can read, or JSON another service can (GDPR Art. 15, 20).
  async function download(format, filename) {
    showError("");
    try {
      const response = await fetch("/api/v1/conversations/" + session.id + "/export?format=" + format, {
        headers: { Authorization: "Bearer " + session.token },
      });
      if (!response.ok) throw new Error(fill(T.request_failed, { status: response.status }));
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = filename;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    } catch (err) {
      showError(err.message);
    }
  }
  document.getElementById("download").addEventListener("click", function () {
    download("html", "my-support-data.html");
  });
  document.getElementById("download-json").addEventListener("click", function () {
    download("json", "my-support-data.json");
  });

  document.getElementById("erase").addEventListener("click", async function () {
    if (!window.confirm(T.confirm_erase)) return;
    showError("");
    try {
      await call("POST", "/api/v1/conversations/" + session.id + "/erase");
      closeStream();
      await forget();
      saved.remove();
      session = null;
      lastSeq = 0;
      list.textContent = "";
      // Said by the system, not by a person of the support team.
      addMessage({ role: "system", ai: false, text: T.erased, citations: [] });
      showChat(false);
    } catch (err) {
      showError(err.message);
    }
  });

  form.addEventListener("submit", async function (event) {
    event.preventDefault();
    const text = input.value;
    if (!text.trim()) return;
    showError("");
    sendButton.disabled = true;
    // Shown at once; the stored copy (the customer's own details filled back in) replaces it.
    const pending = addMessage({ role: "customer", ai: false, text: text, citations: [] }, true);
    input.value = "";
    let sent = false;
    const writing = addWriting();
    try {
      const data = await postMessage(text, writing);
      sent = true;
      await sync();
      setStatus(data.status);
    } catch (err) {
      if (!sent && !input.value) input.value = text; // not stored: let them try again
      showError(err.message);
    } finally {
      pending.remove();
      writing.remove(); // the stored reply (fetched by sync) stands in its place
      sendButton.disabled = chat.dataset.status === "resolved";
    }
  });

  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  handoffButton.addEventListener("click", async function () {
    showError("");
    try {
      const data = await call("POST", "/api/v1/conversations/" + session.id + "/handoff");
      if (data.reply) await sync();
      setStatus(data.status);
    } catch (err) {
      showError(err.message);
    }
  });

  // "I disagree — ask a person" under an AI answer: a person reviews it.
  list.addEventListener("click", async function (event) {
    const button = event.target.closest("button.contest");
    if (!button || !session) return;
    showError("");
    button.disabled = true;
    try {
      const data = await call("POST", "/api/v1/conversations/" + session.id + "/contest");
      if (data.reply) await sync();
      setStatus(data.status);
    } catch (err) {
      button.disabled = chat.dataset.status !== "ai_active";
      showError(err.message);
    }
  });

  rateButton.addEventListener("click", async function () {
    if (!session) return;
    showError("");
    try {
      const data = await call("GET", "/api/v1/conversations/" + session.id + "/feedback");
      openFeedback(data.feedback);
    } catch (err) {
      showError(err.message);
    }
  });

  feedbackForm.addEventListener("submit", async function (event) {
    event.preventDefault();
    if (!session) return;
    const rating = feedbackForm.querySelector('input[name="rating"]:checked');
    if (!rating) {
      showError(T.choose_rating);
      feedbackForm.querySelector('input[name="rating"]').focus();
      return;
    }
    const solved = feedbackForm.querySelector('input[name="solved"]:checked');
    const body = { rating: parseInt(rating.value, 10) };
    if (solved) body.solved = solved.value === "yes";
    if (feedbackComment.value.trim()) body.comment = feedbackComment.value;
    showError("");
    feedbackSend.disabled = true;
    try {
      await call("POST", "/api/v1/conversations/" + session.id + "/feedback", body);
      feedbackForm.hidden = true;
      feedbackDone.textContent = T.feedback_thanks;
      feedbackDone.hidden = false;
      rateButton.focus();
    } catch (err) {
      showError(err.message);
    } finally {
      feedbackSend.disabled = false;
    }
  });

  document.getElementById("feedback-cancel").addEventListener("click", function () {
    feedbackForm.hidden = true;
    rateButton.focus();
  });

  restartButton.addEventListener("click", async function () {
    closeStream();
    await forget();
    saved.remove();
    session = null;
    lastSeq = 0;
    feedbackAsked = false;
    resetFeedback();
    showError("");
    const aiBox = choices.querySelector('input[data-purpose="ai_assistance"]');
    if (aiBox) aiBox.disabled = false;
    start().catch(function (err) { showError(err.message); });
  });

  // In the widget's frame, Escape closes the panel: the frame tells the page that holds it
  // (the message says nothing else, so any page may hear it).
  if (document.body.classList.contains("embedded") && window.parent !== window) {
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") window.parent.postMessage("trustdesk:close", "*");
    });
  }

  start().catch(function (err) { showError(fill(T.error_start, { error: err.message })); });
})();
