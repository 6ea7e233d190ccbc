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
