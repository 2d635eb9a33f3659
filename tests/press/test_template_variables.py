"""A template's variables, as render keys read them: those it pulls in too."""

from __future__ import annotations

import jinja2

from press.incremental.template_variables import ALL_VARIABLES, template_variables
from tests.support.builds import ROOT


class AnyFilter(dict):
    """Filters and tests as the theme names them: Jinja only checks they exist."""

    def __contains__(self, name) -> bool:
        return True

    def __getitem__(self, name):
        return str

    def get(self, name, default=None):
        return str


def environment(loader: jinja2.BaseLoader) -> jinja2.Environment:
    """Return an environment like the build's, with every filter the theme names."""
    env = jinja2.Environment(loader=loader, extensions=["jinja2.ext.i18n"])
    env.filters, env.tests = AnyFilter(env.filters), AnyFilter(env.tests)
    return env


def test_a_macro_imported_from_another_template_brings_its_variables():
    env = environment(
        jinja2.DictLoader(
            {
                "list.html": '{% from "m.html" import card with context %}'
                "{% for post in posts %}{{ card(post) }}{% endfor %}",
                "m.html": "{% macro card(post) %}{{ SITEURL }}/{{ post.url }}"
                "{% endmacro %}",
            }
        )
    )
    assert {"posts", "SITEURL"} <= template_variables(env, "list.html")


def test_a_template_chosen_at_render_time_may_read_anything():
    env = environment(jinja2.DictLoader({"page.html": "{% include chosen %}"}))
    assert template_variables(env, "page.html") is ALL_VARIABLES


def test_a_tag_or_author_page_reads_its_own_posts_not_the_whole_list():
    # The whole list (`articles`) in a page's key re-renders every page of a
    # tag when one of its posts changes; the page's posts and count suffice.
    env = environment(jinja2.FileSystemLoader(ROOT / "theme/templates"))
    for name in ("tag.html", "author.html"):
        variables = template_variables(env, name)
        assert "articles_page" in variables
        assert "articles" not in variables, name
