/*
 * The executor's app: one step per screen, answers kept on the device and sent in order, so a run
 * can be done with no network once it is open. Plain JavaScript: nothing to build.
 */
"use strict";

const runId = location.pathname.split("/")[2];
const api = "/v1/executor/runs/" + runId;
const preview = JSON.parse(document.getElementById("preview").textContent);
const main = document.getElementById("main");
const syncBar = document.getElementById("sync");
const exitButton = document.getElementById("exit");

const state = { view: null, index: 0, draft: null, screen: null, error: null };

/* ---------- Storage: IndexedDB survives a closed tab or a reboot ---------- */

const dbReady = new Promise((resolve, reject) => {
  const request = indexedDB.open("rundun", 1);
  request.onupgradeneeded = () => {
    const db = request.result;
    db.createObjectStore("runs");
    db.createObjectStore("queue", { keyPath: "seq", autoIncrement: true });
    db.createObjectStore("photos");
  };
  request.onsuccess = () => resolve(request.result);
  request.onerror = () => reject(request.error);
});

async function store(name, mode, work) {
  const db = await dbReady;
  return new Promise((resolve, reject) => {
    const tx = db.transaction(name, mode);
    const result = work(tx.objectStore(name));
    tx.oncomplete = () => resolve(result && "result" in result ? result.result : result);
    tx.onerror = () => reject(tx.error);
  });
}

const saveRun = (run) => store("runs", "readwrite", (s) => s.put(run, runId));
const loadRun = () => store("runs", "readonly", (s) => s.get(runId));
const savePhoto = (id, photo) => store("photos", "readwrite", (s) => s.put(photo, id));
const loadPhoto = (id) => store("photos", "readonly", (s) => s.get(id));
const enqueue = (op) => store("queue", "readwrite", (s) => s.add({ ...op, runId }));

async function pendingOps() {
  const all = await store("queue", "readonly", (s) => s.getAll());
  return all.filter((op) => op.runId === runId).sort((a, b) => a.seq - b.seq);
}

/** The headers that say who acts: this device, and the signed-in member of a member run. */
function who() {
  const headers = { "Rundun-Device": deviceId() };
  const member = localStorage.getItem("rundun-member:" + runId);
  if (member) headers["Rundun-Member"] = member;
  return headers;
}

function deviceId() {
  let id = localStorage.getItem("rundun-device");
  if (!id) {
    const bytes = crypto.getRandomValues(new Uint8Array(18));
    id = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    localStorage.setItem("rundun-device", id);
  }
  return id;
}

/* ---------- Rendering helpers: DOM nodes, never HTML strings ---------- */

/** Appends children, leaving out the ones a screen does not have (null, undefined, false). */
function append(node, ...children) {
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return node;
}

function h(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === false || value === null || value === undefined) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  return append(node, ...children);
}

/** Shows a screen and moves focus to its heading, so a screen reader starts there. */
function show(screen, ...content) {
  state.screen = screen;
  main.replaceChildren();
  append(main, ...content);
  const heading = main.querySelector("h1");
  if (heading) {
    heading.setAttribute("tabindex", "-1");
    heading.focus();
  } else {
    main.focus();
  }
  window.scrollTo(0, 0);
}

function when(iso) {
  return iso ? new Date(iso).toLocaleString([], { dateStyle: "medium", timeStyle: "short" }) : null;
}

/** The answer values by step id: what conditions test. */
function values(view) {
  const out = {};
  for (const [id, answer] of Object.entries(view.answers)) out[id] = answer.value;
  return out;
}

/** The steps the answers so far hide, decided as the server decides. */
function hiddenSteps(view) {
  return new Set(window.RundunConditions.hidden(view.steps, values(view)));
}

/** The indexes of the steps shown, in order. */
function shownIndexes(view) {
  const hidden = hiddenSteps(view);
  return view.steps.map((step, i) => i).filter((i) => !hidden.has(view.steps[i].id));
}

function answerable(view) {
  const hidden = hiddenSteps(view);
  return view.steps.filter((step) => step.type !== "instruction" && !hidden.has(step.id));
}

/** Drops what the executor did on steps the answers now hide; the server drops the same. */
function dropHidden(view) {
  for (const id of hiddenSteps(view)) {
    delete view.answers[id];
    view.skipped = view.skipped.filter((skipped) => skipped !== id);
  }
}

