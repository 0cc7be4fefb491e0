/* Closer, every page: marks in the navigation, lessons read, copy-link buttons, the quick exit, tooltips, and the helpers
   reader.js (My progress and My journal) shares. What it keeps in this browser goes through storage.js (`window.Closer`). */
(() => {
  "use strict";
  const S = window.Closer;
  const $$ = (root, sel) => [...root.querySelectorAll(sel)];
  const config = S.config;
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

  // --- Copy-link buttons on the facilitators' link sheets ---
  function copy(root, button) {
    const copied = navigator.clipboard ? navigator.clipboard.writeText(button.dataset.copy) : Promise.reject();
    copied.then(() => status(root, button, t("link_copied")), () => status(root, button, t("copy_failed")));
  }

  // Ticks in the navigation wait for the browser to be idle: they go through every link, which would lengthen the
  // task that shows the page, and nobody needs them before reading.
  const whenIdle = (f) => (window.requestIdleCallback ? requestIdleCallback(f, { timeout: 1000 }) : setTimeout(f, 50));
  function init() {
    S.actions?.hideTip(); // Material's instant navigation replaces the page under it
    whenIdle(markNav);
    for (const box of $$(document, "[data-lesson]:not([data-closer-ready])")) {
      box.dataset.closerReady = "1";
      setupLesson(box);
    }
    const root = document.querySelector("article") || document.body;
    if (root.dataset.closerReady) return;
    root.dataset.closerReady = "1";
    for (const b of $$(root, "[data-copy]")) b.addEventListener("click", () => copy(root, b));
  }

  // --- The menu's switch (Material's checkbox, which the keyboard reaches on narrow screens) opens with Enter too ---
  const drawer = document.getElementById("__drawer");
  if (drawer) drawer.addEventListener("keydown", (e) => e.key === "Enter" && drawer.click());

  // --- Leaving at once: the page is replaced, so Back does not return to it, and hidden while the next one loads ---
  const leave = (a) => {
    document.documentElement.classList.add("closer-leaving");
    location.replace(a.href);
  };
  const exit = () => document.querySelector("[data-closer-exit]");
  document.addEventListener("click", (e) => {
    const a = e.target.closest && e.target.closest("[data-closer-exit]");
    if (a) { e.preventDefault(); leave(a); }
  }, true);
  let escaped = -Infinity;
  document.addEventListener("keydown", (e) => {
    if (e.key !== "Escape" || !exit()) return;
    if (e.timeStamp - escaped < 1000) leave(exit());
    escaped = e.timeStamp;
  }, true);

  // --- Tooltips and the palette's toggles load when the reader first reaches for them (actions.js): a phone shows no
  // tooltips, and Material's bundle, which ran the toggles, restyled the whole page twice for them as every page
  // started. Tooltips show a title in the header or the page on hover and on keyboard focus; Material's
  // `content.tooltips` makes one for every titled element as the page loads, most of the work a lesson's glossary
  // terms would cost, so where a course turns that on, its tooltips are Material's. ---
  const actions = document.currentScript.src.replace(/closer\.js$/, "actions.js");
  const reach = (e) => {
    if (S.actions) return; // they listen for themselves
    if (!S.reached) document.head.append(Object.assign(document.createElement("script"), { src: actions }));
    S.reached = e; // the event actions.js answers as it starts
  };
  let materialTips = false;
  try {
    materialTips = JSON.parse(document.getElementById("__config").textContent).features.includes("content.tooltips");
  } catch {}
  const titled = (target) => target.closest?.(".md-header [title], .md-content [title], [data-closer-title]");
  if (!materialTips) {
    document.addEventListener("pointerover", (e) => e.pointerType !== "touch" && titled(e.target) && reach(e));
    document.addEventListener("focusin", (e) => titled(e.target) === e.target && reach(e));
  }
  const palette = document.querySelector("[data-closer-palette]");
  for (const type of ["pointerdown", "focusin", "keydown", "change"]) palette?.addEventListener(type, reach);
  // The browser's own parts (the address bar, the scrollbars) take the header's colours, as with Material, once the
  // page is shown, when reading them costs nothing; a palette that changed the colours before the first paint
  // (partials/javascripts/palette.html) or since held back their fades until then.
  function browserParts() {
    const style = getComputedStyle(document.querySelector("header") || document.body);
    // A <meta> written, even with the colour scheme it had, restyles the whole page; none reads as light.
    const meta = (name, content, was) => {
      const found = document.head.querySelector(`meta[name=${name}]`);
      if ((found ? found.content : was) === content) return;
      (found || document.head.appendChild(Object.assign(document.createElement("meta"), { name }))).content = content;
    };
    meta("theme-color", style.backgroundColor);
    meta("color-scheme", style.colorScheme.replace("normal", "light"), "light");
    document.body.removeAttribute("data-md-color-switching");
  }
  whenIdle(browserParts);

  S.site = { $$, t, quizState, readLessons, status, save, markNav, titled: !materialTips && titled, browserParts };
  if (window.document$) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
