"""`manage.py prepare` (what `make run` does before serving): one line per phase on
the terminal, each phase's output and log records in the log file, its tail shown
when a phase fails."""

import logging
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from cms.core.management.commands import prepare


@pytest.mark.django_db
def test_a_phase_prints_one_line_and_its_output_goes_to_the_log(tmp_path, monkeypatch):
    monkeypatch.setattr(
        prepare,
        "STEPS",
        [
            ("Listing the settings", "diffsettings", [], None),
            ("Something of an app not installed", "load_demo", [], "not.installed"),
        ],
    )
    log = tmp_path / "run.log"
    out = StringIO()
    call_command("prepare", "--log", str(log), stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("  Listing the settings... ") and lines[0].endswith(" s")
    assert lines[1] == (
        "  Something of an app not installed: skipped (not.installed is not installed)"
    )
    assert "INSTALLED_APPS" in log.read_text(encoding="utf-8")
    assert "INSTALLED_APPS" not in out.getvalue()
    assert lines[-1].startswith("  Ready in ")


@pytest.mark.django_db
def test_a_failing_phase_shows_the_tail_of_the_log(tmp_path, monkeypatch):
    monkeypatch.setattr(
        prepare, "STEPS", [("Migrating an app that does not exist", "migrate", ["nope"], None)]
    )
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="migrate failed"):
        call_command("prepare", "--log", str(tmp_path / "run.log"), stdout=out, stderr=err)
    assert out.getvalue().rstrip().endswith("Migrating an app that does not exist... failed")
    assert "===== migrate nope" in err.getvalue()


def test_log_records_of_a_phase_go_to_its_log_not_the_terminal():
    handlers = [
        handler
        for handler in logging.getLogger().handlers
        if type(handler) is logging.StreamHandler
    ]
    assert handlers  # the settings' console handler
    before = [handler.stream for handler in handlers]
    log = StringIO()
    with prepare._logging_to(log):
        logging.getLogger("cms.accounts").warning("a record during a phase")
    assert "a record during a phase" in log.getvalue()
    assert [handler.stream for handler in handlers] == before