/** Asks the phone to keep offline answers; says so when it may not. */
async function keepStorage() {
  const note = document.getElementById("storage-note");
  if (!note || !navigator.storage || !navigator.storage.persist) return;
  const kept = (await navigator.storage.persisted()) || (await navigator.storage.persist());
  note.textContent = kept ? "" : "This phone may clear answers saved offline if it runs short of space. " +
    "Stay online until they are sent, or install the app.";
  note.hidden = kept;
}

/* ---------- Screens ---------- */

function startScreen() {
  exitButton.hidden = true;
  const external = state.identity === "external";
  const member = state.identity === "member";
  const form = h("form", { novalidate: true, onsubmit: (e) => { e.preventDefault(); start(form); } });
  if (member) {
    form.append(
      h("p", {}, "This checklist is for members of the team. Sign in to start or to continue."),
      h("label", { for: "email" }, "Your email"),
      h("input", { id: "email", name: "email", type: "email", autocomplete: "username", required: true }),
      h("label", { for: "password" }, "Your password"),
      h("input", { id: "password", name: "password", type: "password", autocomplete: "current-password", required: true }),
    );
  }
  if (external) {
    form.append(
      h("p", {}, "Please give your name and email before you start."),
      h("label", { for: "name" }, "Your name"),
      h("input", { id: "name", name: "name", type: "text", autocomplete: "name", required: true }),
      h("label", { for: "email" }, "Your email"),
      h("input", { id: "email", name: "email", type: "email", autocomplete: "email", required: true }),
    );
  }
  form.append(
    h("p", { class: "error", role: "alert", id: "start-error" }),
    h("div", { class: "actions" }, h("button", { type: "submit", class: "grow" }, member ? "Sign in and start" : "Start")));
  show("start",
    h("h1", { text: preview.template_name }),
    h("p", { class: "lead" }, preview.step_count + " steps · sent by " + preview.created_by_name),
    preview.expires_at ? h("p", {}, "Do it before " + when(preview.expires_at) + ".") : null,
    form,
    installPrompt());
}

/** Says what is wrong on the start screen, keeping what was typed. */
function startError(message, field) {
  const box = document.getElementById("start-error");
  box.textContent = message;
  for (const input of main.querySelectorAll("input")) input.removeAttribute("aria-invalid");
  if (field) {
    const input = document.getElementById(field);
    input.setAttribute("aria-invalid", "true");
    input.focus();
  }
}

function installPrompt() {
  const box = h("aside", { class: "install", "aria-label": "Install the app" },
    h("h2", { text: "Get the Rundun app" }),
    h("p", {}, "Install Rundun to open links like this one straight away. You can also do this checklist right here."));
  if (window.deferredInstall) {
    box.append(h("button", { type: "button", class: "secondary", onclick: () => window.deferredInstall.prompt() }, "Install"));
  }
  return box;
}

async function start(form) {
  const body = {};
  if (state.identity === "external") {
    body.name = form.name.value.trim();
    body.email = form.email.value.trim();
    if (!body.name) return startError("Please enter your name.", "name");
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]{2,}$/.test(body.email)) return startError("Please enter a valid email address.", "email");
  }
  if (!navigator.onLine) return startError("You are offline. Connect to start; after that you can work offline.");
  try {
    if (state.identity === "member") {
      const signIn = await fetch(api + "/sign_in", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ email: form.email.value.trim(), password: form.password.value }),
      });
      const signedIn = await signIn.json();
      if (!signIn.ok) return startError(signedIn.message, "password");
      localStorage.setItem("rundun-member:" + runId, signedIn.member_token);
    }
    const response = await fetch(api + "/open", {
      method: "POST",
      headers: { "Content-Type": "application/json", ...who() },
      body: JSON.stringify(body),
    });
    const payload = await response.json();
    if (!response.ok) return startError(payload.message);
    state.view = payload;
    state.index = firstOpenStep(payload);
    await saveRun({ view: state.view, index: state.index });
    stepScreen();
    keepStorage();
  } catch (e) {
    startError("The connection failed. Try again.");
  }
}

