"""What the pages compute before rendering: the timeline's month links and its SVG bars."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cablegram.web.links import month_urls, narrow_dates, search_url
from cablegram.web.views import timeline


@given(query=st.text(max_size=40), sort=st.sampled_from(["relevance", "date"]),
       month=st.from_regex(r"\A(19|20)[0-9]{2}-(0[1-9]|1[0-2])\Z"))
def test_a_month_link_is_the_query_narrowed_to_that_month(query, sort, month):
    assert month_urls(query, sort=sort)(month) == search_url(narrow_dates(query, month), sort=sort)


@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_timeline_bars_link_each_month_and_escape_the_query(sort):
    query = '"><script>alert(1)</script> tag:PREL date:1990'
    svg = str(timeline((("1996-04", 3), ("1996-06", 1), (None, 9)), query, sort).bars_svg())
    assert "<script>" not in svg and svg.count('class="bar"') == 2 and "1996-06: 1 record<" in svg
    hrefs = [h.replace("&amp;", "&") for h in re.findall(r'href="([^"]+)"', svg)]
    asked = [parse_qs(urlsplit(h).query) for h in hrefs]
    assert [a["q"][0].split()[-1] for a in asked] == ["date:1996-04", "date:1996-06"]
    assert all("date:1990" not in a["q"][0] and a.get("sort", ["relevance"])[0] == sort for a in asked)
