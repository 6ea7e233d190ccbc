"""Case files and the `coolsim compare` command: schema, errors, JSON, unit invariance."""

import json
import pathlib
import subprocess
import sys

import pint
import pytest

from coolsim.cases import REFERENCE_CASE, case_from_text, load_case
from coolsim.cli import main
from coolsim.compare import JSON_FIELDS, comparison_json
from coolsim.errors import CaseFileError

ROOT = pathlib.Path(__file__).resolve().parents[1]
REFERENCE_TEXT = REFERENCE_CASE.read_text()


def test_reference_case_in_cases_matches_the_built_in_one():
    assert (ROOT / "cases" / "reference.toml").read_text() == REFERENCE_TEXT


def test_reference_case_builds_all_four_architectures():
    case = load_case(REFERENCE_CASE)
    assert list(case.architectures) == ["forced_air", "direct_to_chip", "immersion_single_phase", "immersion_two_phase"]
    assert case.it_load.gpu_count == 16000


def _write(tmp_path, text):
    p = tmp_path / "case.toml"
    p.write_text(text)
    return p


def _cli_error(tmp_path, text, capsys):
    code = main(["compare", str(_write(tmp_path, text))])
    err = capsys.readouterr().err
    assert code == 2
    assert "Traceback" not in err
    return err


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ('supply_temperature = "24 degC"', 'suply_temperature = "24 degC"', "did you mean 'supply_temperature'"),
        ("servers = 2000\n", "", "missing required value 'it.servers'"),
        ('tcs_delta_t = "10 K"', 'tcs_delta_t = "10 kW"', "wrong dimension"),
        ('tcs_delta_t = "10 K"', 'tcs_delta_t = "10 degC"', "delta_degC"),
        ("servers = 2000", "servers = 0", "it.servers"),
        ("utilisation = 1.0", "utilisation = -0.5", "it.utilisation"),
        ("liquid_share = 0.80", "liquid_share = 1.5", "liquid_share"),
        ("liquid_share = 0.80", "liquid_share = -0.1", "liquid_share"),
        ("[architectures.forced_air]", "[architectures.forced_air", "malformed TOML"),
        ('kind = "forced_air"', 'kind = "forced_aire"', "did you mean 'forced_air'"),
        ('tcs_delta_t = "10 K"', "tcs_delta_t = 10", "write a string with units"),
    ],
)
def test_bad_case_is_a_clear_error(tmp_path, capsys, old, new, expected):
    assert old in REFERENCE_TEXT
    err = _cli_error(tmp_path, REFERENCE_TEXT.replace(old, new, 1), capsys)
    assert expected in err
    assert "case.toml" in err
    if "missing" not in expected:
        assert "line" in err


def test_malformed_toml_names_line(tmp_path):
    text = REFERENCE_TEXT.replace("[architectures.forced_air]", "[architectures.forced_air", 1)
    line = REFERENCE_TEXT.splitlines().index("[architectures.forced_air]") + 1
    with pytest.raises(CaseFileError, match=f"line {line}"):
        load_case(_write(tmp_path, text))


def test_unreachable_supply_is_infeasible_not_an_error(tmp_path):
    text = REFERENCE_TEXT.replace('tcs_supply_temperature = "36 degC"', 'tcs_supply_temperature = "22 degC"')
    case = load_case(_write(tmp_path, text))
    doc = comparison_json(case, case.run())
    d2c = doc["direct_to_chip"]
    assert d2c["feasible"] is False
    assert any("cannot reach the required supply" in r for r in d2c["infeasible_reasons"])
    assert doc["forced_air"]["feasible"] is True


def test_results_do_not_depend_on_the_units_of_the_case():
    si = case_from_text(REFERENCE_TEXT).run()
    ip_text = (REFERENCE_TEXT.replace('"24 degC"', '"75.2 degF"').replace('"20 delta_degF"', '"11.1111111111111 K"')
               .replace('"36 degC"', '"96.8 degF"').replace('"10 K"', '"18 delta_degF"')
               .replace('"40 degC"', '"104 degF"'))
    assert ip_text != REFERENCE_TEXT
    ip = case_from_text(ip_text).run()
    for name in si:
        assert ip[name].pue == pytest.approx(si[name].pue, rel=1e-9)
        assert ip[name].facility_power_si == pytest.approx(si[name].facility_power_si, rel=1e-9)