/** Where to pick up a run: the start of a fresh one, else the first shown step not yet done. */
function firstOpenStep(view) {
  const started = Object.values(view.answers).some((answer) => !answer.prefilled) || view.skipped.length > 0;
  const shown = shownIndexes(view);
  if (!started) return shown.length ? shown[0] : view.steps.length;
  const open = shown.find((i) => {
    const s = view.steps[i];
    return s.type !== "instruction" && !(s.id in view.answers) && !view.skipped.includes(s.id);
  });
  return open === undefined ? view.steps.length : open;
}

function stepScreen() {
  exitButton.hidden = false;
  const steps = state.view.steps;
  const shown = shownIndexes(state.view);
  if (!shown.includes(state.index)) state.index = shown.find((i) => i > state.index) ?? steps.length;
  if (state.index >= steps.length) return reviewScreen();
  const step = steps[state.index];
  const saved = state.view.answers[step.id];
  const locked = Boolean(saved && saved.locked);
  const countable = answerable(state.view);
  const done = countable.filter((s) => s.id in state.view.answers || state.view.skipped.includes(s.id)).length;
  const draft = (state.draft = draftFor(step));
  const errorBox = h("p", { class: "error", role: "alert", id: "step-error" }, state.error || "");
  state.error = null;
  const form = h("form", { novalidate: true, onsubmit: (e) => { e.preventDefault(); locked ? move(1) : next(step, draft); } });
  append(form,
    h("p", { class: "muted", id: "progress-label" }, "Step " + (shown.indexOf(state.index) + 1) + " of " + shown.length),
    h("div", { class: "progress", role: "progressbar", "aria-labelledby": "progress-label",
      "aria-valuemin": 0, "aria-valuemax": countable.length, "aria-valuenow": done },
      h("div", { style: "width:" + Math.round((100 * done) / Math.max(1, countable.length)) + "%" })),
    h("h1", { id: "step-title", text: step.title }),
    step.description ? h("p", { id: "step-description" }, step.description) : null,
    step.type !== "instruction" && step.required === false && !locked ? h("p", { class: "muted" }, "Optional") : null,
    locked ? lockedAnswer(step, saved) : null,
    !locked && saved && saved.prefilled ? h("p", { class: "muted", id: "prefilled-note" }, "Filled in for you. Change it if it is wrong.") : null,
    locked ? null : control(step, draft),
    locked ? null : photosControl(step, draft),
    locked ? null : geoControl(step, draft),
    errorBox,
    h("div", { class: "actions" },
      shown.indexOf(state.index) > 0 ? h("button", { type: "button", class: "secondary", onclick: () => move(-1) }, "Back") : null,
      step.type !== "instruction" && step.required === false && !locked
        ? h("button", { type: "button", class: "secondary", "aria-label": "Skip " + step.title, onclick: () => skip(step) }, "Skip") : null,
      h("button", { type: "submit", class: "grow" }, "Next")));
  show("step", form);
}

/** A locked prefilled answer: shown, not a control. */
function lockedAnswer(step, answer) {
  return h("div", { class: "locked", id: "locked-answer", role: "group", "aria-labelledby": "step-title locked-label" },
    h("p", { class: "muted", id: "locked-label" }, "Filled in for you; it cannot be changed here."),
    h("p", { class: "lead", id: "locked-value" }, summary(step, answer, false)));
}

function draftFor(step) {
  const saved = state.view.answers[step.id];
  return {
    value: saved ? saved.value : step.type === "multi_choice" ? [] : null,
    photos: saved && saved.localPhotos ? [...saved.localPhotos] : [],
    geo: saved ? saved.geo : null,
  };
}

function described(step) {
  return step.description ? "step-description" : null;
}

/** A control's accessible name: the step's title, then what the control itself says. */
function named(labelId) {
  return "step-title " + labelId;
}

