"""Tests of coolsim.report: the HTML report, its JSON and CSV, atomic writing, progress, the command."""

from __future__ import annotations

import base64
import csv
import io
import json
import re

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from coolsim.cases import REFERENCE_CASE, load_case
from coolsim.errors import OutOfRangeError
from coolsim.report import (REPORT_FILES, TextProgress, assumption_tables, headline_csv, labelled,
                            markdown_table_html, scaled, write_report)
from coolsim.report import figures as F
from coolsim.report import html as H
from coolsim.report.command import main

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def case():
    return load_case(REFERENCE_CASE)


@pytest.fixture(scope="module")
def results(case):
    return case.run()


@pytest.fixture(scope="module")
def annual(case):
    from coolsim.annual import run_year
    from coolsim.weather import load_climate

    w = load_climate("sterling-va")
    return {n: run_year(ch, case.it_load, w) for n, ch in case.architectures.items()}


@pytest.fixture(scope="module")
def economics(case, results):
    from coolsim.economics import architecture_costs, economics_json

    return economics_json({n: architecture_costs(case.architectures[n], results[n], case.it_load) for n in results})


@pytest.fixture(scope="module")
def report(tmp_path_factory, case, results, annual, economics):
    out = tmp_path_factory.mktemp("report")
    path = write_report(case, out, annual=annual, economics=economics, results=results)
    return path, path.read_text(encoding="utf-8")


# ----------------------------------------------------------------------------- the page
def test_report_files_written(report):
    path, _ = report
    assert sorted(p.name for p in path.parent.iterdir()) == sorted(REPORT_FILES)


def test_report_is_self_contained(report):
    _, text = report
    # No reference to anything outside the file: no http(s) URL in any attribute,
    # no <script>, no <link>, no @import or url() in the stylesheet.
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", text, re.I)
    assert "http://" not in text and "https://" not in text
    assert "<script" not in text.lower() and "<link" not in text.lower()
    assert "@import" not in text and "url(" not in text
    srcs = re.findall(r'<img[^>]*\ssrc="([^"]*)"', text)
    assert len(srcs) == 8  # 5 design-point figures, 2 annual, 1 economics
    for src in srcs:
        assert src.startswith("data:image/png;base64,")
        assert base64.b64decode(src.split(",", 1)[1])[:8] == PNG
    # Every href is an in-page anchor whose target exists.
    for target in re.findall(r'href="([^"]*)"', text):
        assert target.startswith("#") and f'id="{target[1:]}"' in text


def test_report_contains_each_figure(report):
    _, text = report
    for fig_id in ("fig-airflow", "fig-coolant", "fig-pue", "fig-power", "fig-maintenance", "fig-monthly-pue",
                   "fig-annual-energy", "fig-economics"):
        assert f'id="{fig_id}"' in text
    assert text.count("<figure ") == 8  # one image per figure


def test_report_tables_have_units(report, results):
    _, text = report
    for label in ("IT power (incl. server fans) [kW]", "coolant flow [L/min]", "coolant flow [gpm]",
                  "IT airflow [cfm]", "WUE [L/kWh]", "downtime per server-year [h]", "lost revenue per year [USD]",
                  "annual facility energy [MWh]", "capital cost [M USD]", "NPV vs baseline [M USD]",
                  "PUE = facility / IT", "<th>kW</th>", "dry bulb [°C]"):
        assert H._e(label) in text or label in text, label
    for name in results:
        assert f"<th class=num>{name}</th>" in text
    # The build-up table's PUE row carries the numbers of the results (3 decimals).
    for r in results.values():
        assert f"{float(r.pue):.3f}" in text


def test_report_assumptions_cover_every_architecture_input(case, report):
    from coolsim.cases import component_schema

    general, per_arch, prose = assumption_tables(case)
    assert "0.55" in prose and "4 K" in prose  # the plant choices of coolsim.architectures
    assert any(row[0] == "maintenance.gpu_hour_price" for row in general)
    for (name, chain), rows in zip(case.architectures.items(), per_arch.values()):
        keys = [k for part in ("capture", "rejection") for k, _ in component_schema(getattr(chain, part), part)]
        assert [r[0] for r in rows] == keys
        # The documentation is found for at least 90 % of the inputs (the rest say "not documented").
        documented = sum(r[3] != "not documented" for r in rows)
        assert documented >= 0.9 * len(rows), (name, [r[0] for r in rows if r[3] == "not documented"])
    rows = dict((r[0], r) for r in per_arch["direct_to_chip (kind direct_to_chip)"])
    assert rows["capture.liquid_share"][1:3] == ["0.8", "case file"]  # the reference case sets it
    assert rows["capture.tcs_supply_temperature"][2] == "reference default"  # restated at its default
    _, text = report
    assert "capture.liquid_share" in text


