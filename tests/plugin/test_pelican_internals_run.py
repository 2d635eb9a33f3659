"""Pelican's run where a saved site relies on it: its start, its log, its templates.

A build from the saved site (press/finished_site) makes the generators as
Pelican's run does, lets the full build say again what its attempt logged,
and names the templates a build wrote with; each test names the Pelican
internal it pins.
"""

from __future__ import annotations

import logging

import pytest
from pelican.generators import ArticlesGenerator
from pelican.log import LimitLogger
from pelican.settings import read_settings

from socratic_blog.pelican_internals import (
    RUN_CONTEXT,
    ChoosingPelican,
    fetched_templates,
    heard_again,
)
from tests.plugin.test_pelican_internals import settings_in
from tests.support.builds import SETTINGS, settings_for
from tests.support.fixture_blog import write_content


class ContextAtStart(ChoosingPelican):
    """Pelican that notes each generator's context as it is made, then stops."""

    def generator_classes(self, classes: list) -> list:
        """Make Pelican's generators note their context, and end the run there."""

        class Noted(classes[0]):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                raise StopAtStart(dict(self.context), type(self).__mro__[1], kwargs)

        return [Noted, *classes[1:]]


class StopAtStart(Exception):
    """Carries what the first generator was made with."""


def test_fresh_generators_are_made_as_pelicans_run_makes_them(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    write_content(content)
    overrides = settings_for(tmp_path, content)

    def settings():
        return read_settings(str(SETTINGS[False]), override=overrides)

    with pytest.raises(StopAtStart) as stopped:
        ContextAtStart(settings()).run()
    context, kind, made = stopped.value.args
    fresh = ChoosingPelican(settings()).fresh_generators()
    assert type(fresh[0]) is kind
    assert fresh[0].context.keys() == context.keys(), (
        "Pelican.run now shares another context with its generators: update"
        " fresh_generators and RUN_CONTEXT"
    )
    assert set(RUN_CONTEXT) <= context.keys() - settings().keys()
    places = {n: getattr(fresh[0], n) for n in made if n not in {"context", "settings"}}
    assert places == {name: made[name] for name in places}


def test_lines_logged_meanwhile_are_logged_again_after(caplog):
    log = logging.getLogger("pelican.test_heard_again")
    assert isinstance(log, LimitLogger)
    with heard_again():
        log.warning("a line said once a process")
    log.warning("a line said once a process")
    log.warning("a line said once a process")
    said = [r.getMessage() for r in caplog.records if r.name == log.name]
    assert said == ["a line said once a process"] * 2, (
        "Pelican's LimitFilter no longer keeps what it said in _raised_messages"
    )


def test_a_generator_remembers_the_templates_it_fetched(tmp_path):
    settings = settings_in(tmp_path)
    places = [settings[name] for name in ("PATH", "THEME", "OUTPUT_PATH")]
    generator = ArticlesGenerator({}, settings, *places)
    template = generator.get_template("article")
    assert fetched_templates(generator) == [template]
