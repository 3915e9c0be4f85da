"""The web readers' shared summaries: computed once per state of the archive, recomputed when it changes."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from archive_support import cable
from web_support import build_archive

from cablegram.archive import ingest
from cablegram.web.readers import Readers, StateMemo


def test_one_answer_per_state_and_key():
    memo, calls = StateMemo(), []

    def compute(value):
        def run():
            calls.append(value)
            return value
        return run

    assert memo.get(1, "a", compute("first")) == "first"
    assert memo.get(1, "a", compute("second")) == "first"  # kept for the same state
    assert memo.get(1, "b", compute("other key")) == "other key"
    assert memo.get(2, "a", compute("new state")) == "new state"  # a new state forgets
    assert calls == ["first", "other key", "new state"]


def test_threads_asking_at_once_compute_once():
    memo, calls, release = StateMemo(), [], threading.Event()
    started = threading.Barrier(9)

    def slow():
        calls.append(1)
        release.wait(10)
        return "answer"

    answers = []

    def ask():
        started.wait(10)
        answers.append(memo.get("s", "k", slow))

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for t in threads:
        t.start()
    started.wait(10)
    release.set()
    for t in threads:
        t.join(10)
    assert answers == ["answer"] * 8 and calls == [1]


@pytest.mark.parametrize("with_index", [True, False], ids=["index", "store"])
def test_summaries_follow_the_archive_when_it_grows(tmp_path: Path, with_index: bool):
    archive = build_archive(tmp_path, index=with_index)
    readers = Readers(str(archive), use_index=with_index)
    try:
        reader = readers.get()
        before = reader.overview()
        tags_before = {t.value: t.total for t in reader.browse("tag", limit=50)}
        assert reader.overview() == before  # from the memo, and an equal copy

        extra = tmp_path / "extra"
        extra.mkdir()
        (extra / "paris.txt").write_text(cable(901, station="PARIS", origin="AMEMBASSY PARIS", tags="PREL, FR",
                                               subject="FRANCE: A NEW CABLE",
                                               body="Paris wants the summit moved to the spring; the Quai will write."))
        with readers.open() as store:  # another writer, as `cablegram ingest` beside the server would be
            assert ingest(store, [str(extra)], jobs=1).documents == 1
        readers.catch_up(reader.store, wait=True)  # the index follows the store (a no-op without one)

        after = reader.overview()
        assert after["records"] == before["records"] + 1
        assert after["cables"] == before["cables"] + 1
        tags_after = {t.value: t.total for t in reader.browse("tag", limit=50)}
        assert tags_after.get("FR", 0) == tags_before.get("FR", 0) + 1
    finally:
        readers.close()
