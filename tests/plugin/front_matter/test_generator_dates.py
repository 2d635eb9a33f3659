"""Dates as Jekyll (Ruby's Time.parse), Hugo and Pelican read them."""

from __future__ import annotations

import datetime

import pytest

from socratic_blog.errors import ContentError
from socratic_blog.front_matter.values import to_datetime

EDT = datetime.timezone(datetime.timedelta(hours=-4))


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("October 21, 2021", datetime.datetime(2021, 10, 21)),
        ("2016-03-22 14:00 EDT", datetime.datetime(2016, 3, 22, 14, 0, tzinfo=EDT)),
        (
            "2016-03-22 14:00:00 -0400",
            datetime.datetime(2016, 3, 22, 14, 0, tzinfo=EDT),
        ),
        (
            "Mon, 02 Jan 2006 15:04:05 -0700",
            datetime.datetime(
                2006,
                1,
                2,
                15,
                4,
                5,
                tzinfo=datetime.timezone(-datetime.timedelta(hours=7)),
            ),
        ),
        ("2014-07-01 09:30", datetime.datetime(2014, 7, 1, 9, 30)),
        ("21 Oct 2021", datetime.datetime(2021, 10, 21)),
    ],
)
def test_another_generator_date_form_is_read(written, read):
    assert to_datetime(written, "date", "x.md", 3) == read


@pytest.mark.parametrize("written", ["soon", "5", "October 21", "2023-02-30"])
def test_a_text_that_is_no_date_is_refused_in_one_line(written):
    with pytest.raises(ContentError) as error:
        to_datetime(written, "date", "x.md", 3)
    assert str(error.value) == (
        f"x.md:3: date '{written}' is not a date; write it as YYYY-MM-DD or"
        " YYYY-MM-DDTHH:MM:SS+01:00"
    )
