"""End to end in a real headless Chromium (Debian's, driven by Playwright) against a real server:
search, facet toggling, opening a cable, following a reference, comparing releases, uploading a file
and finding it. Screenshots of the main pages go to ``test-artefacts/`` (described in docs/web.md)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import services
from archive_support import cable
from web_support import build_archive, running_server

ARTEFACTS = Path(__file__).resolve().parent.parent / "test-artefacts"
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    with running_server(build_archive(tmp_path_factory.mktemp("web-browser"))) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    path = services.chromium_path()
    if path is None:
        services.unavailable("no Chromium (Debian: apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        services.unavailable("the playwright package is not installed")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
    outside: list[str] = []
    # every asset is served by cablegram itself: a request anywhere else fails the test
    context.on("request", lambda r: outside.append(r.url) if not r.url.startswith(base_url) else None)
    pg = context.new_page()
    pg.set_default_timeout(10_000)
    yield pg
    context.close()
    assert outside == []


def shot(page, name: str) -> None:
    ARTEFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / f"{name}.png"), full_page=True)


def search(page, query: str) -> None:
    page.goto("/")
    page.fill("input[name=q]", query)
    page.press("input[name=q]", "Enter")
    page.wait_for_selector("#total, #query-error")


def test_search_shows_hits_with_marked_words_and_a_timeline(page):
    shot_landing = page.goto("/")
    assert shot_landing.ok
    shot(page, "landing")
    search(page, "nuclear")
    assert page.inner_text("#total") == "3"
    assert page.locator(".hit").count() == 3
    assert page.locator(".snippet mark").first.inner_text().lower() == "nuclear"
    assert page.locator(".timeline svg a.bar").count() >= 1
    shot(page, "search")


def test_facet_toggles_on_and_off(page):
    search(page, "nuclear")
    page.locator(".facet[data-facet=class] a", has_text="SECRET").click()
    page.wait_for_selector(".facet[data-facet=class] li.active")
    assert page.input_value("input[name=q]") == "nuclear class:SECRET"
    assert page.inner_text("#total") == "1"
    page.locator(".facet[data-facet=class] li.active a").click()
    page.wait_for_selector("#total")
    assert page.input_value("input[name=q]") == "nuclear"
    assert page.inner_text("#total") == "3"


def test_timeline_bar_narrows_to_its_month(page):
    search(page, "tag:PREL")
    page.locator(".timeline a.bar").first.click()
    page.wait_for_selector("#total")
    assert re.search(r"date:\d{4}-\d{2}$", page.input_value("input[name=q]"))


def test_brushing_the_timeline_narrows_to_a_range_of_months(page):
    search(page, "tag:PREL")  # the example (1996-04) and three records of 2008-02
    box = page.locator(".timeline svg").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + 2, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2, y, steps=4)
    page.mouse.move(box["x"] + box["width"] - 2, y, steps=4)
    page.mouse.up()
    page.wait_for_url(re.compile("date%3A"))
    assert page.input_value("input[name=q]") == "tag:PREL date:1996-04..2008-02"
    assert page.inner_text("#total") == "4"


def test_open_a_cable_and_follow_a_reference(page):
    search(page, "six-party")
    page.locator(".hit-title").first.click()
    page.wait_for_selector("article.telegram")
    assert "CONFIDENTIAL" in page.inner_text(".banner")
    assert page.inner_text("h1.subject").startswith("RUSSIA ON SIX-PARTY TALKS")
    assert "External Political Relations" in page.inner_text("ul.tags")
    tags_title = page.get_attribute("dd:has(ul.tags)", "title")
    assert tags_title and "characters" in tags_title  # where the field was read
    assert page.locator(".ref.dangling").count() == 1
    shot(page, "cable")
    page.locator(".ref.resolved a").click()
    page.wait_for_selector("article.telegram")
    assert page.url.endswith("/cable/2008STATE012345")
    assert "SECRET" in page.inner_text(".banner")
    assert "2008MOSCOW000220" in page.inner_text(".cited-by")


def test_a_field_links_to_its_place_in_the_original_text(page):
    page.goto("/cable/2008STATE012345")
    page.locator("dd:has(ul.tags) a.src").click()
    page.wait_for_selector("mark#hl")
    assert page.inner_text("mark#hl") == "PREL, KN, KS"
    shot(page, "original")


def test_compare_releases_side_by_side(page):
    page.goto("/cable/2008MOSCOW000220")
    page.click("a.compare")
    page.wait_for_selector("table.paragraphs-compare")
    marked = page.locator("table.paragraphs-compare .only").all_inner_texts()
    assert any("(B6)" in m for m in marked) and any("nuclear declaration" in m for m in marked)
    assert "RELEASE IN PART" in page.locator("table.fields tr.differs", has_text="release").first.inner_text()
    shot(page, "compare")


def test_browse_tags_with_counts_over_time(page):
    page.goto("/browse/tags")
    row = page.locator("table.trends tr", has_text="PREL")
    assert "External Political Relations" in row.inner_text()
    assert row.locator("svg.spark rect").count() == 2  # 1996 and 2008
    shot(page, "browse")
    row.locator("a").first.click()
    page.wait_for_selector("#total")
    assert page.input_value("input[name=q]") == "tag:PREL"


def test_upload_a_file_and_find_it(page, tmp_path):
    upload = tmp_path / "cairo.txt"
    upload.write_text(cable(77, station="CAIRO", origin="AMEMBASSY CAIRO", tags="PGOV, EG", year=2009,
                            subject="EGYPT: PAPYRUS MUSEUM REOPENS", body="The papyrus museum reopened."))
    page.goto("/ingest")
    page.set_input_files("input[name=files]", str(upload))
    page.click("form[action=\"/ingest\"] button[type=submit]")
    page.wait_for_selector(".job[data-state=done]", timeout=20_000)  # the page refreshes itself
    assert "cairo.txt" in page.inner_text(".files")
    shot(page, "ingest-job")
    page.locator(".added a").first.click()
    page.wait_for_selector("article.telegram")
    assert page.inner_text("h1.subject").startswith("EGYPT: PAPYRUS MUSEUM REOPENS")
    search(page, "papyrus")
    assert page.inner_text("#total") == "1"