def test_report_feasibility_warning_is_prominent(tmp_path, case):
    # A supply temperature the cold plates cannot meet makes direct-to-chip infeasible.
    from coolsim.cases import case_from_text

    text = REFERENCE_CASE.read_text().replace('tcs_supply_temperature = "36 degC"', 'tcs_supply_temperature = "75 degC"')
    hot = case_from_text(text, str(REFERENCE_CASE))
    res = hot.run()
    assert not res["direct_to_chip"].feasibility.all
    page = write_report(hot, tmp_path, results=res).read_text()
    block = re.search(r'<div class="infeasible"><strong>direct_to_chip: infeasible at the design point</strong>'
                      r"<ul>(.*?)</ul></div>", page)
    assert block and "<li>" in block.group(1)
    assert '<td class="num bad">NO</td>' in page
    assert 'class="feasible"' not in page


def test_annual_infeasible_hours_are_reported(report, annual):
    _, text = report
    bad = {n: a for n, a in annual.items() if a.infeasible_hours}
    assert bad, "the reference year has infeasible hours for one architecture (checked here)"
    for name, a in bad.items():
        assert f"{name}: {a.infeasible_hours:,} infeasible hours in the year" in text


def test_annual_protocol_with_a_minimal_object(tmp_path, case, results):
    # The documented protocol: monthly_pue() as a method and energy_breakdown().
    from coolsim import Q_

    class Year:
        def monthly_pue(self):
            return [1.1 + 0.01 * m for m in range(12)]

        def energy_breakdown(self):
            return {"compute": Q_(150, "GWh"), "cooling": Q_(12, "GWh")}

    page = write_report(case, tmp_path, annual={n: Year() for n in results}, results=results).read_text()
    assert 'id="fig-monthly-pue"' in page and 'id="fig-annual-energy"' in page
    with pytest.raises(OutOfRangeError, match="12"):
        H._monthly_pue(type("Bad", (), {"monthly_pue": [1.0] * 11})())


def test_annual_energy_breakdown_adds_up_to_facility(annual):
    # The stack drawn for AnnualResult must be the facility energy; 1e-9 relative (rounding only).
    for a in annual.values():
        total = sum(H._energy_breakdown(a).values())
        assert total == pytest.approx(float(a.facility_energy.to("MWh").m), rel=1e-9)


def test_power_breakdown_adds_up_to_facility(results):
    # Same identity at the design point, for the stacked-bar figure: 1e-9 relative.
    for r in results.values():
        assert sum(F.power_breakdown(r).values()) == pytest.approx(float(np.max(r.facility_power_si)), rel=1e-9)


# ----------------------------------------------------------------------------- JSON and CSV
def test_json_parses_and_matches_compare(report, case, results, annual, economics):
    # results.json is the document of `coolsim compare --json`, with the annual and
    # economics objects the report was given.
    from coolsim.compare import comparison_json

    path, _ = report
    doc = json.loads((path.parent / "results.json").read_text())
    expected = comparison_json(case, results, annual)
    for name, entry in economics["architectures"].items():
        expected[name]["economics"] = entry
    assert doc == json.loads(json.dumps(expected))
    assert "annual" in doc["forced_air"] and "economics" in doc["forced_air"]


def test_csv_parses_with_units_and_numbers(report, results):
    path, _ = report
    rows = list(csv.reader(io.StringIO((path.parent / "results.csv").read_text())))
    assert rows[0] == ["quantity", "units", *results]
    table = {(r[0], r[1]): r[2:] for r in rows[1:]}
    it = table[("IT power (incl. server fans)", "kW")]
    # Numbers without thousands separators; equal to the summary to the table's 0-decimal rounding.
    for cell, r in zip(it, results.values()):
        assert float(cell) == pytest.approx(float(r.summary()["it_power"].to("kW").m), abs=0.5)
    assert table[("coolant flow", "L/min")][0] == ""  # forced air has no coolant loop
    assert table[("lost revenue per year", "USD")]


def test_headline_csv_is_the_written_csv(report, case, results, annual, economics):
    path, _ = report
    assert (path.parent / "results.csv").read_text() == headline_csv(case, results, annual, economics)


