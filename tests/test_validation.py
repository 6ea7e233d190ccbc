"""Every headline validation case of coolsim.validation passes, and the report is current."""

import pathlib
import re

import pytest

from coolsim.validation import CASES, report_markdown

DOCS = pathlib.Path(__file__).resolve().parents[1] / "docs"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_validation_case(case):
    # Tolerances and their reasons are part of each case (and of tests/data/SOURCES.md).
    got, ok = case.run()
    assert ok, f"{case.id}: expected {case.expected_text} ({case.tolerance}), computed {got!r}"


def test_ids_are_unique():
    ids = [c.id for c in CASES]
    assert len(ids) == len(set(ids))


def test_validation_report_is_current():
    text = (DOCS / "validation_report.md").read_text()
    block = re.search(r"<!-- BEGIN GENERATED VALIDATION -->\n(.*)<!-- END GENERATED VALIDATION -->", text, re.S)
    assert block is not None
    assert block.group(1).strip() == report_markdown().strip(), "run python docs/regenerate.py"
