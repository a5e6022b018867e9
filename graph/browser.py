"""Opening the network page in a real browser: Debian's Chromium driven by playwright.

Used by the browser tests and to take the README's screenshot. playwright's own
browser download is never used: the browser is ``$CHROMIUM``, else ``chromium``
on the PATH. playwright is a development dependency, imported only here.

    python -m graph.browser exports/network.html docs/network.png --search Goldsmith
"""

from __future__ import annotations

import argparse
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .errors import ServiceError
from .files import write_atomic

#: Flags for a headless Chromium that talks to no one: no sandbox (containers), no GPU,
#: no background updates or first-run fetches.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
SCREEN = {"width": 1280, "height": 800}
READY_TIMEOUT_MS = 60_000


def chromium() -> str | None:
    """The Chromium to drive, or None when this machine has none."""
    found = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    return found if found and Path(found).exists() else None


@contextmanager
def browser() -> Iterator[Any]:
    """A headless Chromium (a playwright ``Browser``), closed afterwards."""
    path = chromium()
    if path is None:
        raise ServiceError("no Chromium found: install Debian's chromium (apt-get install chromium) or set CHROMIUM")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise ServiceError("playwright is not installed: pip install -e '.[dev]'") from None
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


def open_page(launched: Any, page: Path, *, viewport: dict[str, int] = SCREEN,
              before: Callable[[Any], None] | None = None) -> Any:
    """A new tab showing ``page`` from ``file://``, once its layout has settled.

    ``before`` gets the tab before it loads (to listen to its requests, say). Waits on a
    selector, not a script: the page's Content-Security-Policy forbids eval.
    """
    tab = launched.new_page(viewport=viewport)
    if before is not None:
        before(tab)
    tab.goto(page.resolve().as_uri())
    tab.wait_for_selector("body[data-state=ready]", state="attached", timeout=READY_TIMEOUT_MS)
    return tab


def search(tab: Any, name: str) -> None:
    """Type ``name`` into the page's search box, pick the first match, and wait for the zoom to end."""
    tab.fill("#search", name)
    tab.press("#search", "Enter")
    settle(tab)


def settle(tab: Any, seconds: float = 5.0) -> None:
    """Wait until the view stops moving (vis-network animates zooms)."""
    view = None
    for _ in range(int(seconds * 10)):
        tab.wait_for_timeout(100)
        now = tab.evaluate("[okg.network.getViewPosition(), okg.network.getScale()]")
        if now == view:
            return
        view = now


def screenshot(page: Path, out: Path, *, search_for: str | None = None) -> Path:
    """A 1280×800 PNG of ``page`` (after searching ``search_for``, if given), written atomically."""
    with browser() as launched:
        tab = open_page(launched, page)
        if search_for:
            search(tab, search_for)
        write_atomic(out, tab.screenshot(caret="hide", animations="disabled"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description="Screenshot the network page at 1280x800.")
    parser.add_argument("page", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--search", help="search for this name first, so the panel shows it")
    args = parser.parse_args()
    print(f"wrote {screenshot(args.page, args.out, search_for=args.search)}")


if __name__ == "__main__":
    main()
