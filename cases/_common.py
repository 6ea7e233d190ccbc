"""Shared helpers of the case studies in ``cases/``: the report layout, the ``--fast`` flag,
loading a study by path, and storing the headline numbers the tests check.

Every study prints six sections in this fixed order::

    QUESTION, SYSTEM AND ASSUMPTIONS, RESULTS, SENSITIVITY, FINDINGS, LIMITATIONS

through a :class:`Report`, which refuses a section out of order, and returns its
headline numbers from ``main(fast=False) -> dict`` as plain floats whose key names
carry the unit (``"pue_forced_air"``, ``"payback_years_d2c_sterling_va"``).

Command line::

    python cases/_common.py --store     # run every study with --fast, write tests/data/case_headlines.json
    python cases/_common.py --check     # run them and compare with the stored numbers (exit 1 on a change)

The stored numbers are what ``tests/test_cases_studies.py`` compares against.  A change
of a model default moves them: review the change, then regenerate with ``--store`` and
commit the JSON together with the change that moved it.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

CASES = Path(__file__).resolve().parent
ROOT = CASES.parent
HEADLINES = ROOT / "tests" / "data" / "case_headlines.json"

SECTIONS = ("QUESTION", "SYSTEM AND ASSUMPTIONS", "RESULTS", "SENSITIVITY", "FINDINGS", "LIMITATIONS")
STUDIES = (
    "a_reference_cluster",
    "b_retrofit_five_climates",
    "c_gb200_nvl72",
    "d_immersion_vs_d2c_maintenance",
    "e_warm_water_sweep",
    "f_two_phase_fluids",
    "g_article_claims",
)
WIDTH = 96

#: Relative tolerance of the stored headline numbers: the studies are deterministic
#: physics and arithmetic, so only round-off across platforms is allowed.
REL_TOL = 1e-6
#: Absolute floor for numbers that are exactly or nearly zero.
ABS_TOL = 1e-9


@dataclass(frozen=True)
class Input:
    """One input of a study: a value (a Quantity, or a plain number) and where it comes from."""

    value: object
    source: str


def fmt(value, unit=None, spec=",.3g"):
    """A Quantity (converted to ``unit``) or a number, formatted for a table cell."""
    m = value.to(unit).magnitude if unit is not None else getattr(value, "magnitude", value)
    try:
        m = float(m)
    except (TypeError, ValueError):
        return str(m)
    if not math.isfinite(m):
        return "—"
    return format(m, spec)


def _cell(value):
    if hasattr(value, "magnitude") and hasattr(value, "units"):
        return f"{value:~P}" if not isinstance(value.magnitude, float) else f"{value.magnitude:g} {value.units:~P}"
    return str(value)


def _numeric(cell: str) -> bool:
    """Whether a table cell reads as a number (thousands separators, signs and '—' allowed)."""
    text = cell.replace(",", "").replace("—", "").replace("-", "").replace("+", "").strip()
    if text in ("", "yes", "NO"):
        return True
    try:
        float(text)
    except ValueError:
        return False
    return True


class Report:
    """Prints a study in the fixed section order; refuses a section out of order."""

    def __init__(self, title: str, stream=None):
        self._stream = stream
        self._next = 0
        self._print("=" * WIDTH)
        self._print(title)
        self._print("=" * WIDTH)

    def _print(self, text=""):
        print(text, file=self._stream or sys.stdout)

    def section(self, name: str) -> None:
        """Start section ``name``; it must be the next one of :data:`SECTIONS`."""
        if self._next >= len(SECTIONS) or SECTIONS[self._next] != name:
            expected = SECTIONS[self._next] if self._next < len(SECTIONS) else "(none: all six printed)"
            raise RuntimeError(f"section {name!r} out of order; expected {expected!r}")
        self._next += 1
        self._print()
        self._print(f"--- {name} " + "-" * (WIDTH - len(name) - 5))

    def text(self, paragraph: str) -> None:
        """A wrapped paragraph."""
        self._print(textwrap.fill(" ".join(paragraph.split()), WIDTH))
        self._print()

    def bullets(self, items) -> None:
        """A bulleted list, each item wrapped."""
        for item in items:
            self._print(textwrap.fill(" ".join(item.split()), WIDTH, initial_indent="- ", subsequent_indent="  "))
        self._print()

    def inputs(self, inputs: dict) -> None:
        """The study's inputs: name, value with units, source."""
        rows = [(name, _cell(i.value), i.source) for name, i in inputs.items()]
        w0 = max(len(r[0]) for r in rows)
        w1 = max(len(r[1]) for r in rows)
        for name, value, source in rows:
            lead = f"{name.ljust(w0)}  {value.rjust(w1)}  "
            self._print(textwrap.fill(source, WIDTH, initial_indent=lead, subsequent_indent=" " * len(lead))
                        if len(lead) < WIDTH - 20 else lead + source)
        self._print()

    def table(self, headers, rows, title: str | None = None) -> None:
        """An aligned plain-text table: numeric columns right-aligned, text columns (and the first) left."""
        rows = [[str(c) for c in r] for r in rows]
        headers = [str(h) for h in headers]
        widths = [max(len(headers[i]), *(len(r[i]) for r in rows)) for i in range(len(headers))]
        left = [i == 0 or not all(_numeric(r[i]) for r in rows) for i in range(len(headers))]
        if title:
            self._print(title)
        line = lambda cells: "  ".join(c.ljust(w) if left[i] else c.rjust(w)  # noqa: E731
                                       for i, (c, w) in enumerate(zip(cells, widths))).rstrip()
        self._print(line(headers))
        self._print("-" * (sum(widths) + 2 * (len(widths) - 1)))
        for r in rows:
            self._print(line(r))
        self._print()

    def close(self) -> None:
        """Check that every section was printed."""
        if self._next != len(SECTIONS):
            raise RuntimeError(f"report ended before section {SECTIONS[self._next]!r}")


