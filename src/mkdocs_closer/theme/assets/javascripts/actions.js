/* Closer, what only a reader's action needs, loaded by closer.js when they first reach for it: tooltips, and the
   palette's toggles. It answers the event that loaded it as it starts (`Closer.reached`). */
(() => {
  "use strict";
  const S = window.Closer;
  const { $$, titled } = S.site;

  // --- Tooltips: a title in the header or the page shown on hover and on keyboard focus, made only then ---
  const TIP = "closer-tip";
  let host = null;
  let hiding;
  function hideTip() {
    clearTimeout(hiding);
    document.getElementById(TIP)?.remove();
    if (!host) return;
    host.title = host.dataset.closerTitle;
    delete host.dataset.closerTitle;
    host.removeAttribute("aria-describedby");
    host = null;
  }
  function showTip(el) {
    clearTimeout(hiding);
    if (el === host || !el.title) return;
    hideTip();
    const tip = document.createElement("div");
    tip.id = TIP;
    tip.className = TIP;
    tip.setAttribute("role", "tooltip");
    tip.textContent = el.title;
    // The browser would show the title a second time; while the tooltip shows, it describes the element instead.
    el.dataset.closerTitle = el.title;
    el.removeAttribute("title");
    el.setAttribute("aria-describedby", TIP);
    host = el;
    document.body.append(tip);
    const box = el.getBoundingClientRect();
    const room = document.documentElement.clientWidth - tip.offsetWidth - 8;
    tip.style.left = `${scrollX + Math.max(8, Math.min(box.left + box.width / 2 - tip.offsetWidth / 2, room))}px`;
    tip.style.top = `${scrollY + box.bottom + 8}px`;
  }
  const tips = {
    // The pointer may cross to the tooltip and rest there; a touch goes straight to the link.
    pointerover(e) {
      const el = titled(e.target);
      if (e.pointerType !== "touch" && el) showTip(el);
      else if (el || e.target.closest?.("#" + TIP)) clearTimeout(hiding);
      else if (host && document.activeElement !== host) { clearTimeout(hiding); hiding = setTimeout(hideTip, 250); }
    },
    focusin: (e) => (titled(e.target) === e.target ? showTip(e.target) : hideTip()),
    focusout: (e) => e.target === host && hideTip(),
    keydown: (e) => e.key === "Escape" && hideTip(),
  };
  if (titled) for (const [type, listener] of Object.entries(tips)) document.addEventListener(type, listener);

  // --- The palette's toggles (partials/palette.html), as Material runs them; the palette itself is set before the
  // first paint (partials/javascripts/palette.html) ---
  const palette = document.querySelector("[data-closer-palette]");
  const inputs = palette ? $$(palette, "input") : [];
  const shown = () => inputs.findIndex((input) => input.nextElementSibling?.hidden === false);
  // The palette's own script (partials/javascripts/palette.html) shows it; the reader's choice is kept where, and as,
  // Material keeps it.
  function choose(index) {
    const color = {};
    for (const key of ["media", "scheme", "primary", "accent"]) {
      color[key] = inputs[index].getAttribute("data-md-color-" + key);
    }
    closerPalette(index);
    __md_set("__palette", { index, color });
    requestAnimationFrame(S.site.browserParts);
  }
  // A toggle chosen before this script came is the reader's choice too.
  const caughtUp = () => {
    const checked = inputs.findIndex((input) => input.checked);
    if (checked >= 0 && checked !== shown()) choose(checked);
  };
  const toggles = {
    change: caughtUp,
    // Enter switches to the next palette, as in Material.
    keydown(e) {
      if (e.key !== "Enter") return;
      const next = inputs[(shown() + 1) % inputs.length];
      next.click();
      next.focus();
    },
  };
  for (const [type, listener] of Object.entries(toggles)) palette?.addEventListener(type, listener);

  S.actions = { hideTip };
  const e = S.reached;
  if (!e) return;
  if (palette?.contains(e.target)) {
    caughtUp();
    toggles[e.type]?.(e);
  } else if (titled) tips[e.type]?.(e);
})();
