/* My progress and My journal, on those two pages only: every step's state and where to continue, the journal's
   answers, moving answers between devices, clearing everything. Uses closer.js's helpers (`Closer.site`) and
   storage.js. */
(() => {
  "use strict";
  // storage.js and closer.js come after this script in a page opened directly: take them once the page is parsed.
  let S, $$, t, quizState, readLessons, status, save, markNav;

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
    // The home page shows where the reader left off only once they have begun.
    const resume = root.querySelector("[data-resume]");
    if (resume) resume.hidden = !(done || latest);
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
      const show = (record) => {
        const v = record?.answers[question];
        entry.value = typeof v === "string" ? v : "";
      };
      show(S.read(name));
      // What the quiz page or another tab saves shows here at once: the reader never goes on from an old copy.
      S.watch(name, (record) => { show(record); count(); }, entry);
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

  function init() {
    S = window.Closer;
    ({ $$, t, quizState, readLessons, status, save, markNav } = S.site);
    // The strings only these pages show come with this script (partials/reader-script.html): the shared `t`
    // finds them once they join the site's.
    const own = document.getElementById("closer-reader-strings");
    if (own) Object.assign(S.config.strings, JSON.parse(own.dataset.strings));
    const root = document.querySelector("article") || document.body;
    if (root.dataset.readerReady || !root.querySelector("[data-progress], [data-journal]")) return;
    root.dataset.readerReady = "1";
    if (root.querySelector("[data-progress]")) {
      setupProgress(root);
      // What another tab or window saves counts here at once; once instant navigation has left the page, stop.
      const follow = () => root.isConnected ? (setupProgress(root), markNav()) : removeEventListener("storage", follow);
      addEventListener("storage", follow);
    }
    if (root.querySelector("[data-journal]")) setupJournal(root);
    root.querySelector("[data-export]")?.addEventListener("click", exportAll);
    root.querySelector("[data-import]")?.addEventListener("change", (e) => importFile(root, e.target));
    root.querySelector("[data-clear-everything]")?.addEventListener("click", (e) => clearEverything(root, e.currentTarget));
  }

  // Material's instant navigation re-runs this script on each of these pages it swaps in, and also emits document$:
  // subscribe only the first time, and just init on later runs.
  if (window.closerReaderLoaded) init();
  else {
    window.closerReaderLoaded = true;
    const start = () => (window.document$ ? window.document$.subscribe(init) : init());
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
    else start();
  }
})();
