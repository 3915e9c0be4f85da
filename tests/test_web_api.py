"""The JSON API and the pages' HTML, over a real uvicorn server and a real SQLite archive."""

from __future__ import annotations

import csv
import io
import json
import time

import httpx
import pytest
from archive_support import cable
from web_support import HOSTILE_SUBJECT, build_archive, running_server

from cablegram.vocab.tables import tags as tag_table


@pytest.fixture(scope="module", params=["index", "store"])
def server(request, tmp_path_factory):
    """The server over an archive searched through its tantivy index, then through the store's own
    full-text index: the API answers the same either way."""
    folder = tmp_path_factory.mktemp("web-api")
    with running_server(build_archive(folder, index=request.param == "index"), max_upload_bytes=64 * 1024) as base:
        yield base, folder, request.param


@pytest.fixture(scope="module")
def client(server):
    with httpx.Client(base_url=server[0], timeout=20) as c:
        yield c


def assert_error(response: httpx.Response, status: int, code: str) -> dict:
    """The one error shape: status, JSON ``{"ok": false, "error": {"code", "message"}}``, a message."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"ok", "error"} and body["ok"] is False
    assert set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code
    assert body["error"]["message"].strip()
    return body["error"]


# -- search --------------------------------------------------------------------------------------------
def test_search_returns_rows_total_facets_and_english(client):
    body = client.get("/api/search", params={"q": "nuclear", "facets": "tag,class"}).json()
    assert body["ok"] is True
    assert body["total"] == len(body["rows"]) == 3  # Moscow's two releases and State's cable
    assert {r["key"] for r in body["rows"]} == {"2008MOSCOW000220", "2008STATE012345"}
    assert all("[" in r["snippet"].lower() for r in body["rows"])
    assert dict(map(tuple, body["facets"]["class"]["counts"])) == {"CONFIDENTIAL": 2, "SECRET": 1}
    assert body["query"] == 'the text contains the word "nuclear"'
    assert body["next"] is None


def test_search_cursor_walks_every_page_once(client):
    seen, cursor = [], None
    for _ in range(10):
        params = {"q": "nuclear", "limit": 1, "sort": "date", **({"cursor": cursor} if cursor else {})}
        body = client.get("/api/search", params=params).json()
        seen += [r["record_id"] for r in body["rows"]]
        cursor = body["next"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == 3


def test_cursor_of_another_query_is_refused(client):
    cursor = client.get("/api/search", params={"q": "nuclear", "limit": 1}).json()["next"]
    assert_error(client.get("/api/search", params={"q": "tag:PREL", "cursor": cursor}), 422, "bad_cursor")
    assert_error(client.get("/api/search", params={"q": "nuclear", "cursor": "not-a-cursor"}), 422, "bad_cursor")


def test_search_as_csv_has_a_header_and_one_line_per_row(client):
    response = client.get("/api/search", params={"q": "tag:PREL", "format": "csv"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    total = client.get("/api/search", params={"q": "tag:PREL"}).json()["total"]
    assert len(rows) == total and {"key", "subject", "snippet"} <= set(rows[0])


@pytest.mark.parametrize("query", ["(nuclear", "tag:", "--", 'subject:"x\') OR 1=1 --'])
def test_malformed_query_gives_the_error_shape(client, query):
    response = client.get("/api/search", params={"q": query})
    if response.status_code == 200:  # a hostile but well-formed query is just words
        assert response.json()["total"] == 0
    else:
        assert "bad query" in assert_error(response, 422, "bad_query")["message"]


def test_a_query_holding_a_nul_character_is_refused_with_a_message(client):
    message = assert_error(client.get("/api/search", params={"q": "nuclear\x00x"}), 422, "bad_query")["message"]
    assert "NUL character" in message and "position 8" in message


def test_bad_parameters_give_the_error_shape(client):
    assert_error(client.get("/api/search", params={"q": "nuclear", "limit": 0}), 422, "invalid_request")
    assert_error(client.get("/api/search", params={"q": "nuclear", "sort": "random"}), 422, "invalid_request")
    assert_error(client.get("/api/search"), 422, "invalid_request")
    assert_error(client.get("/api/search", params={"q": "nuclear", "facets": "colour"}), 422, "bad_query")


def test_unknown_api_path_and_method_give_the_error_shape(client):
    assert_error(client.get("/api/nothing-here"), 404, "not_found")
    assert_error(client.delete("/api/search"), 405, "method_not_allowed")


# -- cables --------------------------------------------------------------------------------------------
def test_cable_gives_record_releases_and_references(client):
    body = client.get("/api/cables/08moscow220").json()["cable"]
    assert body["canonical_id"] == "2008MOSCOW000220" and body["held"] is True
    assert body["record"]["subject"] == "RUSSIA ON SIX-PARTY TALKS AND NUCLEAR DECLARATION"
    assert len(body["releases"]) == 2
    assert {c["ref_id"]: c["state"] for c in body["cites"]} == {"2008STATE012345": "resolved",
                                                                "2008MOSCOW000100": "dangling"}


def test_unknown_cable_is_404(client):
    assert_error(client.get("/api/cables/1999NOWHERE000001"), 404, "not_found")


def test_releases_as_json_and_csv(client):
    rows = client.get("/api/cables/2008MOSCOW000220/releases").json()["rows"]
    assert [r["released"] for r in rows] == [None, "part"]
    assert rows[1]["exemptions"] == ["B6"] and rows[1]["doc_number"] == "C05770206"
    table = list(csv.DictReader(io.StringIO(client.get("/api/cables/2008MOSCOW000220/releases?format=csv").text)))
    assert [r["record"] for r in table] == [r["record"] for r in rows]


def test_one_release_gives_its_record_with_text(client):
    record_id = client.get("/api/cables/2008MOSCOW000220/releases").json()["rows"][1]["record"]
    record = client.get(f"/api/releases/{record_id}").json()["record"]
    assert record["release"]["status"] == "RELEASE IN PART" and "(B6)" in record["text"]
    assert_error(client.get("/api/releases/r987654"), 404, "not_found")
    assert_error(client.get("/api/releases/x1"), 422, "invalid_request")
    assert_error(client.get("/api/releases/..%2Fetc"), 404, "not_found")


def test_graph_neighbours_both_ways(client):
    moscow = client.get("/api/cables/2008MOSCOW000220/graph").json()
    assert {(c["id"], c["state"]) for c in moscow["cites"]} == {("2008STATE012345", "resolved"),
                                                               ("2008MOSCOW000100", "dangling")}
    state = client.get("/api/cables/2008STATE012345/graph").json()
    assert {c["id"] for c in state["cited_by"]} == {"2008MOSCOW000220"}
    dangling = client.get("/api/cables/2008MOSCOW000100/graph").json()
    assert dangling["held"] is False and dangling["cited_by"]


def test_compare_marks_what_one_release_shows_and_the_other_lacks(client):
    body = client.get("/api/cables/2008MOSCOW000220/compare").json()
    first = next(p for p in body["paragraphs"] if p["label"] == "1")
    only_a = " ".join(x["text"] for x in first["a"] if x["only"])
    only_b = " ".join(x["text"] for x in first["b"] if x["only"])
    assert "nuclear declaration" in only_a and "(B6)" in only_b
    release = next(f for f in body["fields"] if f["field"] == "release status")
    assert release["differs"] and release["a"] == "" and release["b"] == "RELEASE IN PART"
    assert first["differs"] and "B6" in first["marks_b"]
    assert_error(client.get("/api/cables/2008STATE012345/compare"), 404, "not_found")


# -- browsing and export -------------------------------------------------------------------------------
def test_tags_carry_meanings_and_counts_per_year(client):
    rows = {r["code"]: r for r in client.get("/api/tags").json()["rows"]}
    assert rows["PREL"]["total"] == 4  # Moscow twice, State, the example
    assert rows["PREL"]["meaning"] == tag_table()["PREL"][0].meaning
    assert dict(map(tuple, rows["PREL"]["by_year"])) == {1996: 1, 2008: 3}
    table = list(csv.DictReader(io.StringIO(client.get("/api/tags?format=csv").text)))
    assert {r["code"] for r in table} == set(rows)


def test_browse_posts_and_people(client):
    posts = {r["value"]: r["total"] for r in client.get("/api/browse/from").json()["rows"]}
    assert posts["AMEMBASSY MOSCOW"] == 2 and posts["SECSTATE WASHDC"] == 2
    people = {r["value"] for r in client.get("/api/browse/drafter").json()["rows"]}
    assert "JGOLDSTEIN" in people
    assert_error(client.get("/api/browse/shoe-size"), 422, "bad_query")


def test_export_streams_every_match(client):
    lines = client.get("/api/export", params={"q": "tag:PREL"}).text.splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 4 and all(r["schema"] == "cablegram/1" for r in records)
    table = list(csv.DictReader(io.StringIO(client.get("/api/export", params={"q": "tag:PREL", "format": "csv"}).text)))
    assert sorted(r["record_id"] for r in table) == sorted(str(i) for i in
                                                          [r["record_id"] for r in client.get("/api/search", params={"q": "tag:PREL"}).json()["rows"]])
    assert_error(client.get("/api/export", params={"q": "(("}), 422, "bad_query")


def test_overview_counts_records_and_cables(client, server):
    body = client.get("/api/overview").json()
    assert body["records"] >= 5 and body["cables"] >= 4 and body["first"] == "1996-04-11"
    assert body["search_index"] is (server[2] == "index")


def test_openapi_lists_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/search", "/api/export", "/api/cables/{key}", "/api/cables/{key}/releases",
                 "/api/cables/{key}/graph", "/api/cables/{key}/compare", "/api/tags", "/api/browse/{facet}",
                 "/api/ingest", "/api/jobs/{job_id}"):
        assert path in paths, path


# -- ingest --------------------------------------------------------------------------------------------
def wait_for_job(client: httpx.Client, url: str) -> dict:
    for _ in range(300):
        body = client.get(url).json()
        if body["job"]["state"] != "running":
            return body
        time.sleep(0.05)
    raise AssertionError(f"{url} still running")


def test_upload_is_ingested_and_found(client, server):
    text = cable(41, station="LIMA", origin="AMEMBASSY LIMA", tags="ECON, PE", classification="UNCLASSIFIED",
                 subject="PERU: GUANO EXPORTS", body="Guano exports doubled.")
    response = client.post("/api/ingest", files=[("files", ("../../../etc/lima.txt", text.encode(), "text/plain"))])
    assert response.status_code == 202, response.text
    body = wait_for_job(client, response.json()["url"])
    assert body["job"]["state"] == "done" and body["job"]["documents"] == 1
    assert [r["key"] for r in body["records"]] == ["2008LIMA000041"]
    assert body["job"]["files"] == [["../../../etc/lima.txt", len(text.encode())]]  # shown, never used as a path
    saved = list((server[1] / "uploads" / "files").rglob("*.txt"))
    assert [p.name.endswith(".txt") and ".." not in p.name for p in saved] == [True]
    assert client.get("/api/search", params={"q": "guano"}).json()["total"] == 1


def test_upload_limits_give_the_error_shape(client):
    assert_error(client.post("/api/ingest", files=[("files", ("x.exe", b"MZ\x90\x00", "application/octet-stream"))]),
                 415, "unsupported_type")
    assert_error(client.post("/api/ingest", files=[("files", ("fake.pdf", b"hello", "application/pdf"))]),
                 415, "unsupported_type")
    assert_error(client.post("/api/ingest", files=[("files", ("big.txt", b"A" * 100_000, "text/plain"))]),
                 413, "too_large")
    assert_error(client.post("/api/ingest", data={"nothing": "here"}), 422, "invalid_request")
    assert_error(client.post("/api/ingest", content=b"--xx\r\nContent-Disposition: form-data\r\n\r\n",
                             headers={"content-type": "multipart/form-data; boundary=xx"}), 400, "bad_request")
    assert_error(client.get("/api/jobs/..%2F..%2Fetc"), 404, "not_found")
    assert_error(client.get("/api/jobs/" + "0" * 32), 404, "not_found")


# -- pages ---------------------------------------------------------------------------------------------
def test_markup_in_a_cable_is_shown_as_text(client):
    key = client.get("/api/search", params={"q": "tag:JA"}).json()["rows"][0]["key"]
    for page in (f"/cable/{key}", "/search?q=tag:JA", f"/cable/{key}/original"):
        html = client.get(page).text
        assert "<script>alert" not in html and "<b>BOLD" not in html, page
        assert "&lt;script&gt;" in html, page
    assert "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;" in client.get(f"/cable/{key}").text
    assert HOSTILE_SUBJECT == client.get(f"/api/cables/{key}").json()["cable"]["record"]["subject"]


def test_pages_answer_and_send_no_outside_references(client):
    for page in ("/", "/search?q=nuclear", "/cable/2008MOSCOW000220", "/cable/2008MOSCOW000220/compare",
                 "/cable/2008MOSCOW000100", "/browse/tags", "/browse/posts", "/browse/people", "/ingest"):
        response = client.get(page)
        assert response.status_code == 200, page
        assert "http://" not in response.text and "https://" not in response.text, page
        assert "default-src 'self'" in response.headers["content-security-policy"]


def test_page_errors_are_pages(client):
    response = client.get("/cable/1999NOWHERE000001")
    assert response.status_code == 404 and response.headers["content-type"].startswith("text/html")
    assert "no cable" in response.text
    bad = client.get("/search", params={"q": "(nuclear"})
    assert bad.status_code == 422 and "bad query" in bad.text and 'value="(nuclear"' in bad.text
