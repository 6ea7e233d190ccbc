"""Documentation that is generated from the code stays current."""

import pathlib
import re

from coolsim.cases import schema_markdown

DOCS = pathlib.Path(__file__).resolve().parents[1] / "docs"


def test_case_schema_in_docs_is_current():
    text = (DOCS / "cases.md").read_text()
    block = re.search(r"<!-- BEGIN GENERATED SCHEMA -->\n(.*)<!-- END GENERATED SCHEMA -->", text, re.S)
    assert block is not None
    assert block.group(1).strip() == schema_markdown().strip(), (
        "docs/cases.md is out of date: regenerate the block from coolsim.cases.schema_markdown()"
    )


def test_reference_buildup_in_docs_is_current():
    from coolsim.cases import REFERENCE_CASE, load_case
    from coolsim.compare import buildup_markdown

    text = (DOCS / "reference_case.md").read_text()
    block = re.search(r"<!-- BEGIN GENERATED BUILDUP -->\n(.*)<!-- END GENERATED BUILDUP -->", text, re.S)
    assert block is not None
    assert block.group(1).strip() == buildup_markdown(load_case(REFERENCE_CASE).run()).strip(), (
        "docs/reference_case.md is out of date: regenerate the table from coolsim.compare.buildup_markdown()"
    )


def test_maintenance_page_is_current():
    from coolsim.cases import REFERENCE_CASE, load_case
    from coolsim.maintenance import maintenance_markdown

    case = load_case(REFERENCE_CASE)
    text = (DOCS / "maintenance.md").read_text()
    block = re.search(r"<!-- BEGIN GENERATED MAINTENANCE -->\n(.*)<!-- END GENERATED MAINTENANCE -->", text, re.S)
    assert block is not None
    assert block.group(1).strip() == maintenance_markdown(case, case.run()).strip(), (
        "docs/maintenance.md is out of date: run python docs/regenerate.py"
    )
