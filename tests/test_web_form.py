"""The scoring web form in a real headless browser (Debian's chromium and chromedriver, driven by
selenium): a Zalo officer, who cannot upload a workbook, asks /score privately and gets a personal
one-time link; invalid scores are refused on the page with the workbook's messages and nothing is
stored; valid ones are stored as a workbook would be and the receipt reaches the chat; a reused,
altered or expired link is refused.

Runs where chromium is installed (.ci/run installs it); elsewhere it is skipped and the summary says so
in red, never counted as passed.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from bot.clock import ManualClock
from bot.services.scores.table import DEFAULT
from storage.models import FormLink, ScoreSheet
from tests.test_e2e_zalo_flows import bloc
from tests.texts import said
from tests.zalo_harness import ZaloHarness
from tests.zalo_play import new_texts

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
INSTALL = "apt-get install chromium chromium-driver"
LINK = re.compile(r"(http://127\.0\.0\.1:\d+/form/\S+?)\s")

pytestmark = pytest.mark.parametrize("database", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def browser() -> Iterator[Any]:
    if not (CHROMIUM and DRIVER):
        if os.environ.get("CI"):  # .ci/run installs them: missing there is a failure, not a skip
            pytest.fail(f"chromium or chromedriver is not installed ({INSTALL})", pytrace=False)
        pytest.skip(f"chromium or chromedriver is not installed ({INSTALL})")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                 "--no-first-run", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--window-size=420,2400"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
async def zalo_web(tmp_path: Path, clock: ManualClock, database: str) -> Any:
    async with ZaloHarness(tmp_path, clock, public=True) as harness:
        yield harness


async def on(call: Any, *args: Any) -> Any:
    """A browser call, off the event loop: the bot's web server answers the page on this same loop."""
    return await asyncio.to_thread(call, *args)


def fill(driver: Any, scores: dict[str, str]) -> None:
    from selenium.webdriver.common.by import By

    for code, value in scores.items():
        field = driver.find_element(By.ID, f"score-{code}")
        field.clear()
        field.send_keys(value)
        note = driver.find_element(By.ID, f"note-{code}")
        note.clear()
        note.send_keys(f"Minh chứng {code}")


def text_of(driver: Any, element_id: str) -> str:
    """The element's text once the page that has it is loaded (a click returns before the next page
    arrives; WebDriverWait polls the browser, it does not sleep a fixed time)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    found = WebDriverWait(driver, 20).until(expected_conditions.presence_of_element_located((By.ID, element_id)))
    return str(found.text)


GOOD = {"I.1": "33,5", "I.2": "9", "I.3": "10", "II.1": "9,5", "II.2": "5", "II.3": "5", "III.1": "6", "III.2": "5,75",
        "IV.1": "4", "IV.2": "4", "IV.3": "4", "V": "2", "VI": "1"}


async def test_a_zalo_officer_scores_on_the_web_form(zalo_web: ZaloHarness, browser: Any, clock: ManualClock) -> None:
    zh = zalo_web
    p = await bloc(zh)
    await zh.zsay(p.lan, "/score_open 2026 | 10/12/2026 17:00")
    answer = await zh.zreply(p.hung, "/score")
    assert "«bang-diem-2026-YTE.xlsx»" in answer  # the workbook, which Zalo cannot carry, is described
    url = LINK.search(answer + " ")
    assert url is not None, answer
    link = url.group(1)

    # Invalid scores: refused on the page with the same words as a workbook, nothing stored.
    await on(browser.get, link)
    assert "Tự chấm điểm năm 2026" in await on(lambda: browser.page_source)
    await on(fill, browser, {**GOOD, "I.1": "45", "II.1": "nhiều"})
    assert await on(text_of, browser, "total") != "0"  # the running total follows the inputs
    await on(lambda: browser.find_element("id", "send").click())
    problems = await on(text_of, browser, "problems")
    assert said(problems.split("\n")[1], "form.over_max", code="I.1", value="45", max="35")
    assert said(problems.split("\n")[2], "form.cell_not_number", code="II.1", value="nhiều")
    assert zh.core is not None
    with zh.core.db.session() as s:
        assert list(s.exec(select(ScoreSheet))) == []
        assert all(row.used_at is None for row in s.exec(select(FormLink)))

    # Valid scores: stored as a workbook's would be, the receipt on the page and in the chat.
    await on(fill, browser, GOOD)
    assert await on(text_of, browser, "total") == "96,75"
    keep = os.environ.get("KHOIBOT_RENDER_DIR")
    if keep:
        await on(browser.execute_script, "window.scrollTo(0, 0)")
        await on(browser.save_screenshot, str(Path(keep) / "bieu-mau-cham-diem.png"))
    await on(lambda: browser.find_element("id", "send").click())
    done = await on(text_of, browser, "done")
    assert said(done.split("\n")[0], "form.done") and "Tổng: 96,75 điểm" in done
    with zh.core.db.session() as s:
        rows = list(s.exec(select(ScoreSheet)))
    assert len(rows) == 1 and rows[0].total == "96.75" and rows[0].checker_unit_id is None
    before = len(zh.zalo_api.sent)
    await zh.tick()
    receipt = [t for t in new_texts(zh, p.hung, before) if t.startswith("✅")]
    assert len(receipt) == 1 and said(receipt[0].split("\n")[0], "scores.received", code="YTE", version=1,
                                      when="23/11/2026 09:00")

    # The link is spent; an altered one fails its signature; an expired one is refused.
    await on(browser.get, link)
    assert said(await on(text_of, browser, "refused"), "form.used")
    await on(browser.get, link[:-1] + ("0" if link[-1] != "0" else "1"))
    assert said(await on(text_of, browser, "refused"), "form.bad_link")
    await on(browser.get, link.replace("/form/", "/form/x"))
    assert said(await on(text_of, browser, "refused"), "form.bad_link")
    fresh = LINK.search(await zh.zreply(p.hung, "/score") + " ")
    assert fresh is not None
    clock.advance(timedelta(hours=25))
    await on(browser.get, fresh.group(1))
    assert said(await on(text_of, browser, "refused"), "form.expired")
    assert len(DEFAULT.leaves) == len(GOOD)
