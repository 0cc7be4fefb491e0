/* Closer, every page: marks in the navigation, lessons read, "My progress", "My journal", moving answers between
   devices, copy-link buttons. What it keeps in this browser goes through storage.js (`window.Closer`). */
(() => {
  "use strict";
  const S = window.Closer;
  const $$ = (root, sel) => [...root.querySelectorAll(sel)];
  let config = { progress: "", strings: {} };
  try { config = JSON.parse(document.getElementById("closer-config").textContent); } catch {}
  const t = (k, vars = {}) => String(config.strings[k] || "").replace(/\{(\w+)\}/g, (m, v) => (v in vars ? vars[v] : m));

  const readLessons = () => new Set(S.read("lessons")?.read);
  // What a quiz's saved record says: "", "progress" or "done", and a short result (quiz.js writes `result`).
  function quizState(id) {
    const d = S.read("quiz:" + id);
    if (!d) return { state: "" };
    const r = d.result || {};
    if (typeof r.band === "string" && r.band) return { state: "done", result: t("band_result", { band: r.band }) };
    if (r.done === true && [r.correct, r.total].every(Number.isFinite)) {
      return { state: "done", result: t("score_correct", { correct: r.correct, total: r.total }) };
    }
    const checked = Array.isArray(d.checked) ? d.checked.length : 0;
    return { state: Object.keys(d.answers).length || checked ? "progress" : "" };
  }

  // Messages go to the page's one live region, shown right after the control the reader used.
  function status(root, near, msg) {
    let region = root.querySelector("[data-status]");
    if (!region) {
      region = document.createElement("p");
      region.className = "closer-status";
      region.setAttribute("role", "status");
      region.dataset.status = "";
    }
    if (region.previousElementSibling !== near) near.after(region);
    region.textContent = msg;
  }
  // A file the reader keeps, made here: nothing is uploaded.
  function save(name, text, type) {
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], { type }));
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
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
      mark.innerHTML = '<span aria-hidden="true">✓</span><span class="closer-sr"></span>';
      mark.lastChild.textContent = " " + t("nav_done");
      (link.querySelector(".md-ellipsis") || link).append(mark);
    }
  }

  // --- A lesson counts as read when the reader reaches its end, or says so; they can undo it ---
  function setupLesson(box) {
    const page = box.dataset.lesson;
    const button = box.querySelector("[data-read-toggle]");
    const note = box.querySelector("[data-read-status]");
    // `why` is what stopped a change being saved ("" if nothing did); without it, the note stays as it is.
    const show = (why) => {
      const read = readLessons().has(page);
      button.textContent = t(read ? "mark_unread" : "mark_read");
      if (why != null) note.textContent = why ? t("storage_" + why) : read ? t("lesson_read") : "";
    };
    const set = (read) => {
      const all = readLessons();
      read ? all.add(page) : all.delete(page);
      const why = S.write("lessons", { read: [...all] });
      if (read && !why) S.touch(page);
      markNav();
      show(why);
    };
    button.addEventListener("click", () => set(!readLessons().has(page)));
    if ("IntersectionObserver" in window && !readLessons().has(page)) {
      const seen = new IntersectionObserver((entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        seen.disconnect();
        if (!readLessons().has(page)) set(true);
      });
      seen.observe(box);
    }
    show();
  }

  // --- My progress: every step's state, how many are done, and the next unfinished step from the one the reader
  // worked on last (from the start when they have not begun) ---
  function setupProgress(root) {
    const read = readLessons();
    const at = S.read("activity")?.at || {};
    const steps = $$(root, "[data-progress] [data-kind]");
    let done = 0, last = 0, latest = 0;
    steps.forEach((step, i) => {
      const { kind, page, quiz } = step.dataset;
      const s = kind === "lesson" ? { state: read.has(page) ? "done" : "" } : quizState(quiz);
      const label = kind === "lesson" ? (s.state ? "state_read" : "state_unread")
        : { done: "state_done", progress: "state_in_progress", "": "state_not_started" }[s.state];
      step.dataset.state = s.state || "new";
      step.querySelector("[data-step-state]").textContent = [t(label), s.result].filter(Boolean).join(" · ");
      if (s.state === "done") done++;
      const when = at[quiz ? "quiz:" + quiz : page] || 0;
      if (when > latest) [latest, last] = [when, i];
    });
    const bar = root.querySelector("[data-overall]");
    if (!bar) return;
    bar.value = done;
    root.querySelector("[data-count]").textContent = t("progress_count", { done, total: steps.length });
    const next = [...steps.slice(last), ...steps].find((step) => step.dataset.state !== "done");
    const cont = root.querySelector("[data-continue]");
    cont.hidden = !next;
    if (next) cont.href = next.querySelector("a").href;
    root.querySelector("[data-next]").textContent = next
      ? t("next_step", { title: next.querySelector("a").textContent }) : t("all_done");
  }

  // --- My journal: the same saved answers as the quiz pages, counted as they are written ---
  function setupJournal(root) {
    const top = root.querySelector("[data-print]");
    const tell = (why) => why && S.notice(top?.parentNode || root.firstChild, t("storage_" + why));
    const entries = $$(root, "[data-journal]");
    const count = () => {
      const written = (box) => $$(box, "[data-journal]").filter((e) => e.value.trim());
      for (const e of entries) e.closest("[data-quiz]").toggleAttribute("data-empty", !e.value.trim());
      for (const group of $$(root, "[data-group]")) {
        group.querySelector("[data-group-count]").textContent =
          t("journal_count", { written: written(group).length, total: $$(group, "[data-journal]").length });
      }
      const n = written(root).length;
      root.querySelector("[data-written]").textContent = t("journal_count", { written: n, total: entries.length });
      root.toggleAttribute("data-some-written", n > 0);
    };
    for (const entry of entries) {
      const { quiz, question } = entry.closest("[data-quiz]").dataset;
      const name = "quiz:" + quiz;
      const v = S.read(name)?.answers[question];
      entry.value = typeof v === "string" ? v : "";
      tell(S.check(name));
      entry.addEventListener("input", () => {
        count();
        S.later(entry, () => {
          const rec = S.read(name) || { answers: {} };
          if (entry.value) rec.answers[question] = entry.value;
          else delete rec.answers[question];
          tell(S.write(name, rec));
        });
      });
    }
    count();
    top?.addEventListener("click", () => window.print());
    // A folded group still prints what is written in it.
    addEventListener("beforeprint", () => $$(root, "[data-group]").forEach((d) => (d.open = true)));
    root.querySelector("[data-download]")?.addEventListener("click", () => {
      let text = "# " + t("journal_title");
      for (const group of $$(root, "[data-group]")) {
        const written = $$(group, "[data-quiz]:not([data-empty])");
        if (!written.length) continue;
        text += `\n\n## ${group.querySelector("[data-group-title]").textContent}`;
        for (const e of written) {
          text += `\n\n### ${e.querySelector(".closer-entry__prompt").textContent}\n\n${e.querySelector("textarea").value}`;
        }
      }
      save(`closer-journal-${new Date().toISOString().slice(0, 10)}.txt`, text + "\n", "text/plain");
    });
  }

  // --- Moving answers: a file the reader keeps; a file that cannot be loaded whole changes nothing ---
  function exportAll() {
    const file = S.exportFile();
    save(`closer-answers-${file.exported.slice(0, 10)}.json`, JSON.stringify(file, null, 1), "application/json");
  }

  function importFile(root, input) {
    const file = input.files[0];
    if (!file) return;
    const replace = root.querySelector("[name=closer-import-mode][value=replace]")?.checked;
    file.text().then((text) => {
      const done = S.importText(text, replace);
      status(root, input.parentNode, t(done.key, done));
      setupProgress(root);
      markNav();
    }, () => status(root, input.parentNode, t("import_bad"))).finally(() => { input.value = ""; });
  }

  function clearEverything(root, button) {
    if (!window.confirm(t("clear_everything_confirm"))) return;
    S.names().forEach(S.remove);
    status(root, button.parentNode, t("cleared_everything"));
    setupProgress(root);
    markNav();
  }

  // --- Copy-link buttons on the facilitators' link sheets ---
  function copy(root, button) {
    const copied = navigator.clipboard ? navigator.clipboard.writeText(button.dataset.copy) : Promise.reject();
    copied.then(() => status(root, button, t("link_copied")), () => status(root, button, t("copy_failed")));
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
    root.querySelector("[data-clear-everything]")?.addEventListener("click", (e) => clearEverything(root, e.currentTarget));
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
