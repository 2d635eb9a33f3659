"""Random raw HTML as authors write it: nested tags, odd attribute values."""

from __future__ import annotations

from hypothesis import strategies as st

TAGS = ["p", "a", "em", "strong", "h2", "li", "code", "pre", "div", "abbr", "b"]
ATTRIBUTES = ["title", "class", "id", "data-note", "aria-label", "href", "srcdoc"]
VALUE = st.text(alphabet=" <>\"'&=-.aKU/…", max_size=12)
TEXT = st.text(alphabet=" \"'&-.aKU…", max_size=12)


def quoted(value: str) -> str:
    """Quote an attribute value as an author might: double, single or escaped."""
    if '"' not in value:
        return f'"{value}"'
    if "'" not in value:
        return f"'{value}'"
    return '"' + value.replace('"', "&quot;") + '"'


@st.composite
def element(draw, children) -> str:
    """An element with up to three attributes, holding up to three children."""
    tag = draw(st.sampled_from(TAGS))
    names = draw(st.lists(st.sampled_from(ATTRIBUTES), unique=True, max_size=3))
    attributes = "".join(f" {name}={quoted(draw(VALUE))}" for name in names)
    inner = "".join(draw(st.lists(children, max_size=3)))
    return f"<{tag}{attributes}>{inner}</{tag}>"


HTML = st.lists(
    st.recursive(TEXT, element, max_leaves=8),
    max_size=4,
).map("".join)
