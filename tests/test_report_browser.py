"""The reference report in a real browser (headless Chromium over the DevTools pipe).

Checks that the page loads from a ``file://`` URL with no console messages,
no uncaught exceptions and no failed loads; that every figure decodes
(``naturalWidth > 0``) at its intended size; and that the screenshot of each
figure's region is a drawn chart, not a blank box.

The browser is Debian's ``chromium`` (``/usr/bin/chromium``, or ``$CHROMIUM``).
Where there is none the tests are skipped, saying so.  The browser is driven
with ``--remote-debugging-pipe`` (JSON messages separated by NUL bytes on file
descriptors 3 and 4), so no port is opened and nothing but the standard
library is needed.
"""

from __future__ import annotations

import base64
import io
import json
import os
import select
import shutil
import subprocess
import time
from pathlib import Path

import numpy as np
import pytest

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--hide-scrollbars", "--mute-audio", "--remote-debugging-pipe"]
TIMEOUT = 20.0  # s: the whole browser session; a healthy one takes 1-3 s

pytestmark = pytest.mark.skipif(not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)),
                                reason=f"no Chromium browser at {CHROMIUM} (apt-get install chromium, or set CHROMIUM)")


def _high(fd: int) -> int:
    """``fd`` moved to a descriptor number >= 10, close-on-exec."""
    import fcntl

    new = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return new


