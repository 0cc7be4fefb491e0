"""Where the external checkers live, and how to run Lighthouse with Debian's Chromium."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
# Without the networking flags Chromium calls Google hosts as it starts.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# WebKit, Safari's engine, as Debian's WebKitGTK ships it: its WebDriver opens MiniBrowser, which needs a display.
WEBKIT_DRIVER = Path("/usr/bin/WebKitWebDriver")
MINIBROWSER_GLOB = "usr/lib/*/webkit2gtk-4.1/MiniBrowser"
XVFB = Path("/usr/bin/Xvfb")
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "bin.js"
RUN_LIGHTHOUSE = ROOT / "scripts" / "lighthouse.mjs"


def lighthouse(url: str, categories: list[str], *, preset: str | None = None, throttling: str | None = None,
               any_certificate: bool = False) -> dict:
    """Run the repository's pinned Lighthouse against `url`; return its JSON report or raise RuntimeError.

    `throttling="devtools"` slows the browser's network and CPU for real instead of simulating a slow phone;
    `any_certificate` accepts a certificate no authority signed, such as `serve.serve_https`'s.
    """
    flags = [*CHROMIUM_ARGS, *(["--ignore-certificate-errors"] if any_certificate else [])]
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        # The full-page screenshot only illustrates the HTML report, and takes a second of every run.
        command = ["node", str(RUN_LIGHTHOUSE), url, "--output=json", f"--output-path={report}", "--quiet",
                   "--disable-full-page-screenshot", f"--chrome-flags={' '.join(flags)}",
                   f"--only-categories={','.join(categories)}"]
        if preset:
            command.append(f"--preset={preset}")
        if throttling:
            command.append(f"--throttling-method={throttling}")
        result = subprocess.run(command, capture_output=True, text=True, timeout=180,
                                env={**os.environ, "CHROME_PATH": str(CHROMIUM)})
        if result.returncode != 0:
            raise RuntimeError(f"Lighthouse failed on {url}:\n{result.stderr[-3000:]}")
        return json.loads(report.read_text(encoding="utf-8"))