function control(step, draft) {
  const set = (value) => { draft.value = value; };
  switch (step.type) {
    case "number": {
      const input = h("input", { id: "answer", type: "number", inputmode: step.integer ? "numeric" : "decimal",
        step: step.integer ? "1" : "any", min: step.min, max: step.max, value: draft.value ?? "",
        "aria-labelledby": named("answer-label"), "aria-describedby": described(step),
        oninput: (e) => set(e.target.value === "" ? null : Number(e.target.value)) });
      return h("div", {}, h("label", { for: "answer", id: "answer-label" }, "Answer" + (step.unit ? " (" + step.unit + ")" : "")),
        h("div", { class: "row" }, input, step.unit ? h("span", { class: "unit", "aria-hidden": "true" }, step.unit) : null));
    }
    case "text": {
      const attrs = { id: "answer", maxlength: step.max_length, "aria-labelledby": named("answer-label"),
        "aria-describedby": described(step), oninput: (e) => set(e.target.value) };
      const input = step.multiline ? h("textarea", { ...attrs, rows: 5 }, draft.value ?? "")
        : h("input", { ...attrs, type: "text", value: draft.value ?? "" });
      return h("div", {}, h("label", { for: "answer", id: "answer-label" }, "Answer"), input);
    }
    case "boolean":
      return choices(step, [{ id: true, label: "Yes" }, { id: false, label: "No" }], draft, false);
    case "single_choice":
      return choices(step, step.options, draft, false);
    case "multi_choice":
      return choices(step, step.options, draft, true);
    case "date":
      return h("div", {}, h("label", { for: "answer", id: "answer-label" }, "Date"),
        h("input", { id: "answer", type: "date", min: step.min, max: step.max, value: draft.value ?? "",
          "aria-labelledby": named("answer-label"), "aria-describedby": described(step),
          oninput: (e) => set(e.target.value || null) }));
    case "time":
      return h("div", {}, h("label", { for: "answer", id: "answer-label" }, "Time"),
        h("input", { id: "answer", type: "time", value: draft.value ?? "", "aria-labelledby": named("answer-label"),
          "aria-describedby": described(step), oninput: (e) => set(e.target.value || null) }));
    case "rating": {
      const scale = [];
      for (let i = 1; i <= (step.scale || 5); i++) scale.push({ id: i, label: String(i) });
      const group = choices(step, scale, draft, false);
      group.classList.add("stars");
      return group;
    }
    case "barcode":
      return barcodeControl(step, draft);
    case "signature":
      return signaturePad(step, draft);
    default:
      return null;
  }
}

function choices(step, options, draft, multiple) {
  const group = h("fieldset", { "aria-labelledby": named("choice-legend"), "aria-describedby": described(step) },
    h("legend", { id: "choice-legend" }, multiple ? "Choose all that apply" : "Choose one"));
  options.forEach((option, i) => {
    const checked = multiple ? draft.value.includes(option.id) : draft.value === option.id;
    const input = h("input", { type: multiple ? "checkbox" : "radio", name: "answer", id: "option-" + i, checked,
      onchange: (e) => {
        if (multiple) {
          draft.value = e.target.checked ? [...draft.value, option.id] : draft.value.filter((v) => v !== option.id);
        } else {
          draft.value = option.id;
        }
      } });
    group.append(h("label", { class: "choice", for: "option-" + i }, input, h("span", {}, option.label)));
  });
  return group;
}

function barcodeControl(step, draft) {
  const input = h("input", { id: "answer", type: "text", autocomplete: "off", value: draft.value ?? "",
    "aria-labelledby": named("answer-label"), "aria-describedby": described(step),
    oninput: (e) => { draft.value = e.target.value; } });
  const box = h("div", {}, h("label", { for: "answer", id: "answer-label" }, "Code"), input);
  if ("BarcodeDetector" in window) {
    const file = h("input", { type: "file", accept: "image/*", capture: "environment", id: "scan", class: "visually-hidden",
      onchange: async (e) => {
        try {
          const bitmap = await createImageBitmap(e.target.files[0]);
          const codes = await new window.BarcodeDetector().detect(bitmap);
          if (codes.length) { input.value = codes[0].rawValue; draft.value = codes[0].rawValue; }
          else alert("No code found in the picture; type it instead.");
        } catch (err) { alert("The code could not be read; type it instead."); }
      } });
    file.setAttribute("aria-label", "Scan with the camera: " + step.title);
    box.append(h("label", { for: "scan", class: "button secondary" }, "Scan with the camera"), file);
  }
  return box;
}

