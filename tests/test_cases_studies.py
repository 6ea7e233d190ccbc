"""The case studies in cases/: each runs in fast mode, prints its six sections in order, and
returns the headline numbers stored in tests/data/case_headlines.json.

Tolerance: relative 1e-6 (absolute 1e-9 near zero). The studies are deterministic physics
and arithmetic, so only round-off across platforms and library versions is allowed. A change
of a model default moves the stored numbers on purpose: review the change, then regenerate
them with ``python cases/_common.py --store`` and commit the JSON with the change.
"""

import importlib.util
import json
import math
import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
CASES = ROOT / "cases"
STORED = json.loads((ROOT / "tests" / "data" / "case_headlines.json").read_text(encoding="utf-8"))
REL, ABS = 1e-6, 1e-9


def _load(name):
    spec = importlib.util.spec_from_file_location(f"coolsim_case_{name}", CASES / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


COMMON = _load("_common")
SECTIONS = COMMON.SECTIONS


def test_every_study_is_listed_and_stored():
    scripts = sorted(p.stem for p in CASES.glob("[a-z]_*.py"))
    assert scripts == sorted(COMMON.STUDIES)
    assert sorted(STORED) == sorted(COMMON.STUDIES)
    assert len(scripts) >= 7


@pytest.mark.parametrize("name", COMMON.STUDIES)
def test_study_fast_headlines_and_sections(name, capsys):
    head = _load(name).main(fast=True)
    out = capsys.readouterr().out
    # the six sections, each once, in the fixed order
    positions = [out.find(f"--- {s} ") for s in SECTIONS]
    assert all(p >= 0 for p in positions), dict(zip(SECTIONS, positions))
    assert positions == sorted(positions)
    assert all(out.count(f"--- {s} ") == 1 for s in SECTIONS)
    # plain floats with the unit in the key
    assert head and all(type(v) is float for v in head.values()), {k: type(v) for k, v in head.items()}
    stored = STORED[name]
    assert sorted(head) == sorted(stored), "headline keys changed: regenerate with python cases/_common.py --store"
    bad = {k: (stored[k], head[k]) for k in head
           if not math.isclose(head[k], stored[k], rel_tol=REL, abs_tol=ABS)}
    assert not bad, f"headline numbers moved (stored, now): {bad}"


def test_report_refuses_sections_out_of_order(capsys):
    r = COMMON.Report("t")
    r.section("QUESTION")
    with pytest.raises(RuntimeError, match="out of order"):
        r.section("RESULTS")
    with pytest.raises(RuntimeError, match="ended before"):
        r.close()


def test_compare_flags_a_moved_number():
    stored = {"x": {"pue": 1.2, "hours": 10.0}}
    assert COMMON.compare(stored, {"x": {"pue": 1.2 * (1 + 1e-9), "hours": 10.0}}) == []
    problems = COMMON.compare(stored, {"x": {"pue": 1.21, "new_key": 1.0}})
    assert any("pue" in p for p in problems) and any("new_key" in p for p in problems)
    assert any("hours" in p for p in problems)


def test_toml_cases_load_and_run():
    from coolsim.cases import load_case

    for path in sorted(CASES.glob("[a-z]_*.toml")):
        case = load_case(path)
        results = case.run()
        assert results, path.name
        assert all(r.pue > 1.0 for r in results.values()), path.name


def test_gb200_forced_air_is_reported_not_feasible():
    # the refusal is part of the study's headline (0 = not feasible); the reason is printed
    assert STORED["c_gb200_nvl72"]["forced_air_feasible"] == 0.0
    assert STORED["c_gb200_nvl72"]["direct_to_chip_feasible"] == 1.0
