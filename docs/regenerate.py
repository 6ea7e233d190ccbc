"""Rewrite the generated blocks of the docs from the code.

Run ``python docs/regenerate.py`` after changing a component's fields or a
reference default; ``tests/test_docs.py`` fails until the docs match.
"""

import pathlib
import re

from coolsim.annual import regenerate_doc as regenerate_annual_doc
from coolsim.cases import REFERENCE_CASE, load_case, schema_markdown
from coolsim.economics.retrofit import economics_markdown
from coolsim.compare import buildup_markdown
from coolsim.maintenance import maintenance_markdown
from coolsim.validation import report_markdown

DOCS = pathlib.Path(__file__).resolve().parent


def _replace(path, tag, body):
    text = path.read_text()
    pattern = re.compile(rf"(<!-- BEGIN {tag} -->\n).*?(<!-- END {tag} -->)", re.S)
    new, n = pattern.subn(lambda m: m.group(1) + body.strip() + "\n" + m.group(2), text)
    if n != 1:
        raise SystemExit(f"{path}: block {tag} not found")
    path.write_text(new)


def main():
    _replace(DOCS / "cases.md", "GENERATED SCHEMA", schema_markdown())
    case = load_case(REFERENCE_CASE)
    results = case.run()
    _replace(DOCS / "reference_case.md", "GENERATED BUILDUP", buildup_markdown(results))
    _replace(DOCS / "maintenance.md", "GENERATED MAINTENANCE", maintenance_markdown(case, results))
    _replace(DOCS / "economics.md", "GENERATED ECONOMICS", economics_markdown())
    regenerate_annual_doc()
    _replace(DOCS / "validation_report.md", "GENERATED VALIDATION", report_markdown())
    print("docs regenerated")


if __name__ == "__main__":
    main()