function signaturePad(step, draft) {
  const canvas = h("canvas", { class: "pad", width: 600, height: 240, role: "img",
    "aria-label": "Signature area for " + step.title + ": draw with your finger" });
  const ctx = canvas.getContext("2d");
  ctx.lineWidth = 3;
  ctx.lineCap = "round";
  let drawing = false;
  const point = (e) => {
    const rect = canvas.getBoundingClientRect();
    return [((e.clientX - rect.left) * canvas.width) / rect.width, ((e.clientY - rect.top) * canvas.height) / rect.height];
  };
  canvas.addEventListener("pointerdown", (e) => { drawing = true; ctx.beginPath(); ctx.moveTo(...point(e)); canvas.setPointerCapture(e.pointerId); });
  canvas.addEventListener("pointermove", (e) => { if (drawing) { ctx.lineTo(...point(e)); ctx.stroke(); draft.signed = true; } });
  canvas.addEventListener("pointerup", () => { drawing = false; });
  draft.canvas = canvas;
  return h("div", {}, h("p", { class: "muted" }, "Sign in the box."), canvas,
    h("div", { class: "actions" }, h("button", { type: "button", class: "secondary", "aria-label": "Clear " + step.title,
      onclick: () => { ctx.clearRect(0, 0, canvas.width, canvas.height); draft.signed = false; } }, "Clear")));
}

function photosControl(step, draft) {
  const rule = step.photos || { min: 0, max: 0 };
  if (step.type === "signature" || rule.max === 0) return null;
  const thumbs = h("div", { class: "thumbs", "aria-live": "polite" });
  const render = async () => {
    thumbs.replaceChildren();
    for (const id of draft.photos) {
      const photo = await loadPhoto(id);
      if (!photo) continue;
      const url = URL.createObjectURL(photo.blob);
      thumbs.append(h("figure", {}, h("img", { src: url, alt: "Photo " + (draft.photos.indexOf(id) + 1) }),
        h("button", { type: "button", class: "secondary", onclick: () => { draft.photos = draft.photos.filter((p) => p !== id); render(); } },
          "Remove photo " + (draft.photos.indexOf(id) + 1))));
    }
  };
  const input = h("input", { type: "file", accept: "image/*", capture: "environment", id: "photo-input",
    class: "visually-hidden", "aria-labelledby": "photo-add step-title", "aria-describedby": "photo-rule", onchange: async (e) => {
      for (const file of e.target.files) {
        if (draft.photos.length >= rule.max) break;
        const blob = await downscale(file);
        const id = runId + "/" + step.id + "/" + Date.now() + "-" + Math.random().toString(16).slice(2);
        await savePhoto(id, { blob, type: blob.type });
        draft.photos.push(id);
      }
      e.target.value = "";
      render();
    } });
  render();
  const label = rule.min === rule.max ? rule.min + " photo" + (rule.min === 1 ? "" : "s")
    : rule.min > 0 ? rule.min + " to " + rule.max + " photos" : "up to " + rule.max + " photos";
  return h("div", {}, h("h2", { text: "Photos" }), h("p", { id: "photo-rule" }, "Add " + label + "."), input,
    h("label", { for: "photo-input", id: "photo-add", class: "button secondary" }, "Take or add a photo"),
    thumbs);
}

/** Photos are made smaller on the device: quicker to send on a weak connection. */
async function downscale(file) {
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, 1600 / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    return await new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.85));
  } catch (e) {
    return file;
  }
}

function geoControl(step, draft) {
  if (!step.geo || step.geo === "off") return null;
  const status = h("p", { id: "geo-status", "aria-live": "polite" },
    draft.geo ? locationText(draft.geo) : step.geo === "required" ? "Your location is needed for this step." : "You can add your location.");
  const button = h("button", { type: "button", class: "secondary", "aria-label": "Add my location: " + step.title, onclick: () => {
    status.textContent = "Finding your location…";
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        draft.geo = { lat: pos.coords.latitude, lng: pos.coords.longitude, accuracy_m: Math.round(pos.coords.accuracy) };
        status.textContent = locationText(draft.geo);
      },
      () => { status.textContent = "The location could not be found. Check that location is allowed."; },
      { enableHighAccuracy: true, timeout: 20000 });
  } }, "Add my location");
  return h("div", {}, h("h2", { text: "Location" }), status, button);
}

function locationText(geo) {
  return "Location added (" + geo.lat.toFixed(5) + ", " + geo.lng.toFixed(5) + "), accurate to " + geo.accuracy_m + " m.";
}

