/* Closer quizzes: check answers, keep them on this device, score self-assessments.
   Plain script, no dependencies. Without it the page still works as a paper quiz. */
(() => {
  "use strict";
  const $ = (root, sel) => root.querySelector(sel);
  const $$ = (root, sel) => [...root.querySelectorAll(sel)];
  const el = (tag, text) => {
    const e = document.createElement(tag);
    if (text != null) e.textContent = text;
    return e;
  };

  function setup(form) {
    let strings = {};
    try { strings = JSON.parse(form.dataset.strings) || {}; } catch {}
    const t = (k, vars = {}) => String(strings[k] || "").replace(/\{(\w+)\}/g, (m, v) => (v in vars ? vars[v] : m));
    const part = (q, sel) => $(q, sel) || el("i"); // a detached stand-in keeps odd markup from throwing
    const S = window.Closer;
    const name = "quiz:" + form.dataset.quiz;
    const state = {}; // the answers shown, as they are saved: filled by show()
    const tell = (why) => why && S.notice(part(form, ".quiz-privacy"), t("storage_" + why));
    const save = () => tell(S.write(name, state));
    const status = $(form, ".quiz-status");
    const announce = (msg) => status && (status.textContent = msg);
    const questions = $$(form, "fieldset.quiz-question[data-question]");
    const items = $$(form, "fieldset.quiz-item[data-item]");
    const summary = $(form, "[data-summary]");
    const results = $(form, "[data-results-body]");
    const help = $(form, "[data-safety-help]");
    const end = $(form, "[data-end]");
    const see = $(form, "[data-action=results]");
    const seeLabel = see?.textContent;

    form.addEventListener("submit", (e) => e.preventDefault());
    // The safety answer is never kept: start blank even if the browser restored it.
    for (const i of $$(form, "[name=quiz-safety]")) i.checked = false;
    const reveal = (e, shown) => (shown ? (e.dataset.shown = "") : delete e.dataset.shown);

    // --- Knowledge check ---
    const inputs = (q) => $$(q, "input");
    const right = (i) => i.hasAttribute("data-correct");

    function grade(q) {
      const picked = inputs(q).filter((i) => i.checked);
      const fb = part(q, ".quiz-feedback");
      const answer = part(q, "details.quiz-answer");
      if (!picked.length) {
        fb.textContent = t("choose_first");
        return false;
      }
      const total = inputs(q).filter(right).length;
      const found = picked.filter(right).length;
      const ok = found === total && found === picked.length;
      const p = el("p");
      p.append(el("strong", t(ok ? "correct" : "incorrect")));
      if (!ok && found && q.dataset.kind === "multiple") p.append(" " + t("partly", { found, total }));
      if (!ok) p.append(" " + t("try_or_show"));
      fb.replaceChildren(p);
      // Each chosen card says whether it is right, with its own feedback; the others keep their secret.
      for (const i of picked) {
        const card = i.parentNode;
        card.dataset.verdict = right(i) ? "right" : "wrong";
        const verdict = el("span", t(right(i) ? "choice_right" : "choice_wrong"));
        verdict.className = "quiz-choice__verdict";
        part(card, "label").append(verdict);
        const item = $(answer, `[data-feedback-for="${CSS.escape(i.value)}"]`);
        if (item) {
          const copy = item.cloneNode(true);
          copy.className = "quiz-choice__feedback";
          copy.firstElementChild.remove(); // the choice's text, which the card shows
          card.append(copy);
        }
      }
      q.dataset.state = ok ? "correct" : "incorrect"; // the summary counts it; on paper, its answer prints
      for (const i of inputs(q)) i.disabled = true;
      part(q, "[data-action=check]").hidden = true;
      part(q, "[data-action=retry]").hidden = false;
      reveal(answer, true); // offered; a wrong answer keeps it folded until the reader asks
      answer.open = ok;
      return true;
    }

    function unGrade(q) {
      delete q.dataset.state;
      for (const c of $$(q, "[data-verdict]")) {
        delete c.dataset.verdict;
        for (const e of $$(c, ".quiz-choice__verdict, .quiz-choice__feedback")) e.remove();
      }
      for (const i of inputs(q)) i.disabled = false;
      part(q, ".quiz-feedback").textContent = "";
      part(q, "[data-action=check]").hidden = false;
      part(q, "[data-action=retry]").hidden = true;
      const answer = part(q, "details.quiz-answer");
      reveal(answer, false); // it gives the answer away until the reader has tried
      answer.open = false;
    }

    // What the page shows checked is what is saved as checked.
    function showSummary() {
      const done = questions.filter((q) => q.dataset.state);
      state.checked = done.map((q) => q.dataset.question);
      if (!summary) return;
      const correct = done.filter((q) => q.dataset.state === "correct").length;
      const total = questions.length;
      summary.textContent = t("summary", { answered: done.length, correct, total });
      state.result = done.length ? { correct, total, done: done.length === total } : undefined;
      if (!end) return;
      end.hidden = done.length < total;
      part(end, "[data-end-score]").textContent = t(correct < total ? "summary_done" : "end_all", { correct, total });
    }

    // --- Self-assessment ---
    function itemText(item) {
      const legend = part(item, "legend").cloneNode(true);
      $(legend, ".quiz-item__number")?.remove();
      return legend.textContent.trim();
    }

    function showResults() {
      const values = inputs(items[0] || form).map((i) => i.value).filter((v) => v !== "").map(Number);
      const lo = Math.min(...values), hi = Math.max(...values);
      const sum = form.dataset.method === "sum";
      const share = Number(form.dataset.minAnswered) || 0;
      const need = (n) => Math.ceil(share * n - 1e-9); // 0.7 * 10 is 7.000000000000001 in floating point
      const rated = items.map((item) => {
        const i = $(item, "input:checked");
        const v = i && i.value !== "" ? Number(i.value) : NaN;
        return { item, v: item.hasAttribute("data-reverse") ? lo + hi - v : v };
      });
      const answered = rated.filter((r) => !isNaN(r.v));
      const body = [];
      state.result = undefined;
      if (answered.length < need(items.length) || !answered.length) {
        const msg = t("too_few", { needed: need(items.length), total: items.length, answered: answered.length });
        body.push(el("p", msg));
        announce(msg);
      } else {
        const fmt = (x) => (sum ? String(x) : x.toFixed(1));
        const scopes = [["overall", t("overall"), null]];
        for (const b of $$(form, "details.quiz-paper .quiz-bands[data-scope]")) {
          const scope = b.dataset.scope;
          if (scope === "overall") scopes[0][2] = b;
          else scopes.push([scope, part(b, ".quiz-bands__title").textContent.trim(), b]);
        }
        for (const [scope, title, bands] of scopes) {
          const all = scope === "overall" ? rated : rated.filter((r) => r.item.dataset.subscale === scope);
          const got = all.filter((r) => !isNaN(r.v));
          if (!got.length || got.length < need(all.length)) continue;
          const mean = got.reduce((a, r) => a + r.v, 0) / got.length;
          // Mean to one decimal; a sum is prorated over skipped items. Bands apply to the rounded score.
          const score = S.round(sum ? mean * all.length : mean, sum ? 0 : 1);
          const n = sum ? all.length : 1;
          const range = { score: fmt(score), low: fmt(lo * n), high: fmt(hi * n) };
          const levels = bands ? $$(bands, ".quiz-band") : [];
          const band = levels.find((b) => score >= +b.dataset.min && score <= +b.dataset.max);
          // The band leads, then where the score falls among the bands, then the numbers and the band's text.
          const box = el("section");
          const head = el("h3", band ? band.dataset.title : title);
          if (band) head.prepend(el("span", title), " ");
          box.append(head);
          if (band) box.append(meter(levels, band, score, range));
          box.append(el("p", t("score_of", range)));
          if (band) {
            const copy = band.cloneNode(true);
            copy.firstElementChild.remove(); // the band's range and name, shown above
            box.append(copy);
          }
          body.push(box);
          if (band && scope === "overall") state.result = { band: band.dataset.title };
        }
        const mid = (lo + hi) / 2;
        const list = (title, picked, notes) => {
          if (!picked.length) return;
          const ul = el("ul");
          for (const r of picked.slice(0, 3)) {
            const li = el("li", itemText(r.item));
            const note = notes && $(form, `.quiz-note[data-note-for="${CSS.escape(r.item.dataset.item)}"]`);
            if (note) {
              const copy = note.cloneNode(true);
              $(copy, ".quiz-note__item")?.remove(); // it repeats the statement
              li.append(copy);
            }
            ul.append(li);
          }
          body.push(el("h3", title), ul);
        };
        list(t("strongest"), [...answered].sort((a, b) => b.v - a.v).filter((r) => r.v > mid));
        list(t("explore"), [...answered].sort((a, b) => a.v - b.v).filter((r) => r.v < mid), true);
        announce(t("results_announce"));
      }
      save();
      if (!results) return;
      results.replaceChildren(...body);
      results.hidden = false;
      if (state.result) see.textContent = t("update_results");
      const heading = $(form, "#quiz-results");
      heading?.focus();
      heading?.scrollIntoView(); // focus alone would leave it under the sticky header; its scroll margin clears it
    }

    // Equal segments, one per band, and a mark where the score falls inside its band.
    function meter(bands, band, score, range) {
      const svg = (tag, attrs) => {
        const e = document.createElementNS("http://www.w3.org/2000/svg", tag);
        for (const k in attrs) e.setAttribute(k, attrs[k]);
        return e;
      };
      const i = bands.indexOf(band), w = 100 / bands.length;
      const span = band.dataset.max - band.dataset.min;
      const x = (i + (span ? (score - band.dataset.min) / span : 0.5)) * w;
      const label = t("scale_alt", { ...range, band: band.dataset.title, place: i + 1, count: bands.length });
      const pic = svg("svg", { viewBox: "0 0 100 10", preserveAspectRatio: "none", role: "img", "aria-label": label });
      for (const [j, b] of bands.entries()) {
        pic.append(svg("rect", { x: j * w + 0.4, y: 2, width: w - 0.8, height: 6, class: b === band ? "on" : "" }));
      }
      pic.append(svg("rect", { x: x - 0.6, y: 0, width: 1.2, height: 10, class: "mark" }));
      const names = el("ol");
      names.setAttribute("aria-hidden", "true"); // the picture's label says it all
      for (const b of bands) names.appendChild(el("li", b.dataset.title)).classList.toggle("on", b === band);
      const fig = el("div");
      fig.className = "quiz-meter";
      fig.append(pic, names);
      return fig;
    }

    // --- Results the reader takes away: plain text, never sent anywhere ---
    const text = (node) => {
      const copy = node.cloneNode(true);
      const extras = ".headerlink, .quiz-question__number, .quiz-item__number, .quiz-choice__verdict, .quiz-meter";
      for (const e of $$(copy, extras)) e.remove();
      return copy.textContent.replace(/\s+/g, " ").trim();
    };

    function summaryText() {
      const title = $(document, "article h1");
      const date = new Date().toLocaleDateString(document.documentElement.lang || undefined);
      const lines = [title ? text(title) : document.title, t("summary_date", { date })];
      for (const box of $$(form, "[data-question],[data-item]")) {
        const area = $(box, "textarea");
        const label = (i) => $(form, `label[for="${CSS.escape(i.id)}"]`);
        const picked = area ? [area.value.trim()].filter(Boolean)
          : inputs(box).filter((i) => i.checked && i.value !== "").map((i) => text(label(i) || i));
        // Several choices, whole sentences often, go one to a line.
        const answer = picked[1] ? "\n- " + picked.join("\n- ") : " " + (picked[0] || t("no_answer"));
        lines.push("", text($(box, "legend, h2") || box), t("your_answer") + answer);
        if (box.dataset.state) lines.push(t(box.dataset.state));
      }
      if (summary?.textContent) lines.push("", summary.textContent);
      if (results && !results.hidden) lines.push("", ...[...results.children].map(text));
      return lines.join("\n") + "\n";
    }

    function download() {
      const a = el("a");
      a.href = URL.createObjectURL(new Blob([summaryText()], { type: "text/plain;charset=utf-8" }));
      a.download = `closer-${form.dataset.quiz}-${new Date().toISOString().slice(0, 10)}.txt`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 1000);
      announce(t("downloaded"));
    }

    // --- Show what this device remembers: on arrival, and again whenever another tab or window changes it ---
    function show(record) {
      // A checked question is redrawn, its Try again hidden for a moment: the focus goes back where it was. Only
      // focus inside the form can move; focusing the page itself, as on arrival, would only force a restyle.
      const focused = $(form, ":focus");
      const { answers = {}, checked = [], result } = record || {};
      state.answers = answers;
      for (const box of $$(form, "[data-question],[data-item]")) {
        const v = answers[box.dataset.question || box.dataset.item];
        const area = $(box, "textarea");
        if (area) area.value = typeof v === "string" ? v : "";
        else {
          const want = box.dataset.item ? (typeof v === "string" ? [v] : []) : Array.isArray(v) ? v : [];
          for (const i of inputs(box)) i.checked = want.includes(i.value);
        }
      }
      for (const q of questions) {
        unGrade(q); // as it was before any check, or graded again below
        if (checked.includes(q.dataset.question)) grade(q) || unGrade(q);
      }
      state.result = result;
      showSummary();
      if (results) {
        // Results describe the answers they were drawn from: as on arrival, they wait to be asked for again.
        results.replaceChildren();
        results.hidden = true;
        see.textContent = seeLabel;
      }
      focused?.focus({ preventScroll: true });
    }
    show(S.read(name));
    S.watch(name, show, form);
    tell(S.check(name));

    // --- Events ---
    form.addEventListener("change", (e) => {
      const input = e.target;
      if (input.name === "quiz-safety") {
        const yes = input.checked && input.value === "yes";
        if (help) {
          if (yes && !("shown" in help.dataset)) announce(t("safety_announce"));
          reveal(help, yes);
        }
        return; // never saved
      }
      const box = input.closest("[data-question],[data-item]");
      if (!box || input.tagName === "TEXTAREA") return;
      const picked = inputs(box).filter((i) => i.checked && i.value !== "").map((i) => i.value);
      const id = box.dataset.question || box.dataset.item;
      if (!picked.length) delete state.answers[id];
      else state.answers[id] = box.dataset.item ? picked[0] : picked;
      if (box.dataset.item) state.result = undefined; // the band shown no longer matches the answers
      save();
    });

    form.addEventListener("input", (e) => {
      const area = e.target;
      const box = area.closest(".quiz-reflection[data-question]");
      if (!box || area.tagName !== "TEXTAREA") return;
      if (area.value) state.answers[box.dataset.question] = area.value;
      else delete state.answers[box.dataset.question];
      S.later(form, save); // not on every keystroke
    });

    form.addEventListener("click", (e) => {
      const button = e.target.closest("[data-action]");
      if (!button) return;
      const q = button.closest(".quiz-question");
      const action = button.dataset.action;
      if (action === "check" && q) {
        if (grade(q)) {
          part(q, "[data-action=retry]").focus(); // the Check button just disappeared
          showSummary();
          save();
        }
      } else if (action === "retry" && q) {
        unGrade(q);
        (inputs(q).find((i) => i.checked) || inputs(q)[0])?.focus();
        showSummary();
        save();
      } else if (action === "results") {
        showResults();
      } else if (action === "copy") {
        const copied = navigator.clipboard ? navigator.clipboard.writeText(summaryText()) : Promise.reject();
        copied.then(() => announce(t("copied")), () => announce(t("copy_failed")));
      } else if (action === "print") {
        window.print();
      } else if (action === "download") {
        download();
      } else if (action === "clear" && window.confirm(t("clear_confirm"))) {
        S.later(form);
        S.remove(name);
        form.reset();
        show();
        if (help) reveal(help, false);
        announce(t("cleared"));
      }
    });
  }

  function init() {
    for (const form of document.querySelectorAll("form.quiz[data-quiz]")) {
      if (form.dataset.quizReady) continue; // document$ and a re-run of this script can both call init
      form.dataset.quizReady = "1";
      setup(form);
    }
  }

  // Material's instant navigation re-runs this script on every quiz page it swaps in, and also emits
  // document$: subscribe only the first time, and just init on later runs.
  if (window.closerQuizLoaded) init();
  else {
    window.closerQuizLoaded = true;
    const start = () => (window.document$ ? window.document$.subscribe(init) : init());
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
    else start();
  }
})();