def test_csv_has_the_annual_and_economics_rows_of_the_table(report, annual, economics):
    # results.csv carries the rows `coolsim compare` prints: annual (from AnnualResult.table_rows)
    # and economics (from the same economics document as the page), exact to the printed digits.
    path, _ = report
    rows = list(csv.reader(io.StringIO((path.parent / "results.csv").read_text())))
    table = {(r[0], r[1]): r[2:] for r in rows[1:]}
    assert float(table[("annual PUE (energy-weighted)", "")][0]) == pytest.approx(annual["forced_air"].pue, abs=5e-4)
    assert table[("infeasible hours", "h")] == [str(a.infeasible_hours) for a in annual.values()]
    capex = economics["architectures"]["direct_to_chip"]["capex"]["magnitude"]
    assert float(table[("capex", "M USD")][1]) == pytest.approx(capex / 1e6, abs=5e-3)
    assert table[("incremental capex", "M USD")][0] == "baseline"
    assert float(table[("annual saving", "M USD/year")][1]) > 0
    assert ("IRR", "%/year") in table and ("discounted payback", "years") in table
    assert not any(c.endswith("*") for cells in table.values() for c in cells)  # marks stay out of the CSV


# ----------------------------------------------------------------------------- atomic writing
def test_interrupted_report_leaves_nothing(tmp_path, case, results, monkeypatch):
    calls = {"n": 0}
    real = F.bar_figure

    def failing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt("interrupted while drawing")
        return real(*args, **kwargs)

    monkeypatch.setattr(F, "bar_figure", failing)
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        write_report(case, out, results=results)
    assert calls["n"] == 3
    assert not (out / "report.html").exists()
    assert not out.exists() or list(out.iterdir()) == []


def test_failed_rewrite_keeps_previous_report(tmp_path, case, results, monkeypatch):
    path = write_report(case, tmp_path, results=results)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    real_replace = H.os.replace
    seen = []

    def replace(src, dst):
        seen.append(dst)
        if len(seen) == 2:
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(H.os, "replace", replace)
    with pytest.raises(OSError):
        H.write_files({tmp_path / "report.html": "<p>new</p>", tmp_path / "results.json": "{}",
                       tmp_path / "results.csv": ""})
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    # No temporary file remains; files not yet renamed keep their previous content.
    assert set(after) == set(before)
    assert after["results.json"] == before["results.json"] and after["results.csv"] == before["results.csv"]
    assert path.exists()


def test_written_files_have_normal_permissions(report):
    import os
    import stat

    path, _ = report
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~mask


# ----------------------------------------------------------------------------- markdown
def test_markdown_table_html_renders_buildup(results):
    from coolsim.compare import buildup_markdown

    out = markdown_table_html(buildup_markdown(results))
    assert out.count("<tr") == buildup_markdown(results).count("\n") + 1 - 1  # header + rows (separator dropped)
    assert "<strong>IT power</strong>" in out and "<tr class=total>" in out
    assert "<th class=num>forced_air</th>" in out


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="|\n\r"), max_size=20))
def test_markdown_table_html_escapes_any_text(cell):
    # Whatever a cell holds, no raw markup reaches the page.
    out = markdown_table_html(f"| h |\n|---|\n| {cell} |")
    body = out.split("<tbody>", 1)[1]
    assert "<" not in re.sub(r"</?(tr|td|strong|tbody|table)( class=\w+)?>", "", body)


def test_markdown_table_html_bad_input():
    with pytest.raises(OutOfRangeError, match="'md'"):
        markdown_table_html("not a table")


# ----------------------------------------------------------------------------- progress
class _Stream(io.StringIO):
    def __init__(self, tty):
        super().__init__()
        self._tty = tty

    def isatty(self):
        return self._tty


def test_progress_quiet_when_not_a_tty():
    s = _Stream(False)
    bar = TextProgress(s)
    for k in range(11):
        bar(k, 10, "step")
    assert s.getvalue() == ""


def test_progress_draws_on_a_tty_and_ends_the_line():
    s = _Stream(True)
    bar = TextProgress(s, width=10, min_interval=0.0)
    for k in range(11):
        bar(k, 10, "step")
    text = s.getvalue()
    assert text.count("\r") == 11 and text.endswith("\n")
    assert "step  [#####-----]  5/10   50 %" in text


def test_write_report_reports_progress(tmp_path, case, results):
    seen = []
    write_report(case, tmp_path, results=results, progress=lambda d, t, s: seen.append((d, t, s)))
    assert seen[-1][0] == seen[-1][1] and [d for d, _, _ in seen] == sorted(d for d, _, _ in seen)
    assert any("figure" in s for _, _, s in seen)


