"""A template's variables, as render keys read them: those it pulls in too."""

from __future__ import annotations

import jinja2

from press.incremental.template_variables import (
    ALL_VARIABLES,
    template_reads,
    template_variables,
)
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


def shown(templates: dict[str, str], name: str = "page.html"):
    """Return the fields `name` reads of posts other than the page's own."""
    return template_reads(environment(jinja2.DictLoader(templates)), name)[1]


def test_the_own_posts_fields_are_not_counted_for_other_posts():
    fields = shown(
        {
            "page.html": "{{ article.content }}{% for post in article.related_posts %}"
            "{{ post.title }}{% endfor %}"
        }
    )
    assert "title" in fields
    assert not {"content", "related_posts"} & fields


def test_a_loop_or_macro_that_reuses_the_own_posts_name_counts_its_reads():
    fields = shown(
        {
            "page.html": '{% from "m.html" import card %}'
            "{% for article in articles %}{{ article.summary }}{% endfor %}"
            "{{ card(article) }}",
            "m.html": "{% macro card(article) %}{{ article.cover }}{% endmacro %}",
        }
    )
    assert {"summary", "cover"} <= fields


def test_a_template_included_where_the_own_posts_name_is_rebound_counts_its_reads():
    fields = shown(
        {
            "page.html": '{% for article in articles %}{% include "c.html" %}'
            "{% endfor %}",
            "c.html": "{{ article.content }}",
        }
    )
    assert "content" in fields


def test_fields_named_in_filters_count():
    fields = shown(
        {
            "page.html": '{{ articles|map(attribute="last_changed")|max }}'
            '{{ articles|sort(attribute="author.name") }}'
        }
    )
    assert {"last_changed", "author", "name"} <= fields


def test_what_the_syntax_cannot_tell_may_read_any_field():
    unvouched = {"page.html": "{{ articles|first|mystery }}"}
    chosen_key = {"page.html": "{% for p in articles %}{{ p[field] }}{% endfor %}"}
    helper = {"page.html": "{{ unknown_helper(articles) }}"}
    chosen_field = {"page.html": "{{ articles|map(attribute=field)|join }}"}
    every_field = {"page.html": "{% for p in articles %}{{ p.__dict__ }}{% endfor %}"}
    for templates in (unvouched, chosen_key, helper, chosen_field, every_field):
        assert shown(templates) is None, templates


def test_the_themes_lists_and_guides_do_not_read_other_posts_text():
    env = environment(jinja2.FileSystemLoader(ROOT / "theme/templates"))
    for name in ("article.html", "index.html", "tag.html", "archives.html"):
        fields = template_reads(env, name)[1]
        assert fields is not None, name
        assert "title" in fields, name
        assert not {"content", "summary", "related_posts"} & fields, name


def test_what_a_filter_or_a_method_may_call_may_read_any_field():
    cases = [
        '{{ articles|map("mystery")|join }}',
        '{{ articles|select("mystery")|list }}',
        "{% for p in articles %}{{ site_tools.blurb(p) }}{% endfor %}",
        '{% set o = {"attribute": "summary"} %}{{ articles|map(**o)|join }}',
    ]
    for template in cases:
        assert shown({"page.html": template}) is None, template
    assert "summary" in shown(
        {"page.html": '{{ article.related_posts|join(", ", attribute="summary") }}'}
    )


def test_a_parents_block_that_sees_a_rebound_own_name_counts_the_childs_reads():
    fields = shown(
        {
            "base.html": "{% for article in articles %}"
            "{% block card scoped %}{% endblock %}{% endfor %}",
            "page.html": '{% extends "base.html" %}'
            "{% block card %}{{ article.summary }}{% endblock %}",
        }
    )
    assert "summary" in fields
