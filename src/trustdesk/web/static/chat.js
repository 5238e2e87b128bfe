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
  const errorBox = document.getElementById("error");
  const consentForm = document.getElementById("consent");
  const choices = document.getElementById("privacy-choices");
  const aiLabel = chat.dataset.aiLabel || "AI";
  const STORE_KEY = "trustdesk.conversation";
  const STATUS_TEXT = {
    handoff_requested: "A person from our team has been asked to take over. The AI assistant will not reply any more.",
    human_active: "A person from our team has joined and is handling this conversation.",
    resolved: "This conversation is resolved.",
  };
  const CONTEST_TEXT = "I disagree — ask a person";
  const RETRY_MIN_MS = 1000;
  const RETRY_MAX_MS = 30000;
  let session = null;
  let lastSeq = 0; // the newest stored message shown
  let syncing = Promise.resolve();
  let stream = null; // {controller, timer} of the open live stream
  let retryMs = RETRY_MIN_MS;

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
    if (closed) closeStream(); // a resolved conversation changes no more
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
      badge.title = "Written by an AI assistant";
      meta.appendChild(badge);
    } else if (person) {
      const badge = document.createElement("span");
      badge.className = "badge person-label";
      badge.textContent = "Person";
      badge.title = "Written by a person from our team, not by the AI";
      meta.appendChild(badge);
    }
    const who = document.createElement("span");
    who.className = "who";
    if (message.ai) who.textContent = "Assistant";
    else if (message.role === "customer") who.textContent = "You";
    else if (person && message.author) who.textContent = message.author + " (support team)";
    else who.textContent = "Support team";
    meta.appendChild(who);
    if (pending) {
      const sending = document.createElement("span");
      sending.className = "sending";
      sending.textContent = "Sending…";
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
      sources.appendChild(document.createTextNode("Sources: "));
      message.citations.forEach(function (c, i) {
        if (i) sources.appendChild(document.createTextNode(" · "));
        const link = document.createElement("a");
        link.href = "/help/" + encodeURIComponent(c.source.split("#")[0]) + "#" + encodeURIComponent(c.source.split("#")[1] || "");
        link.textContent = c.title;
        link.className = "citation";
        sources.appendChild(link);
      });
      item.appendChild(sources);
    }
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

  async function call(method, path, body) {
    const headers = { "Content-Type": "application/json" };
    if (session) headers.Authorization = "Bearer " + session.token;
    const response = await fetch(path, {
      method: method,
      headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = await response.json().catch(function () { return {}; });
    if (!response.ok) {
      const message = (data.error && data.error.message) || "Request failed (" + response.status + ")";
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
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    let event = { type: "message", data: [] };
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done || stream !== mine) break;
      buffer += chunk.value;
      const lines = buffer.split(/\r\n|\r|\n/);
      buffer = lines.pop();
      for (const line of lines) {
        if (line === "") {
          if (event.data.length) onStreamEvent(mine, event.type, event.data.join("\n"));
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
    // The server ends every stream after a few minutes: connect again.
    retryStream(mine);
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
    if (state.last_seq > lastSeq) {
      sync().catch(function (err) { showError("Could not load new messages: " + err.message); });
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
    sessionStorage.setItem(STORE_KEY, JSON.stringify(session));
    list.textContent = "";
    data.messages.forEach(function (message) { addMessage(message); });
    lastSeq = newest(data.messages, 0);
    setStatus(data.status);
    showChat(true);
    openStream();
    await loadConsents();
  }

  async function start() {
    list.textContent = "";
    const saved = sessionStorage.getItem(STORE_KEY);
    if (saved) {
      try {
        session = JSON.parse(saved);
        const data = await reloadTranscript();
        setStatus(data.status);
        showChat(true);
        openStream();
        await loadConsents();
        return;
      } catch (err) {
        sessionStorage.removeItem(STORE_KEY);
        session = null;
      }
    }
    showChat(false);
  }

  consentForm.addEventListener("submit", function (event) {
    event.preventDefault();
    begin(true).catch(function (err) { showError("Could not start the chat: " + err.message); });
  });
  document.getElementById("start-person").addEventListener("click", function () {
    begin(false).catch(function (err) { showError("Could not start the chat: " + err.message); });
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

  document.getElementById("download").addEventListener("click", async function () {
    showError("");
    try {
      const response = await fetch("/api/v1/conversations/" + session.id + "/export?format=html", {
        headers: { Authorization: "Bearer " + session.token },
      });
      if (!response.ok) throw new Error("Download failed (" + response.status + ")");
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = "my-support-data.html";
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    } catch (err) {
      showError(err.message);
    }
  });

  document.getElementById("erase").addEventListener("click", async function () {
    if (!window.confirm("Delete everything we hold about you from this chat? This cannot be undone.")) return;
    showError("");
    try {
      await call("POST", "/api/v1/conversations/" + session.id + "/erase");
      closeStream();
      sessionStorage.removeItem(STORE_KEY);
      session = null;
      lastSeq = 0;
      list.textContent = "";
      addMessage({ role: "assistant", ai: false, text: "Your data has been deleted.", citations: [] });
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
    try {
      const data = await call("POST", "/api/v1/conversations/" + session.id + "/messages", { text: text });
      sent = true;
      await sync();
      setStatus(data.status);
    } catch (err) {
      if (!sent && !input.value) input.value = text; // not stored: let them try again
      showError(err.message);
    } finally {
      pending.remove();
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

  restartButton.addEventListener("click", function () {
    closeStream();
    sessionStorage.removeItem(STORE_KEY);
    session = null;
    lastSeq = 0;
    showError("");
    const aiBox = choices.querySelector('input[data-purpose="ai_assistance"]');
    if (aiBox) aiBox.disabled = false;
    start().catch(function (err) { showError(err.message); });
  });

  start().catch(function (err) { showError("Could not start the chat: " + err.message); });
})();