def test_progress_works_with_fleet_monte_carlo():
    # simulate_fleet calls progress(done, total): the reporter takes an optional label.
    from coolsim.reliability import fleet

    s = _Stream(True)
    bar = TextProgress(s, min_interval=0.0)
    fleet.simulate_fleet(fleet.Fleet(64), replications=10, progress=bar)
    assert s.getvalue().rstrip().endswith("10/10  100 %") and s.getvalue().endswith("\n")
    s2 = _Stream(True)
    fleet.simulate_fleet(fleet.Fleet(64), replications=10, progress=labelled(TextProgress(s2), "Monte Carlo"))
    assert "Monte Carlo" in s2.getvalue()


@pytest.mark.parametrize("done,total", [(-1, 10), (11, 10), (1, 0), (float("nan"), 10), (True, 10), (1, "10")])
def test_progress_bad_input(done, total):
    with pytest.raises(OutOfRangeError, match="'done'|'total'"):
        TextProgress(_Stream(True))(done, total)


def test_progress_helpers_bad_input():
    with pytest.raises(OutOfRangeError, match="'width'"):
        TextProgress(width=0)
    with pytest.raises(OutOfRangeError, match="'progress'"):
        labelled(None, "x")
    with pytest.raises(OutOfRangeError, match="'start'"):
        scaled(print, 5, 2, 10)


def test_write_report_bad_input(tmp_path, case, results):
    with pytest.raises(OutOfRangeError, match="'annual'"):
        write_report(case, tmp_path, annual=[1], results=results)
    with pytest.raises(OutOfRangeError, match="'economics'"):
        write_report(case, tmp_path, economics="x", results=results)
    with pytest.raises(OutOfRangeError, match="'progress'"):
        write_report(case, tmp_path, progress=3, results=results)


# ----------------------------------------------------------------------------- command
def test_command_writes_report(tmp_path, capsys):
    assert main(["--out", str(tmp_path / "r")]) == 0
    out = capsys.readouterr()
    assert "report.html" in out.out and out.err == ""  # stderr is not a terminal: no progress bar
    assert (tmp_path / "r" / "report.html").exists()


def test_command_default_out_dir(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    case = tmp_path / "my_hall.toml"
    case.write_text(REFERENCE_CASE.read_text())
    assert main([str(case)]) == 0
    assert (tmp_path / "coolsim-report-my_hall" / "results.csv").exists()


def test_command_errors_exit_2(tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text('[case]\nname = "x"\n[it]\nserver = "no-such-server"\nservers = 4\n')
    assert main([str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("coolsim: error:") and err.count("\n") == 1
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert main(["--out", str(blocker / "sub")]) == 2
    assert "cannot write the report" in capsys.readouterr().err


# ----------------------------------------------------------------------------- title follows --site
def test_report_title_names_the_site_it_was_run_at(tmp_path, case):
    # `coolsim report --site tampa-fl` runs the reference case elsewhere: the page title says so;
    # the case at its own site keeps its own title (checked on the module's report too).
    from coolsim.weather import weather_for

    tampa = case.with_weather(weather_for("tampa-fl"))
    page = write_report(tampa, tmp_path, results=tampa.run()).read_text(encoding="utf-8")
    title = f"{case.name} — run at {tampa.site.name}"
    assert "Tampa" in tampa.site.name
    assert f"<title>{title} — coolsim report</title>" in page.replace("&#x27;", "'")
    assert f"<h1>{title}</h1>" in page.replace("&#x27;", "'")


def test_report_title_unchanged_at_the_case_site(report, case):
    _, text = report
    assert f"<h1>{case.name}</h1>" in text and " — run at " not in text


def test_report_command_marks_feasibility_and_payback_like_compare(tmp_path):
    # `coolsim report` writes results.json with each economics entry's `feasible` flag (as
    # `coolsim compare --json` does) and the HTML payback cell names a payback year beyond the
    # horizon instead of "never" (reference case: direct-to-chip has 6 infeasible hours at
    # Sterling and pays back after about 6.9 years against a 6-year horizon)
    assert main(["--out", str(tmp_path / "r")]) == 0
    doc = json.loads((tmp_path / "r" / "results.json").read_text())
    flags = {n: doc[n]["economics"]["feasible"] for n in ("forced_air", "direct_to_chip")}
    assert flags == {"forced_air": True, "direct_to_chip": False}
    assert "(beyond 6-y horizon)" in (tmp_path / "r" / "report.html").read_text(encoding="utf-8")