def test_json_has_every_field_with_stock_pint_units(tmp_path):
    out = tmp_path / "out.json"
    assert main(["compare", "--json", str(out)]) == 0
    doc = json.loads(out.read_text())
    assert doc["coolsim_version"] and doc["case"]["name"].startswith("Reference")
    stock = pint.UnitRegistry()  # a registry without coolsim's definitions
    for name in ("forced_air", "direct_to_chip", "immersion_single_phase", "immersion_two_phase"):
        entry = doc[name]
        for field in JSON_FIELDS:
            assert field in entry, (name, field)
        assert entry["kind"] == name
        for field, value in entry.items():
            if isinstance(value, dict) and "units" in value:
                q = stock.Quantity(value["magnitude"], value["units"])  # parses in stock pint
                if field.endswith("power") or field == "electrical_losses":
                    assert q.dimensionality == stock.Quantity(1, "W").dimensionality, field
                if field.endswith("temperature"):
                    assert str(q.units) == "kelvin", field
    assert doc["forced_air"]["coolant_flow"] is None
    # a pumped technology loop has a pressure drop; forced air and passive two-phase have none
    assert doc["forced_air"]["coolant_pressure_drop"] is None
    assert doc["immersion_two_phase"]["coolant_pressure_drop"] is None
    for name in ("direct_to_chip", "immersion_single_phase"):
        dp = stock.Quantity(doc[name]["coolant_pressure_drop"]["magnitude"], doc[name]["coolant_pressure_drop"]["units"])
        assert 20.0 < dp.to("kPa").magnitude < 500.0, name  # tens to hundreds of kPa, as liquid loops run
    flow = stock.Quantity(doc["forced_air"]["it_airflow"]["magnitude"], doc["forced_air"]["it_airflow"]["units"])
    assert flow.dimensionality == stock.Quantity(1, "m**3/s").dimensionality
    assert flow.to("ft**3/min").magnitude > 1e6   # millions of CFM for the hall


