/* Closer's saved data, on every page: the one place that knows the storage keys, the record formats and their
   version, records saved before keys were scoped, checked writes, and what happens to a record this version cannot
   read. Also the one rounding rule for scores. Plain script, no dependencies; quiz.js and closer.js use it through
   `window.Closer`. */
(() => {
  "use strict";
  const VERSION = 1;
  const FORMAT = "closer-answers";
  // Keys start with the site's storage prefix (the plugin's `storage` option, in the page's settings); files of
  // answers name their records with "closer:" whatever it is, so any course reads them.
  const ITEM = "closer:";
  // The page's settings, read once here for every script (`Closer.config`).
  let config = { storage: "closer", strings: {} };
  try { config = { ...config, ...JSON.parse(document.getElementById("closer-config").textContent) }; } catch {}
  const LEGACY = config.storage + ":";
  // Keys carry the site's path, as Material scopes its own: two courses on one address (user.github.io/a/ and
  // user.github.io/b/) keep separate answers: "closer:/a/quiz:<id>", "closer:/a/lessons".
  const SCOPE = LEGACY + (window.__md_scope || new URL("/", location)).pathname;
  const NAME = /^(quiz:[a-z0-9]+(-[a-z0-9]+)*|lessons|activity)$/;
  const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  const isObject = (v) => !!v && typeof v === "object" && !Array.isArray(v);
  const only = (o, keys) => Object.keys(o).every((k) => keys.includes(k));
  const list = (a, max, ok) => Array.isArray(a) && a.length <= max && a.every(ok);
  const text = (max) => (x) => typeof x === "string" && x.length <= max;
  const id = (x) => text(60)(x) && ID.test(x);

  // localStorage may be missing, or throw on any use (private mode, blocked or full storage).
  const raw = (key) => { try { return localStorage.getItem(key); } catch { return null; } };
  const drop = (key) => { try { localStorage.removeItem(key); } catch {} };
  const set = (key, value) => {
    try { localStorage.setItem(key, value); } catch { return false; }
    return raw(key) === value; // read back: only a write that reads back is kept
  };
  const parse = (value) => { try { return JSON.parse(value); } catch {} };

  // "" for a record this version reads, else where it is not: its name, or its name and the answer at fault.
  // Known keys only, each of its type, sizes bounded.
  function fault(name, r) {
    if (!isObject(r) || r.version !== VERSION) return name;
    if (name === "lessons") return only(r, ["version", "read"]) && list(r.read, 1000, text(500)) ? "" : name;
    if (name === "activity") {
      const at = isObject(r.at) && Object.entries(r.at);
      return only(r, ["version", "at"]) && list(at, 1000, ([k, v]) => text(500)(k) && Number.isInteger(v)) ? "" : name;
    }
    const result = r.result;
    const ok = only(r, ["version", "answers", "checked", "result"]) && isObject(r.answers) &&
      Object.keys(r.answers).length <= 1000 && (r.checked === undefined || list(r.checked, 1000, id)) &&
      (result === undefined || (isObject(result) && (only(result, ["band"]) ? text(1000)(result.band)
        : only(result, ["correct", "total", "done"]) && [result.correct, result.total].every(Number.isInteger) &&
          [undefined, true, false].includes(result.done))));
    if (!ok) return name;
    const bad = Object.entries(r.answers).find(([q, a]) => !id(q) || !(text(1e6)(a) || list(a, 100, id)));
    return bad ? `${name} › ${bad[0]}` : "";
  }

  // A saved record; undefined if there is none (or storage cannot be read); null if there is one this version
  // cannot read (a newer version's, or unknown): it is left as it is, and write() refuses to replace it.
  function read(name) {
    flush();
    const saved = raw(SCOPE + name);
    if (saved === null) {
      // A record saved before keys were scoped cannot tell which course on this address wrote it: each course copies
      // the ones it reads and leaves them in place for the others. Where both exist, the scoped record is the one
      // read and the old one is not touched; one this version cannot read is ignored. Clearing deletes both.
      const old = raw(LEGACY + name);
      if (old === null || fault(name, parse(old))) return;
      set(SCOPE + name, old);
      return parse(old);
    }
    const record = parse(saved);
    return fault(name, record) ? null : record;
  }

  // Why answers for `name` cannot be saved now: "locked" (a record this version cannot read is there),
  // "unavailable" (storage refuses writes), or "" when they can.
  function check(name) {
    if (read(name) === null) return "locked";
    const ok = set(SCOPE + "probe", "1");
    drop(SCOPE + "probe");
    return ok ? "" : "unavailable";
  }

  // A change to a quiz's answers is the reader's latest activity there (see touch).
  function write(name, fields) {
    const record = { ...fields, version: VERSION };
    const why = check(name);
    if (why || fault(name, record)) return why || "unavailable";
    const value = JSON.stringify(record);
    if (raw(SCOPE + name) === value) return "";
    if (!set(SCOPE + name, value)) return "unavailable";
    if (name !== "activity" && name !== "lessons") touch(name);
    return "";
  }

  // When the reader last did something on a step (a quiz's record name, or a lesson's page), in a record of its own:
  // records saved before it existed read as they did, and a version without it ignores it.
  const touch = (step) => write("activity", { at: { ...read("activity")?.at, [step]: Date.now() } });

  function names() {
    let keys = [];
    try { keys = Object.keys(localStorage); } catch {}
    const found = new Set();
    for (const key of keys) {
      for (const prefix of [SCOPE, LEGACY]) {
        const name = key.slice(prefix.length);
        if (key.startsWith(prefix) && NAME.test(name)) found.add(name);
      }
    }
    return [...found];
  }

  const remove = (name) => { drop(SCOPE + name); drop(LEGACY + name); };

  // Give `fn` the record `name` each time another tab or window changes it, or clears everything: a page that saved
  // its own copy later would write over answers given there. A record this version cannot read is not given. Once
  // `el` has left the page (instant navigation swaps pages in), the next change removes the listener instead. Removing
  // it sooner would not free the page: Material 9.8's instant navigation keeps every page it swapped out in memory
  // (its media-query subscriptions hold each page's sidebar, and with it the page), with or without this listener.
  const watch = (name, fn, el) => addEventListener("storage", function on(e) {
    if (!el.isConnected) return removeEventListener("storage", on);
    if (e.key && e.key !== SCOPE + name) return;
    const record = read(name);
    if (record !== null) fn(record);
  });

  // --- Debounced saves: run at the latest when the page is left or hidden, or before anything is read ---
  const pending = new Map();
  // Save with `fn` soon, replacing what `owner` had waiting; without `fn`, forget it.
  function later(owner, fn) {
    clearTimeout(pending.get(owner)?.timer);
    pending.delete(owner);
    if (fn) pending.set(owner, { fn, timer: setTimeout(() => run(owner), 300) });
  }
  // Run what `owner` had waiting, now.
  function run(owner) {
    const job = pending.get(owner);
    later(owner);
    job?.fn();
  }
  function flush() { pending.forEach((job, owner) => run(owner)); }
  // A phone may stop a page it has put in the background without `pagehide`; Safari leaves through a link without
  // `visibilitychange`.
  addEventListener("pagehide", flush);
  addEventListener("visibilitychange", flush);
  window.location$?.subscribe(flush); // Material's instant navigation leaves a page without `pagehide`

  // --- Moving answers between devices: the file names items without the site's path, so a file moves between
  // the published course and the offline copy ---
  const exportFile = () => ({
    format: FORMAT, version: 1, exported: new Date().toISOString(),
    items: Object.fromEntries(names().map((n) => [ITEM + n, read(n)]).filter(([, r]) => r)),
  });

  // This device's answer wins for a question answered in both places.
  const merge = (name, mine, theirs) => !mine ? theirs : name === "lessons"
    ? { read: [...new Set([...mine.read, ...theirs.read])] }
    : name === "activity" ? { at: { ...theirs.at, ...mine.at } }
    : {
      answers: { ...theirs.answers, ...mine.answers },
      checked: [...new Set([...mine.checked || [], ...(theirs.checked || []).filter((q) => !(q in mine.answers))])],
      result: Object.keys(mine.answers).length ? mine.result : theirs.result,
    };

  // All of the file's items are written and read back, or nothing changes. Replace also deletes what the file
  // lacks, once the rest is safely written; Merge leaves a record this version cannot read as it is.
  function put(items, replace) {
    const ready = [];
    for (const [name, record] of items) {
      const mine = read(name);
      if (mine !== null || replace) {
        ready.push([SCOPE + name, JSON.stringify({ ...replace ? record : merge(name, mine, record), version: VERSION })]);
      }
    }
    // First a copy of every record beside the one it replaces: if the browser refuses any (a full storage), nothing
    // has changed yet. Then each copy makes room for its record, so writing over the old ones needs no more space.
    const copy = (key) => SCOPE + "import:" + key;
    if (!ready.every(([key, value]) => set(copy(key), value))) {
      ready.forEach(([key]) => drop(copy(key)));
      return false;
    }
    const before = ready.map(([key]) => raw(key));
    if (!ready.every(([key, value]) => (drop(copy(key)), set(key, value)))) {
      ready.forEach(([key], i) => { drop(copy(key)); before[i] === null ? drop(key) : set(key, before[i]); });
      return false;
    }
    const kept = new Set(items.map(([name]) => name));
    if (replace) for (const name of names()) kept.has(name) ? drop(LEGACY + name) : remove(name);
    return true;
  }

  // What loading an answers file did: an interface string's key, and its values.
  function importText(value, replace) {
    const file = value.length < 1e7 ? parse(value) : null;
    if (!isObject(file) || file.format !== FORMAT || file.version !== 1 || !isObject(file.items) ||
        Object.keys(file.items).length > 1000) return { key: "import_bad" };
    const items = [];
    for (const [key, record] of Object.entries(file.items)) {
      const name = key.startsWith(ITEM) ? key.slice(ITEM.length) : "";
      const bad = NAME.test(name) ? fault(name, record) : key;
      if (bad) return { key: "import_bad_item", item: NAME.test(name) ? ITEM + bad : key };
      items.push([name, record]);
    }
    if (!put(items, replace)) return { key: "import_failed" };
    return { key: replace ? "imported" : "imported_merged", count: items.length };
  }

  // A visible, polite message, once per page: added empty, then filled, so that screen readers announce it.
  function notice(anchor, message) {
    for (const p of document.querySelectorAll(".closer-notice")) if (p.dataset.text === message) return;
    const p = document.createElement("p");
    p.className = "closer-notice";
    p.setAttribute("role", "status");
    p.dataset.text = message;
    anchor.after(p);
    setTimeout(() => (p.textContent = message), 100);
  }

  // Half away from zero, on the decimal number a float stands for (1.005 * 100 is 100.49999999999999): the rule
  // people use on paper, and the engine's `scoring.round_score`.
  const round = (x, digits = 0) =>
    Math.sign(x) * Math.round(+(Math.abs(x) * 10 ** digits).toPrecision(12)) / 10 ** digits;

  window.Closer = { config, read, check, write, touch, remove, watch, names, later, exportFile, importText, notice, round };
})();
