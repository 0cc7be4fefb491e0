/* Closer, every page: marks in the navigation, lessons read, "My progress", "My journal", moving answers between
   devices, copy-link buttons. Everything stays in this browser's localStorage under "closer:" keys. */
(() => {
  "use strict";
  const PREFIX = "closer:";
  const LESSONS = PREFIX + "lessons";
  const $$ = (root, sel) => [...root.querySelectorAll(sel)];
  let config = { progress: "", strings: {} };
  try { config = JSON.parse(document.getElementById("closer-config").textContent); } catch {}
  const t = (k, vars = {}) => String(config.strings[k] || "").replace(/\{(\w+)\}/g, (m, v) => (v in vars ? vars[v] : m));

  // localStorage can be missing or throw (private mode, blocked storage): then nothing is remembered.
  const store = {
    get(key) { try { return JSON.parse(localStorage.getItem(key)); } catch { return null; } },
    set(key, value) { try { localStorage.setItem(key, JSON.stringify(value)); return true; } catch { return false; } },
    keys() { try { return Object.keys(localStorage).filter((k) => k.startsWith(PREFIX)); } catch { return []; } },
    del(key) { try { localStorage.removeItem(key); } catch {} },
  };
  const isObject = (v) => v && typeof v === "object" && !Array.isArray(v);
  const readLessons = () => {
    const d = store.get(LESSONS);
    return new Set(isObject(d) && Array.isArray(d.read) ? d.read.filter((x) => typeof x === "string") : []);
  };
  const saveLessons = (read) => store.set(LESSONS, { version: 1, read: [...read] });

  // What a quiz's saved record says: "", "progress" or "done", and a short result (quiz.js writes `result`).
  function quizState(id) {
    const d = store.get(PREFIX + "quiz:" + id);
    if (!isObject(d) || !isObject(d.answers)) return { state: "" };
    const r = isObject(d.result) ? d.result : {};
    if (typeof r.band === "string" && r.band) return { state: "done", result: t("band_result", { band: r.band }) };
    if (r.done === true && [r.correct, r.total].every(Number.isFinite)) {
      return { state: "done", result: t("score_correct", { correct: r.correct, total: r.total }) };
    }
    const checked = Array.isArray(d.checked) ? d.checked.length : 0;
    return { state: Object.keys(d.answers).length || checked ? "progress" : "" };
  }

  // Messages go to the page's live region; pages without one get a hidden one.
  function status(root, msg) {
    let region = root.querySelector("[data-status]");
    if (!region) {
      region = document.createElement("div");
      region.className = "md-visually-hidden";
      region.setAttribute("role", "status");
      region.dataset.status = "";
      root.append(region);
    }
    region.textContent = msg;
  }
  const siteUrl = (path) => new URL(path, window.__md_scope || location.href).href;

  // --- Navigation marks: a tick that screen readers hear as "(done)" ---
  function markNav() {
    const read = readLessons();
    for (const link of $$(document, ".md-nav__link[href]")) {
      link.querySelector(".closer-done")?.remove();
      // Published pages end in "/", the offline copy's in ".html": compare the page path without either.
      const path = new URL(link.href).pathname.replace(/(\/index)?(\.html|\/)$/, "");
      const quiz = path.match(/\/quizzes\/([a-z0-9-]+)$/);
      const done = quiz
        ? quizState(quiz[1]).state === "done"
        : [...read].some((page) => path.endsWith("/" + page.replace(/\.md$/, "")));
      if (!done) continue;
      const mark = document.createElement("span");
      mark.className = "closer-done";
      mark.innerHTML = '<span aria-hidden="true">✓</span><span class="md-visually-hidden"></span>';
      mark.lastChild.textContent = " " + t("nav_done");
      (link.querySelector(".md-ellipsis") || link).append(mark);
    }
  }

  // --- A lesson counts as read when the reader reaches its end, or says so; they can undo it ---
  function setupLesson(box) {
    const page = box.dataset.lesson;
    const button = box.querySelector("[data-read-toggle]");
    const note = box.querySelector("[data-read-status]");
    const show = (announce) => {
      const read = readLessons().has(page);
      button.textContent = t(read ? "mark_unread" : "mark_read");
      if (announce) note.textContent = read ? t("lesson_read") : "";
    };
    const set = (read) => {
      const all = readLessons();
      read ? all.add(page) : all.delete(page);
      saveLessons(all);
      markNav();
    };
    button.addEventListener("click", () => { set(!readLessons().has(page)); show(true); });
    if ("IntersectionObserver" in window && !readLessons().has(page)) {
      const seen = new IntersectionObserver((entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        seen.disconnect();
        if (!readLessons().has(page)) { set(true); show(true); }
      });
      seen.observe(box);
    }
    show(false);
  }

  // --- My progress ---
  function setupProgress(root) {
    const read = readLessons();
    let next = null;
    for (const step of $$(root, "[data-progress] [data-kind]")) {
      const kind = step.dataset.kind;
      const s = kind === "lesson"
        ? { state: read.has(step.dataset.page) ? "done" : "" }
        : quizState(step.dataset.quiz);
      const label = kind === "lesson" ? (s.state ? "state_read" : "state_unread")
        : { done: "state_done", progress: "state_in_progress", "": "state_not_started" }[s.state];
      step.dataset.state = s.state || "new";
      step.querySelector("[data-step-state]").textContent = [t(label), s.result].filter(Boolean).join(" · ");
      if (!next && s.state !== "done") next = step;
    }
    const cont = root.querySelector("[data-continue]");
    if (cont) {
      cont.replaceChildren();
      if (next) {
        const link = next.querySelector("a").cloneNode(true);
        cont.append(t("continue") + " ", link);
      } else cont.textContent = t("all_done");
    }
  }

  // --- My journal: the same saved answers as the quiz pages ---
  function setupJournal(root) {
    for (const entry of $$(root, "[data-journal]")) {
      const box = entry.closest("[data-quiz]");
      const key = PREFIX + "quiz:" + box.dataset.quiz;
      const d = store.get(key);
      const v = isObject(d) && isObject(d.answers) ? d.answers[box.dataset.question] : "";
      entry.value = typeof v === "string" ? v : "";
      let timer;
      entry.addEventListener("input", () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          const now = store.get(key);
          const rec = isObject(now) && now.version === 1 && isObject(now.answers)
            ? now : { version: 1, answers: {}, checked: [] };
          if (entry.value) rec.answers[box.dataset.question] = entry.value;
          else delete rec.answers[box.dataset.question];
          store.set(key, rec);
        }, 300);
      });
    }
    root.querySelector("[data-print]")?.addEventListener("click", () => window.print());
  }

  // --- Moving answers: a versioned file the reader keeps; a bad file changes nothing ---
  function exportAll() {
    const items = {};
    for (const k of store.keys()) items[k] = store.get(k);
    const file = { format: "closer-answers", version: 1, exported: new Date().toISOString(), items };
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([JSON.stringify(file, null, 1)], { type: "application/json" }));
    a.download = `closer-answers-${file.exported.slice(0, 10)}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  const KEY = /^closer:(quiz:[a-z0-9]+(-[a-z0-9]+)*|lessons)$/;
  function validItems(file) {
    if (!isObject(file) || file.format !== "closer-answers" || file.version !== 1 || !isObject(file.items)) return null;
    const items = Object.entries(file.items);
    const ok = items.every(([k, v]) => KEY.test(k) && isObject(v) && v.version === 1 &&
      (k === LESSONS ? Array.isArray(v.read) : isObject(v.answers)));
    return ok ? items : null;
  }

  function merge(key, mine, theirs) {
    if (!isObject(mine)) return theirs;
    if (key === LESSONS) return { version: 1, read: [...new Set([...(mine.read || []), ...theirs.read])] };
    return {
      ...mine, ...theirs,
      answers: { ...mine.answers, ...theirs.answers },
      checked: [...new Set([...(mine.checked || []), ...(theirs.checked || [])])],
    };
  }

  function importFile(root, input) {
    const file = input.files[0];
    if (!file) return;
    const replace = root.querySelector("[name=closer-import-mode][value=replace]")?.checked;
    file.text().then((text) => {
      let items = null;
      try { items = validItems(JSON.parse(text)); } catch {}
      if (!items) return status(root, t("import_bad"));
      if (replace) store.keys().forEach(store.del);
      for (const [k, v] of items) store.set(k, replace ? v : merge(k, store.get(k), v));
      status(root, t("imported", { count: items.length }));
      setupProgress(root);
      markNav();
    }, () => status(root, t("import_bad"))).finally(() => { input.value = ""; });
  }

  function clearEverything(root) {
    if (!window.confirm(t("clear_everything_confirm"))) return;
    store.keys().forEach(store.del);
    status(root, t("cleared_everything"));
    setupProgress(root);
    markNav();
  }

  // --- Copy-link buttons on the facilitators' link sheets ---
  function copy(root, button) {
    const copied = navigator.clipboard ? navigator.clipboard.writeText(button.dataset.copy) : Promise.reject();
    copied.then(() => status(root, t("link_copied")), () => status(root, t("copy_failed")));
  }

  function init() {
    markNav();
    for (const box of $$(document, "[data-lesson]:not([data-closer-ready])")) {
      box.dataset.closerReady = "1";
      setupLesson(box);
    }
    const root = document.querySelector("article") || document.body;
    if (root.dataset.closerReady) return;
    root.dataset.closerReady = "1";
    if (root.querySelector("[data-progress]")) setupProgress(root);
    if (root.querySelector("[data-journal]")) setupJournal(root);
    root.querySelector("[data-export]")?.addEventListener("click", exportAll);
    root.querySelector("[data-import]")?.addEventListener("change", (e) => importFile(root, e.target));
    root.querySelector("[data-clear-everything]")?.addEventListener("click", () => clearEverything(root));
    for (const b of $$(root, "[data-copy]")) b.addEventListener("click", () => copy(root, b));
    // Quiz pages reach "Clear everything" on the progress page, from below the quiz: nothing above it moves.
    const after = root.querySelector(".quiz-takeaway");
    if (after && config.progress && !root.querySelector(".closer-clear-all")) {
      const p = document.createElement("p");
      p.className = "closer-clear-all";
      const a = document.createElement("a");
      a.href = siteUrl(config.progress) + "#clear-everything";
      a.textContent = t("clear_everything_link");
      p.append(a);
      after.after(p);
    }
  }

  if (window.document$) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