/** The same rules the server applies, so the executor learns of a mistake at once. */
function problem(step, draft) {
  const v = draft.value;
  const missing = v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0);
  const rule = step.photos || { min: 0, max: 0 };
  switch (step.type) {
    case "number":
      if (missing || Number.isNaN(v)) return "Enter a number.";
      if (step.integer && !Number.isInteger(v)) return "Enter a whole number.";
      if (step.min !== undefined && v < step.min) return "Enter at least " + step.min + ".";
      if (step.max !== undefined && v > step.max) return "Enter at most " + step.max + ".";
      break;
    case "text":
      if (missing || !String(v).trim()) return "Enter an answer, or skip the step if it is optional.";
      if (String(v).length > (step.max_length || 2000)) return "Use at most " + step.max_length + " characters.";
      if (!step.multiline && String(v).includes("\n")) return "Use a single line.";
      break;
    case "boolean":
    case "single_choice":
      if (missing) return "Choose an answer.";
      break;
    case "multi_choice": {
      const min = step.min_selected ?? 1;
      const max = step.max_selected ?? step.options.length;
      if (v.length < min || v.length > max) return "Choose " + (min === max ? min : min + " to " + max) + ".";
      break;
    }
    case "date":
      if (missing || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return "Enter a date.";
      if (step.min && v < step.min) return "Choose a date on or after " + step.min + ".";
      if (step.max && v > step.max) return "Choose a date on or before " + step.max + ".";
      break;
    case "time":
      if (missing || !/^([01]\d|2[0-3]):[0-5]\d$/.test(v)) return "Enter a time.";
      break;
    case "rating":
      if (missing) return "Choose a rating.";
      break;
    case "barcode":
      if (missing || !String(v).trim()) return "Scan or type the code.";
      break;
    case "signature":
      if (!draft.signed && draft.photos.length === 0) return "Sign in the box.";
      return null;
    default:
      break;
  }
  if (draft.photos.length < rule.min) return "Add " + (rule.min === 1 ? "a photo" : "at least " + rule.min + " photos") + ".";
  if (draft.photos.length > rule.max) return "Use at most " + rule.max + " photos.";
  if (step.geo === "required" && !draft.geo) return "Add your location.";
  return null;
}

async function next(step, draft) {
  if (step.type === "instruction") return move(1);
  if (step.type === "signature" && draft.signed) {
    const blob = await new Promise((resolve) => draft.canvas.toBlob(resolve, "image/png"));
    const id = runId + "/" + step.id + "/signature-" + Date.now();
    await savePhoto(id, { blob, type: "image/png" });
    draft.photos = [id];
  }
  const wrong = problem(step, draft);
  if (wrong) {
    const box = document.getElementById("step-error");
    box.textContent = wrong;
    box.setAttribute("tabindex", "-1");
    box.focus();
    return;
  }
  const value = ["photo", "signature"].includes(step.type) ? null : draft.value;
  const saved = state.view.answers[step.id];
  if (saved && saved.prefilled && JSON.stringify(saved.value) === JSON.stringify(value) && !draft.photos.length && !draft.geo) {
    return move(1);
  }
  state.view.answers[step.id] = { value, localPhotos: draft.photos, geo: draft.geo };
  state.view.skipped = state.view.skipped.filter((id) => id !== step.id);
  dropHidden(state.view);
  for (const photo of draft.photos) await enqueue({ kind: "photo", stepId: step.id, photo });
  await enqueue({ kind: "answer", stepId: step.id, value, photos: draft.photos, geo: draft.geo });
  await move(1);
  sync();
}

async function skip(step) {
  delete state.view.answers[step.id];
  if (!state.view.skipped.includes(step.id)) state.view.skipped.push(step.id);
  dropHidden(state.view);
  await enqueue({ kind: "skip", stepId: step.id });
  await move(1);
  sync();
}

/** To the next (or previous) step shown; past the last one is the review. */
async function move(delta) {
  const shown = shownIndexes(state.view);
  const at = shown.indexOf(state.index);
  const to = at >= 0 ? shown[at + delta]
    : delta < 0 ? shown.filter((i) => i < state.index).pop() : shown.find((i) => i > state.index);
  state.index = to === undefined ? (delta < 0 ? (shown[0] ?? 0) : state.view.steps.length) : to;
  await saveRun({ view: state.view, index: state.index });
  stepScreen();
}