def parse_fast(argv=None) -> bool:
    """The ``--fast`` flag of a study's command line."""
    p = argparse.ArgumentParser(description="Run the case study (see cases/README.md).")
    p.add_argument("--fast", action="store_true", help="fewer sweep points and sites: a few seconds")
    return p.parse_args(argv).fast


def load_study(name: str):
    """Import ``cases/<name>.py`` by path (the directory is not a package)."""
    path = CASES / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"coolsim_case_{name}", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def run_all(fast=True, stream=None) -> dict:
    """``{study: headlines}`` of every study (printing each report to ``stream``)."""
    import contextlib
    import io

    out = {}
    for name in STUDIES:
        sink = stream or io.StringIO()
        with contextlib.redirect_stdout(sink):
            out[name] = load_study(name).main(fast=fast)
    return out


def compare(stored: dict, fresh: dict) -> list[str]:
    """Differences between two headline sets beyond :data:`REL_TOL` (empty when they agree)."""
    problems = []
    for study in sorted(set(stored) | set(fresh)):
        a, b = stored.get(study), fresh.get(study)
        if a is None or b is None:
            problems.append(f"{study}: {'not stored' if a is None else 'no longer computed'}")
            continue
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                problems.append(f"{study}.{key}: {'new, not stored' if key not in a else 'stored, no longer returned'}")
            elif not math.isclose(a[key], b[key], rel_tol=REL_TOL, abs_tol=ABS_TOL):
                problems.append(f"{study}.{key}: stored {a[key]!r}, now {b[key]!r}")
    return problems


def _main(argv=None) -> int:
    p = argparse.ArgumentParser(description="Store or check the headline numbers of the case studies.")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--store", action="store_true", help=f"write {HEADLINES.relative_to(ROOT)}")
    g.add_argument("--check", action="store_true", help="compare with the stored numbers")
    args = p.parse_args(argv)
    fresh = run_all(fast=True)
    if args.store:
        HEADLINES.write_text(json.dumps(fresh, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {HEADLINES} ({sum(len(v) for v in fresh.values())} numbers)")
        return 0
    problems = compare(json.loads(HEADLINES.read_text(encoding="utf-8")), fresh)
    for line in problems:
        print(line)
    print("headline numbers match" if not problems else f"{len(problems)} headline number(s) changed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(_main())