class Browser:
    """A headless Chromium driven over the DevTools pipe (one page)."""

    def __init__(self, tmp: Path):
        # Pipe ends numbered >= 10 (close-on-exec), so that placing them on 3 and 4
        # in the child cannot overwrite one with the other.
        to_child_r, self._w, self._r, from_child_w = (_high(fd) for pair in (os.pipe(), os.pipe()) for fd in pair)

        def fds():  # in the child: commands in on fd 3, replies out on fd 4 (dup2 clears close-on-exec)
            os.dup2(to_child_r, 3)
            os.dup2(from_child_w, 4)

        # close_fds=False keeps 3 and 4 (set up after the close would run); every
        # other descriptor of this process is close-on-exec (PEP 446).
        self.proc = subprocess.Popen([CHROMIUM, *FLAGS, f"--user-data-dir={tmp / 'profile'}", "about:blank"],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                     close_fds=False, preexec_fn=fds)
        os.close(to_child_r)
        os.close(from_child_w)
        self._buf = b""
        self._id = 0
        self.events = []
        self.deadline = time.monotonic() + TIMEOUT
        target = next(t for t in self.send("Target.getTargets")["targetInfos"] if t["type"] == "page")
        self.session = self.send("Target.attachToTarget", targetId=target["targetId"], flatten=True)["sessionId"]

    def _read(self):
        while b"\0" not in self._buf:
            left = self.deadline - time.monotonic()
            if left <= 0 or not select.select([self._r], [], [], left)[0]:
                raise TimeoutError("Chromium did not answer in time")
            chunk = os.read(self._r, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self._buf += chunk
        msg, self._buf = self._buf.split(b"\0", 1)
        return json.loads(msg)

    def send(self, method, session=None, **params):
        self._id += 1
        msg = {"id": self._id, "method": method, "params": params}
        if session:
            msg["sessionId"] = session
        os.write(self._w, json.dumps(msg).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def page(self, method, **params):
        return self.send(method, self.session, **params)

    def wait_for(self, method):
        while not any(e.get("method") == method for e in self.events):
            self.events.append(self._read())

    def close(self):
        try:
            self.send("Browser.close")
        except (RuntimeError, TimeoutError, OSError):
            pass
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._r)
        os.close(self._w)


def load(url: str, tmp: Path, width=1280):
    """Open ``url``; return (problems seen by the page, image facts, full-page screenshot RGB array)."""
    from matplotlib.image import imread

    b = Browser(tmp)
    try:
        for domain in ("Page", "Runtime", "Log", "Network"):
            b.page(f"{domain}.enable")
        b.page("Emulation.setDeviceMetricsOverride", width=width, height=900, deviceScaleFactor=1, mobile=False)
        b.page("Page.navigate", url=url)
        b.wait_for("Page.loadEventFired")
        images = b.page("Runtime.evaluate", returnByValue=True, expression="""
            Array.from(document.images).map(i => {const r = i.getBoundingClientRect();
              return {id: i.closest('figure') ? i.closest('figure').id : '', complete: i.complete,
                      natural: [i.naturalWidth, i.naturalHeight], x: r.left + scrollX, y: r.top + scrollY,
                      w: r.width, h: r.height};})""")["result"]["value"]
        height = b.page("Runtime.evaluate", returnByValue=True,
                        expression="document.documentElement.scrollHeight")["result"]["value"]
        shot = b.page("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                      clip={"x": 0, "y": 0, "width": width, "height": height, "scale": 1})
        problems = []
        for e in b.events:
            m, p = e.get("method"), e.get("params", {})
            if m == "Runtime.consoleAPICalled":
                problems.append(f"console.{p.get('type')}: {p.get('args')}")
            elif m == "Runtime.exceptionThrown":
                problems.append(f"exception: {p.get('exceptionDetails', {}).get('text')}")
            elif m == "Log.entryAdded":
                problems.append(f"log {p['entry'].get('level')}: {p['entry'].get('text')}")
            elif m == "Network.loadingFailed":
                problems.append(f"load failed: {p.get('errorText')}")
            elif m == "Network.requestWillBeSent":
                scheme = p["request"]["url"].split(":", 1)[0]
                if scheme not in ("file", "data"):
                    problems.append(f"external request: {p['request']['url']}")
    finally:
        b.close()
    rgb = imread(io.BytesIO(base64.b64decode(shot["data"])), format="png")[..., :3]
    return problems, images, rgb


@pytest.fixture(scope="module")
def reference_page(tmp_path_factory):
    from coolsim.cases import REFERENCE_CASE, load_case
    from coolsim.report import write_report

    out = tmp_path_factory.mktemp("report")
    path = write_report(load_case(REFERENCE_CASE), out)
    return path, load(path.resolve().as_uri(), tmp_path_factory.mktemp("chromium"))


def test_reference_report_loads_without_console_errors(reference_page):
    _, (problems, _, _) = reference_page
    assert problems == []


def test_reference_report_figures_decode(reference_page):
    path, (_, images, _) = reference_page
    expected = {"fig-airflow", "fig-coolant", "fig-pue", "fig-power", "fig-maintenance"}
    assert {i["id"] for i in images} == expected
    for i in images:
        assert i["complete"] and i["natural"][0] > 300 and i["natural"][1] > 200, i
        # Shown at least 400 px wide in a 1280 px window (two figures per row): readable.
        assert i["w"] >= 400 and i["h"] >= 150, i


def test_reference_report_screenshot_shows_figures(reference_page):
    path, (_, images, rgb) = reference_page
    for i in images:
        x0, y0 = int(i["x"]) + 2, int(i["y"]) + 2
        region = rgb[y0:y0 + int(i["h"]) - 4, x0:x0 + int(i["w"]) - 4]
        assert region.shape[0] > 100 and region.shape[1] > 100, i
        # Ink: pixels clearly darker than white.  A drawn chart has axes, text and
        # filled bars: well over 3 % of its area (measured 8-25 %); a blank or
        # broken image is ~0 %.
        ink = np.mean(region.min(axis=2) < 0.85)
        assert ink > 0.03, (i["id"], ink)
        # Colour: saturated pixels (bars, lines) with variance across the region,
        # not a uniform fill.  Measured ≥ 2 % saturated; a grey/blank box has none.
        saturation = region.max(axis=2) - region.min(axis=2)
        assert np.mean(saturation > 0.3) > 0.01, (i["id"], np.mean(saturation > 0.3))
        assert float(region.std()) > 0.05, (i["id"], float(region.std()))


def test_browser_check_detects_a_broken_page(tmp_path):
    # The check must be able to fail: a console error, a missing image and an
    # external request are each reported.
    page = tmp_path / "broken.html"
    page.write_text('<!DOCTYPE html><html><head><meta charset="utf-8"><title>x</title></head><body>'
                    '<img src="missing.png"><script>console.error("boom")</script></body></html>')
    problems, images, _ = load(page.as_uri(), tmp_path)
    text = " | ".join(problems)
    assert "console.error" in text and "boom" in text
    assert "load failed" in text
    assert images and images[0]["natural"] == [0, 0]