def test_compare_prints_the_table_on_a_fresh_interpreter():
    done = subprocess.run([sys.executable, "-m", "coolsim.cli", "compare"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    for word in ("forced_air", "direct_to_chip", "immersion_two_phase", "PUE", "TUE", "cfm", "L/min"):
        assert word in done.stdout


def test_missing_case_file_is_an_error(tmp_path, capsys):
    assert main(["compare", str(tmp_path / "nope.toml")]) == 2
    assert "no such case file" in capsys.readouterr().err


def test_json_has_annual_and_economics_objects(tmp_path):
    out = tmp_path / "out.json"
    assert main(["compare", "--json", str(out)]) == 0
    doc = json.loads(out.read_text())
    stock = pint.UnitRegistry()
    for name in ("forced_air", "direct_to_chip", "immersion_single_phase", "immersion_two_phase"):
        annual = doc[name]["annual"]
        for key in ("pue", "tue", "wue", "facility_energy", "it_energy", "water_use", "economizer_hours",
                    "mechanical_cooling_hours", "infeasible_hours"):
            assert key in annual, (name, key)
        assert stock.Quantity(annual["facility_energy"]["magnitude"], annual["facility_energy"]["units"]).to("MWh").magnitude > 1e5
        econ = doc[name]["economics"]
        for key in ("capex", "annual_opex", "energy_cost_per_year", "water_cost_per_year", "lost_revenue_per_year",
                    "total_cost_of_ownership", "npv_vs_baseline", "payback", "power_share_of_cost"):
            assert key in econ, (name, key)
        assert econ["capex"]["units"] == "USD"
    # the annual PUE is below the design-day PUE for every architecture
    for name in ("forced_air", "direct_to_chip"):
        assert doc[name]["annual"]["pue"] < doc[name]["pue"]


def test_site_option_overrides_the_case_site(tmp_path, capsys):
    out = tmp_path / "golden.json"
    assert main(["compare", "--site", "golden-co", "--json", str(out)]) == 0
    doc = json.loads(out.read_text())
    assert "Golden" in doc["case"]["site"] and "Golden" in doc["case"]["weather"]
    # the printed title follows --site (the case's own name, then where it was run)
    title = capsys.readouterr().out.splitlines()[0]
    assert title == f"{load_case(REFERENCE_CASE).name} — run at {doc['case']['site']}"
    assert main(["compare", "--site", "goldn-co"]) == 2
    assert "did you mean 'golden-co'" in capsys.readouterr().err


def test_plots_option_writes_pngs(tmp_path):
    assert main(["compare", "--plots", str(tmp_path / "figs")]) == 0
    for name in ("monthly_pue.png", "energy_breakdown.png"):
        assert (tmp_path / "figs" / name).stat().st_size > 10_000


def test_case_sets_prices_rate_and_horizon():
    # A higher electricity price and a lower discount rate make the direct-to-chip
    # retrofit more attractive: NPV rises (economics hypothesis property, end to end).
    from coolsim.compare import comparison_json, economics_for

    def npv(extra):
        case = case_from_text(REFERENCE_TEXT + extra)
        res = case.run()
        doc = comparison_json(case, res, None, economics_for(case, res, None))
        return doc["direct_to_chip"]["economics"]["npv_vs_baseline"]["magnitude"]

    base = npv("")
    assert npv('\n[economics.prices]\nelectricity = "12 cent/kWh"\n') > base
    assert npv("\n[economics]\ndiscount_rate = 0.04\n") > base


@pytest.mark.parametrize(
    "extra, key",
    [
        ("[economics]\ndiscount_rate = -1.0\n", "discount_rate"),
        ('[economics]\nhorizon = "0 year"\n', "horizon"),
        ('[economics.prices]\nelectricity = "-1 USD/kWh"\n', "electricity"),
        ('[economics.prices]\nelectricity = "1 USD/kg"\n', "electricity"),
        ('[economics.prices]\nelectricity = "0.08 kWh"\n', "electricity"),
        ('[economics.prices]\ngpu_hour = "3 USD/hour"\n', "maintenance"),
        ('[economics]\nbaseline = "air"\n', "baseline"),
    ],
)
def test_bad_economics_inputs(extra, key):
    with pytest.raises(CaseFileError, match=key):
        case_from_text(REFERENCE_TEXT + "\n" + extra)


# ---------------------------------------------------------------- the economics block: honest and complete
@pytest.fixture(scope="module")
def reference_run(tmp_path_factory):
    """`coolsim compare --json` of the reference case: (printed text, JSON document)."""
    import contextlib
    import io

    out = tmp_path_factory.mktemp("ref") / "ref.json"
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        assert main(["compare", "--json", str(out)]) == 0
    return buf.getvalue(), json.loads(out.read_text())


def _row(text, label):
    """The cells of the printed row whose label is ``label`` (cells are separated by 2+ spaces)."""
    import re

    for line in text.splitlines():
        if line.startswith(label + "  "):
            return re.split(r"\s{2,}", line[len(label):].strip())
    raise AssertionError(f"no row {label!r}")


NAMES = ("forced_air", "direct_to_chip", "immersion_single_phase", "immersion_two_phase")


def test_compare_prints_retrofit_rows_that_match_the_json(reference_run):
    # The incremental capex, annual saving and IRR that the NPV uses are printed, equal to the
    # JSON to the printed digits (formatting only: exact string equality); the baseline column says so.
    text, doc = reference_run
    marks = {n: "" if doc[n]["economics"]["feasible"] else "*" for n in NAMES}
    inc, sav, irr = (_row(text, label) for label in ("incremental capex [M USD]", "annual saving [M USD/year]",
                                                    "IRR [%/year]"))
    assert inc[0].rstrip("*") == sav[0].rstrip("*") == irr[0].rstrip("*") == "baseline"
    for i, n in enumerate(NAMES[1:], 1):
        e = doc[n]["economics"]
        assert inc[i] == f"{e['incremental_capex']['magnitude'] / 1e6:,.2f}" + marks[n]
        assert sav[i] == f"{e['annual_saving']['magnitude'] / 1e6:,.2f}" + marks[n]
        assert irr[i] == ("none" if e["irr"] is None else f"{100 * e['irr']:.1f}") + marks[n]


def test_compare_payback_beyond_the_horizon_is_a_number(reference_run):
    # "never" only when no payback year exists; a payback after the horizon prints its year.
    text, doc = reference_run
    cells = _row(text, "discounted payback [years]")
    beyond = 0
    for cell, n in zip(cells, NAMES):
        p = doc[n]["economics"]["payback"]
        cell = cell.rstrip("*")
        if p["reason"] == "this is the baseline":
            assert cell == "baseline"
        elif p["years"] is None:
            assert cell == "never"
        elif p["pays_back"]:
            assert cell == f"{p['years']['magnitude']:.1f}"
        else:
            beyond += 1
            assert cell == f"{p['years']['magnitude']:.1f} (beyond 6-y horizon)"
    assert beyond >= 1  # the reference case has one (direct-to-chip, ~6.9 y at the stored defaults)


def test_compare_notes_explain_capex_tco_and_prices(reference_run):
    text, _doc = reference_run
    lines = text.splitlines()
    note = next(x for x in lines if x.startswith("note: capex is the greenfield total"))
    assert "only the new equipment" in note and "TCO < capex" in note and "20-year" in note
    prices = next(x for x in lines if x.startswith("prices: "))
    for part in ("electricity 8.92 ¢/kWh (default: Northern Virginia", "water 5.30 USD/kgal (default:",
                 "discount rate 8 % (default)", "horizon 6 y (default)", "mode retrofit (default)",
                 "baseline forced_air (default"):
        assert part in prices, part
    assert "design-point power × 8,760 h" not in text  # the reference site has a weather year
    assert "— run at" not in lines[0]  # no --site: the case's own title
    # the notes sit under the economics block, before the feasibility notes
    assert lines.index(note) > lines.index(next(x for x in lines if x.startswith("levelised cost")))


def test_compare_marks_infeasible_architectures(reference_run):
    # An architecture infeasible at the design point or in any hour has every economics cell marked
    # "*", its annual infeasible hours are in the feasibility notes, and the JSON says feasible=false.
    import re

    text, doc = reference_run
    economics = text[text.index("— economics vs"):text.index("note: capex")].splitlines()[1:]
    for n in NAMES:
        bad = not doc[n]["feasible"] or doc[n]["annual"]["infeasible_hours"] > 0
        assert doc[n]["economics"]["feasible"] is (not bad)
        i = NAMES.index(n)
        cells = [re.split(r"\s{2,}", line.strip())[1:][i] for line in economics]
        assert all(c.endswith("*") == bad for c in cells), (n, cells)
        hours = doc[n]["annual"]["infeasible_hours"]
        if hours:
            assert f"  {n}: {hours:,} of 8,760 hours infeasible (" in text
    if any(not doc[n]["economics"]["feasible"] for n in NAMES):
        assert "* infeasible at the design point or in some hours: economics of a design that does not hold" in text


def test_json_wue_is_si_like_the_annual_wue(reference_run):
    text, doc = reference_run
    stock = pint.UnitRegistry()
    wue = _row(text, "WUE [L/kWh]")
    for i, n in enumerate(NAMES):
        for q in (doc[n]["wue"], doc[n]["annual"]["wue"]):
            assert q["units"] == "meter ** 3 / joule"
        # the table keeps L/kWh: 1 m³/J = 3.6e9 L/kWh; equal to the printed 2 decimals
        value = stock.Quantity(doc[n]["wue"]["magnitude"], doc[n]["wue"]["units"]).to("L/kWh").magnitude
        assert f"{value:.2f}" == wue[i]


def test_json_economics_settings_default_origins(reference_run):
    from coolsim import ureg

    _text, doc = reference_run
    st = doc["economics_settings"]
    # SI values of the defaults: 0.0892 USD/kWh = 2.4778e-8 USD/J; 5.30 USD/kgal = 1.4001 USD/m³;
    # 4 USD/h = 1.1111e-3 USD/s; 6 years (pint's 365.25-day year) = 189,345,600 s. rel 1e-9: unit arithmetic.
    for key, value, unit in (("electricity_price", 0.0892, "USD/kWh"), ("water_price", 5.30, "USD/kgal"),
                             ("gpu_hour_price", 4.0, "USD/hour"), ("horizon", 6.0, "year")):
        q = ureg.Quantity(st[key]["magnitude"], st[key]["units"])
        assert q.to(unit).magnitude == pytest.approx(value, rel=1e-9), key
        assert st[key]["origin"] == "default", key
    assert st["discount_rate"] == {"magnitude": 0.08, "units": "", "origin": "default"}
    assert st["mode"] == {"value": "retrofit", "origin": "default"}
    assert st["baseline"] == {"value": "forced_air", "origin": "default"}
    assert st["annual_energy_basis"] == "weather year"


def test_json_economics_settings_from_the_case():
    from coolsim import ureg
    from coolsim.compare import economics_for

    text = REFERENCE_TEXT + ('\n[economics]\ndiscount_rate = 0.04\nmode = "greenfield"\nbaseline = "direct_to_chip"\n'
                             '[economics.prices]\nelectricity = "12 cent/kWh"\n')
    case = case_from_text(text)
    res = case.run()
    st = comparison_json(case, res, None, economics_for(case, res, None))["economics_settings"]
    assert ureg.Quantity(st["electricity_price"]["magnitude"], st["electricity_price"]["units"]).to(
        "USD/kWh").magnitude == pytest.approx(0.12, rel=1e-9)
    assert st["electricity_price"]["origin"] == "case" and st["water_price"]["origin"] == "default"
    assert st["discount_rate"] == {"magnitude": 0.04, "units": "", "origin": "case"}
    assert st["mode"] == {"value": "greenfield", "origin": "case"}
    assert st["baseline"] == {"value": "direct_to_chip", "origin": "case"}
    assert st["horizon"]["origin"] == "default"
    assert st["annual_energy_basis"].startswith("design-point power")


DESIGN_ONLY_SITE = '[site]\nname = "Hot dry site"\ndry_bulb = "95 degF"\nwet_bulb = "70 degF"\nelevation = "300 m"\n'


def test_compare_design_only_site_note_and_infeasible_baseline(tmp_path, capsys):
    # A design-conditions-only site: annual energy is design-point power x 8,760 h and the table says so.
    # A 10 degC air supply is below the A1 allowable inlet: the baseline (forced air) is infeasible, so
    # every economics cell is printed marked; the JSON flag is each architecture's own (its design point here).
    text = REFERENCE_TEXT.replace('[site]\ndesign = "sterling-va"\n', DESIGN_ONLY_SITE)
    text = text.replace('supply_temperature = "24 degC"', 'supply_temperature = "10 degC"')
    assert DESIGN_ONLY_SITE in text and '"10 degC"' in text
    out = tmp_path / "cold.json"
    assert main(["compare", str(_write(tmp_path, text)), "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    doc = json.loads(out.read_text())
    assert doc["forced_air"]["feasible"] is False
    assert "note: no weather year at this site: annual energy and water are design-point power × 8,760 h." in printed
    assert "the baseline forced_air is one, so every comparison is marked" in printed
    for label in ("capex [M USD]", "NPV vs baseline [M USD]", "discounted payback [years]"):
        assert all(c.endswith("*") for c in _row(printed, label)), label
    assert all(doc[n]["economics"]["feasible"] is doc[n]["feasible"] for n in NAMES)
    assert doc["forced_air"]["economics"]["feasible"] is False
    assert doc["economics_settings"]["annual_energy_basis"].startswith("design-point power")
    assert "hours infeasible" not in printed  # no weather year: no hourly count to report


def test_json_refuses_an_architecture_named_economics_settings():
    from coolsim.errors import OutOfRangeError

    case = load_case(REFERENCE_CASE)
    res = case.run()
    with pytest.raises(OutOfRangeError, match="'economics_settings' is reserved"):
        comparison_json(case, {"economics_settings": res["forced_air"]})