function reviewScreen() {
  const list = h("dl", { class: "review" });
  const missing = [];
  const hidden = hiddenSteps(state.view);
  state.view.steps.forEach((step, i) => {
    if (step.type === "instruction" || hidden.has(step.id)) return;
    const answer = state.view.answers[step.id];
    const skipped = state.view.skipped.includes(step.id);
    if (!answer && !skipped && step.required !== false) missing.push(step.title);
    list.append(h("dt", {}, step.title), h("dd", {}, summary(step, answer, skipped), " ",
      answer && answer.locked ? h("span", { class: "muted" }, "(filled in for you)")
        : h("button", { type: "button", class: "secondary", "aria-label": "Change " + step.title,
          onclick: () => { state.index = i; stepScreen(); } }, "Change")));
  });
  show("review",
    h("h1", { text: "Check and send" }),
    list,
    missing.length ? h("p", { class: "error", role: "alert" }, "Still to answer: " + missing.join(", ") + ".") : null,
    h("div", { class: "actions" },
      h("button", { type: "button", class: "secondary", onclick: () => move(-1) }, "Back"),
      h("button", { type: "button", class: "grow", disabled: missing.length > 0, onclick: submit }, "Send")));
}

function summary(step, answer, skipped) {
  if (skipped) return "Skipped";
  if (!answer) return "Not answered";
  const photos = (answer.localPhotos || answer.photos || []).length;
  let text;
  if (step.type === "boolean") text = answer.value ? "Yes" : "No";
  else if (step.type === "single_choice") text = (step.options.find((o) => o.id === answer.value) || {}).label;
  else if (step.type === "multi_choice") text = step.options.filter((o) => answer.value.includes(o.id)).map((o) => o.label).join(", ");
  else if (answer.value !== null && answer.value !== undefined) text = String(answer.value) + (step.unit ? " " + step.unit : "");
  else text = step.type === "signature" ? "Signed" : "";
  return [text, photos ? photos + " photo" + (photos > 1 ? "s" : "") : null, answer.geo ? "location added" : null]
    .filter(Boolean).join(" · ");
}

async function submit() {
  await enqueue({ kind: "submit" });
  state.view.status = "completed";
  await saveRun({ view: state.view, index: state.index });
  doneScreen();
  sync();
}

function doneScreen() {
  exitButton.hidden = true;
  show("done", h("h1", { text: "Thank you — all done" }),
    h("p", { class: "lead", id: "done-message" }, navigator.onLine ? "Your answers are being sent." : "Your answers will be sent when you are back online."));
}

function exitDialog() {
  const dialog = h("dialog", { "aria-labelledby": "exit-title" },
    h("h2", { id: "exit-title", text: "Stop this checklist?" }),
    h("p", {}, "It will be cancelled and cannot be finished later."),
    h("div", { class: "actions" },
      h("button", { type: "button", class: "secondary", onclick: () => dialog.close() }, "Keep going"),
      h("button", { type: "button", class: "danger", onclick: async () => {
        dialog.close();
        await enqueue({ kind: "exit" });
        state.view.status = "cancelled";
        await saveRun({ view: state.view, index: state.index });
        exitButton.hidden = true;
        show("cancelled", h("h1", { text: "Checklist stopped" }), h("p", { class: "lead" }, "It has been cancelled."));
        sync();
      } }, "Stop and cancel")));
  document.body.append(dialog);
  dialog.showModal();
  dialog.addEventListener("close", () => dialog.remove());
}

/* ---------- Sync: the queue goes out in order once there is a network ---------- */

let syncing = false;

async function sync() {
  if (syncing) return;
  syncing = true;
  try {
    // The queue is read again until it is empty: changes made while sending go out too.
    let ops;
    sending: while ((ops = await pendingOps()).length > 0) {
      for (const op of ops) {
        if (!navigator.onLine || (await send(op)) === "retry") break sending;
        await store("queue", "readwrite", (s) => s.delete(op.seq));
      }
    }
  } finally {
    syncing = false;
    await showPending();
  }
  const message = document.getElementById("done-message");
  if (message && !state.refused && (await pendingOps()).length === 0) {
    message.textContent = "Your answers have been sent.";
  }
}

