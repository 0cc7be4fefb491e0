"""What browser tests need to watch Material's bundle write what the page already has."""

from __future__ import annotations

import re

BUNDLE = re.compile(r"/assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")
"""The address of Material's bundle, to block it."""
RECORDER = r"""
window.__bundleWrites = { all: 0, changed: [] };
const fromBundle = () => /\/bundle\.[0-9a-f]+\.min\.js/.test(new Error().stack);
const note = (what, before, after) => {
  __bundleWrites.all += 1;
  if (before !== after) __bundleWrites.changed.push(`${what}: ${before} -> ${after}`);
};
"""
"""The start of an init script: `note(what, before, after)` counts a write of the bundle's (`fromBundle()`) in
`window.__bundleWrites`, and keeps those that changed a value."""