/** A request that gives up after 20 s: a dead connection must not hold the queue forever. */
function request(url, options) {
  return fetch(url, { ...options, signal: AbortSignal.timeout(20000) });
}

/** Sends one queued change: "done" (sent or refused for good) or "retry" (no network). */
async function send(op) {
  const headers = who();
  try {
    let response;
    if (op.kind === "photo") {
      const photo = await loadPhoto(op.photo);
      if (!photo || photo.serverId) return "done";
      response = await request(api + "/steps/" + op.stepId + "/photos", {
        method: "POST", headers: { ...headers, "Content-Type": photo.type }, body: photo.blob });
      if (response.ok) {
        photo.serverId = (await response.json()).photo_id;
        await savePhoto(op.photo, photo);
        return "done";
      }
    } else if (op.kind === "answer") {
      const photos = [];
      for (const id of op.photos) photos.push((await loadPhoto(id)).serverId);
      response = await request(api + "/steps/" + op.stepId + "/answer", {
        method: "PUT", headers: { ...headers, "Content-Type": "application/json" },
        body: JSON.stringify({ value: op.value, photos, geo: op.geo }) });
    } else {
      const path = op.kind === "skip" ? "/steps/" + op.stepId + "/skip" : "/" + op.kind;
      response = await request(api + path, { method: "POST", headers });
    }
    if (response.status >= 500 || response.status === 429) return "retry";
    if (!response.ok) {
      const error = await response.json().catch(() => ({}));
      // A repeat of something that already happened (e.g. a submit whose answer was lost) is fine.
      const repeated = response.status === 409 && ["submit", "exit"].includes(op.kind);
      if (!repeated) {
        state.refused = true;
        syncBar.textContent = "Not saved: " + (error.message || "the server refused a change") + ".";
      }
      return "done";
    }
    const view = await response.json();
    if (view && view.status) await mergeServerView(view);
    return "done";
  } catch (e) {
    return "retry";
  }
}

async function mergeServerView(view) {
  const saved = (await loadRun()) || { view: state.view, index: state.index };
  for (const [id, answer] of Object.entries(saved.view.answers)) {
    if (view.answers[id] && answer.localPhotos) view.answers[id].localPhotos = answer.localPhotos;
  }
  if (saved.view.status !== "in_progress") view.status = saved.view.status;
  saved.view = { ...saved.view, ...view, answers: { ...saved.view.answers, ...view.answers } };
  state.view = saved.view;
  await saveRun(saved);
}

async function showPending() {
  const count = (await pendingOps()).length;
  if (count > 0) {
    syncBar.textContent = count + (count === 1 ? " change" : " changes") + " waiting to be sent" +
      (navigator.onLine ? "…" : " — you are offline; they will be sent when you are back online.");
  } else if (syncBar.textContent.includes("waiting")) {
    syncBar.textContent = "";
  }
}

/* ---------- Start-up ---------- */

window.addEventListener("beforeinstallprompt", (e) => { e.preventDefault(); window.deferredInstall = e; });
window.addEventListener("online", () => sync());
window.addEventListener("offline", () => showPending());
exitButton.addEventListener("click", exitDialog);
setInterval(() => { if (navigator.onLine) sync(); }, 5000);

if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {});
}
if (navigator.onLine && "caches" in window) {
  // Keep this very page, so that it opens again with no network.
  caches.open("rundun-pages").then((cache) => cache.add(location.href)).catch(() => {});
}

(async function boot() {
  const saved = await loadRun();
  state.identity = preview.identity_required;
  if (saved && saved.view) {
    state.view = saved.view;
    state.index = saved.index || 0;
    if (state.view.status === "completed") doneScreen();
    else if (state.view.status === "cancelled") show("cancelled", h("h1", { text: "Checklist stopped" }));
    else {
      stepScreen();
      keepStorage();
    }
  } else if (preview.status === "in_progress" && state.identity !== "member") {
    show("taken", h("h1", { text: preview.template_name }),
      h("p", { class: "lead" }, "This checklist is already being done on another device."),
      h("p", {}, "If that was you, continue on that device."));
  } else {
    startScreen();
  }
  await showPending();
  sync();
})();
