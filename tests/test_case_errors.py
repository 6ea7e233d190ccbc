"""Case-file error messages: each names the key and gives the fix as case-file text.

The messages are the ones a facility engineer reads after ``coolsim compare``;
the tests check the advice in them (case-file spelling, units a person writes,
numbers in the unit written), not only the error type.
"""

import os
import pathlib
import re

import pytest
from hypothesis import given

from coolsim.casefile import Table, unit_suggestion
from coolsim.cases import REFERENCE_CASE, case_from_text, component_schema, load_case
from coolsim.cli import main
from coolsim.economics.settings import EconomicsSettings
from coolsim.errors import CaseFileError
from coolsim.units import Q_, TEMPERATURE, TEMPERATURE_DIFFERENCE
from coolsim.weather import CLIMATES
from strategies import floats

REFERENCE_TEXT = REFERENCE_CASE.read_text()
D2C_SUPPLY = 'tcs_supply_temperature = "36 degC"'


def _error(old, new, extra=""):
    assert old in REFERENCE_TEXT
    with pytest.raises(CaseFileError) as info:
        case_from_text(REFERENCE_TEXT.replace(old, new, 1) + extra, "case.toml")
    return str(info.value)


# --- 1. degC for a temperature difference: the fix is TOML text -----------------------
def test_degc_for_a_difference_suggests_case_file_text():
    msg = _error('tcs_delta_t = "10 K"', 'tcs_delta_t = "10 degC"')
    assert "tcs_delta_t" in msg and "line" in msg
    assert 'write "10 delta_degC" (or "10 K")' in msg
    assert "Q_(" not in msg


def test_degf_for_a_difference_gives_the_same_difference_in_k():
    msg = _error('tcs_delta_t = "10 K"', 'tcs_delta_t = "18 degF"')
    assert 'write "18 delta_degF" (or "10 K")' in msg  # 18 degF of difference is 10 K exactly


def test_difference_for_an_absolute_temperature_suggests_degc():
    msg = _error(D2C_SUPPLY, 'tcs_supply_temperature = "36 delta_degC"')
    assert 'write "36 degC" (or K, degF)' in msg and "Q_(" not in msg


def test_library_callers_keep_the_python_spelling():
    from coolsim.heat_balance import mass_flow_for_heat

    with pytest.raises(Exception) as info:
        mass_flow_for_heat(Q_(100, "kW"), Q_(10, "degC"), Q_(4184, "J/(kg*K)"))
    assert "Q_(10, 'delta_degC')" in str(info.value)


# --- 2./3. missing units: examples in units a person writes --------------------------
def test_horizon_without_unit_suggests_years_not_annum():
    with pytest.raises(CaseFileError) as info:
        case_from_text(REFERENCE_TEXT + "\n[economics]\nhorizon = 6\n", "case.toml")
    msg = str(info.value)
    assert "economics.horizon" in msg and '"6 year"' in msg
    assert '"6.0 a"' not in msg and " a\"" not in msg


def test_temperature_string_without_unit_says_missing_unit():
    msg = _error(D2C_SUPPLY, 'tcs_supply_temperature = "40"')
    assert 'missing unit: write "40 degC" (or K, degF)' in msg
    assert "wrong dimension" not in msg


def test_temperature_number_without_unit_suggests_degc_not_kelvin():
    msg = _error(D2C_SUPPLY, "tcs_supply_temperature = 40")
    assert '"40 degC" (or K, degF)' in msg and "309.15" not in msg


def test_difference_number_without_unit_suggests_kelvin():
    msg = _error('tcs_delta_t = "10 K"', "tcs_delta_t = 10")
    assert '"10 K" (or delta_degC, delta_degF)' in msg


def test_site_temperature_without_unit():
    msg = _error('design = "sterling-va"', 'dry_bulb = "35"\nwet_bulb = "24 degC"')
    assert "site.dry_bulb" in msg and 'missing unit: write "35 degC" (or K, degF)' in msg


def test_wrong_dimension_suggests_the_unit_to_use():
    msg = _error(D2C_SUPPLY, 'tcs_supply_temperature = "40 kW"')
    assert "wrong dimension" in msg and '"40 degC"' in msg


# --- 4. out-of-range temperatures in the unit written -------------------------------
def test_out_of_range_temperature_reported_in_degc():
    msg = _error('supply_temperature = "24 degC"', 'supply_temperature = "2400 degC"')
    assert "supply_temperature" in msg and "got 2400 degC" in msg
    assert re.search(r"<= \d+ degC", msg) and "2673.15" not in msg


def test_out_of_range_site_temperature_reported_in_degf():
    msg = _error('design = "sterling-va"', 'dry_bulb = "200 degF"\nwet_bulb = "70 degF"')
    # the site range is -50 ... 60 degC = -58 ... 140 degF (exact conversions)
    assert "must be >= -58 degF and <= 140 degF; got 200 degF" in msg


def test_out_of_range_temperature_in_kelvin_stays_in_kelvin():
    msg = _error('design = "sterling-va"', 'dry_bulb = "400 K"\nwet_bulb = "290 K"')
    assert "<= 333.15 K; got 400.0 K" in msg


# --- 6. racks -------------------------------------------------------------------------
@pytest.mark.parametrize("servers, fix", [(601, "use 600 or 604 servers"), (3, "use 4 servers"),
                                          (2001, "use 2000 or 2004 servers")])
def test_servers_not_filling_racks_suggests_counts(servers, fix):
    msg = _error("servers = 2000", f"servers = {servers}")
    assert f"{servers} servers do not fill whole racks of 4: {fix}, or set servers_per_rack" in msg


# --- 7. weather files -----------------------------------------------------------------
def test_missing_weather_file_shows_resolved_path_and_climates(tmp_path):
    case = tmp_path / "case.toml"
    case.write_text(REFERENCE_TEXT.replace('design = "sterling-va"', 'weather = "nope/chicago.epw"'))
    with pytest.raises(CaseFileError) as info:
        load_case(case)
    msg = str(info.value)
    assert str((tmp_path / "nope" / "chicago.epw").resolve()) in msg
    assert "site.weather" in msg and "case file's folder" in msg
    assert all(name in msg for name in CLIMATES)


def test_missing_weather_file_relative_case_path(tmp_path, monkeypatch):
    # a case given by a relative path: the weather file is still looked for beside it, shown absolute
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "case.toml").write_text(REFERENCE_TEXT.replace('design = "sterling-va"',
                                                                       'weather = "x.epw"'))
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CaseFileError) as info:
        load_case(pathlib.Path("sub") / "case.toml")
    assert str(tmp_path.resolve() / "sub" / "x.epw") in str(info.value)


def test_library_weather_error_shows_absolute_path_and_climates(tmp_path):
    from coolsim.weather import read_epw

    with pytest.raises(CaseFileError) as info:
        read_epw(tmp_path / "none.epw")
    assert os.path.isabs(str(info.value).split("looked for ")[1].split(")")[0])
    assert "sterling-va" in str(info.value)


def test_misspelt_climate_name_still_suggests_closest():
    msg = _error('design = "sterling-va"', 'weather = "tampa-fk"')
    assert "tampa-fl" in msg


# --- 8. gpu_hour: set in [maintenance], not listed as valid in [economics.prices] -------
def test_gpu_hour_in_prices_points_to_maintenance_with_line():
    with pytest.raises(CaseFileError) as info:
        case_from_text(REFERENCE_TEXT + '\n[economics.prices]\ngpu_hour = "3 USD/hour"\n', "case.toml")
    msg = str(info.value)
    assert "gpu_hour_price in [maintenance]" in msg and "line" in msg


def test_misspelt_price_key_does_not_list_gpu_hour():
    with pytest.raises(CaseFileError) as info:
        case_from_text(REFERENCE_TEXT + '\n[economics.prices]\nelectricty = "0.1 USD/kWh"\n', "case.toml")
    msg = str(info.value)
    assert "did you mean 'electricity'" in msg
    valid = msg.split("valid keys here: ")[1]
    assert "gpu_hour" not in valid and "electricity" in valid


def test_misspelt_gpu_hour_in_prices_points_to_maintenance():
    with pytest.raises(CaseFileError) as info:
        case_from_text(REFERENCE_TEXT + '\n[economics.prices]\ngpu_hours = "3 USD/hour"\n', "case.toml")
    msg = str(info.value)
    assert "gpu_hour_price in [maintenance]" in msg and "did you mean 'gpu_hour'" not in msg


def test_gpu_hour_is_not_a_case_key_of_the_economics_schema():
    keys = [k for k, _ in component_schema(EconomicsSettings(), "economics")]
    assert "economics.prices.gpu_hour" not in keys and "economics.prices.electricity" in keys


def test_gpu_hour_price_in_maintenance_still_works():
    case = case_from_text(REFERENCE_TEXT + '\n[maintenance]\ngpu_hour_price = "3 USD/hour"\n')
    assert case.maintenance.gpu_hour_price.m_as("USD/hour") == pytest.approx(3.0)


# --- the CLI shows the same messages ---------------------------------------------------
def test_cli_shows_case_file_spelling(tmp_path, capsys):
    case = tmp_path / "case.toml"
    case.write_text(REFERENCE_TEXT.replace('tcs_delta_t = "10 K"', 'tcs_delta_t = "10 degC"'))
    assert main(["compare", str(case)]) == 2
    err = capsys.readouterr().err
    assert '"10 delta_degC"' in err and "Traceback" not in err


# --- the suggestion helper and the Table reader -------------------------------------------
@pytest.mark.parametrize("current, expected", [
    (Q_(309.15, "K"), '"7 degC" (or K, degF)'),
    (Q_(24, "degC"), '"7 degC" (or K, degF)'),
    (Q_(10, "K"), '"7 K" (or delta_degC, delta_degF)'),
    (Q_(20, "delta_degF"), '"7 delta_degF" (or K, delta_degC)'),
    (Q_(6, "year"), '"7 year"'),
    (Q_(4, "USD/hour"), '"7 USD/hour"'),
    (Q_(5, "L"), '"7 L"'),
])
def test_unit_suggestion_from_a_default(current, expected):
    assert unit_suggestion(7, current=current) == expected


def test_unit_suggestion_from_a_kind():
    assert unit_suggestion(7, TEMPERATURE) == '"7 degC" (or K, degF)'
    assert unit_suggestion(7, TEMPERATURE_DIFFERENCE) == '"7 K" (or delta_degC, delta_degF)'


@given(t=floats(-40.0, 55.0))
def test_suggested_text_reads_back_as_the_number_in_degc(t):
    # Property: the suggestion for a bare temperature is case-file text that parses to t degC
    # (within the 10 significant digits printed).
    text = unit_suggestion(t, TEMPERATURE).split('"')[1]
    table = Table.from_text(f't = "{text}"', "x.toml")
    assert table.quantity("t", TEMPERATURE.any()).m_as("degC") == pytest.approx(t, rel=1e-9, abs=1e-9)


@given(t=floats(61.0, 5000.0))
def test_out_of_range_degc_got_value_reads_back(t):
    # Property: "got <x> degC" in the message is the value the user wrote (10 significant digits).
    with pytest.raises(CaseFileError) as info:
        Table.from_text(f't = "{t!r} degC"', "x.toml").quantity("t", TEMPERATURE.between(223.15, 333.15))
    got = float(re.search(r"got (\S+) degC", str(info.value)).group(1))
    assert got == pytest.approx(t, rel=1e-9)


def test_non_string_value_suggests_the_default_as_written():
    msg = _error(D2C_SUPPLY, "tcs_supply_temperature = [36]")
    assert 'e.g. "36 degC" (or K, degF)' in msg  # the default, 309.15 K, written in degC


def test_unreadable_unit_suggests_the_default_as_written():
    msg = _error(D2C_SUPPLY, 'tcs_supply_temperature = "36 degCC"')
    assert "cannot read" in msg and '"36 degC" (or K, degF)' in msg


def test_unit_suggestion_of_the_default_itself():
    assert unit_suggestion(None, current=Q_(309.15, "K")) == '"36 degC" (or K, degF)'
    assert unit_suggestion(None, current=Q_(20, "delta_degF")) == '"20 delta_degF" (or K, delta_degC)'
    assert unit_suggestion(None, current=Q_(6, "a")) == '"6 year"'


# --- limits checked when the case is built, with file, line and key ----------------------
def test_junction_limit_out_of_physical_range_is_a_case_error():
    # a GPU limit of 2400 degC is refused when the case is read (0-150 degC), not when it runs
    msg = _error(D2C_SUPPLY, D2C_SUPPLY + '\njunction_limit = "2400 degC"')
    assert "junction_limit" in msg and "line" in msg and "150 degC" in msg and "2400 degC" in msg


def test_reference_device_temperature_out_of_range_is_a_case_error():
    msg = _error(D2C_SUPPLY, D2C_SUPPLY, extra='\n[maintenance]\nreference_device_temperature = "2400 degC"\n')
    assert "reference_device_temperature" in msg and "150 degC" in msg


def test_economics_settings_is_a_reserved_architecture_name():
    text = REFERENCE_TEXT.replace("[architectures.direct_to_chip]", "[architectures.economics_settings]")
    text = text.replace("[architectures.direct_to_chip.", "[architectures.economics_settings.")
    with pytest.raises(CaseFileError, match="reserved"):
        case_from_text(text, "case.toml")


def test_glycol_percent_hint_in_case_file_spelling():
    from coolsim.coolants import propylene_glycol
    from coolsim.errors import OutOfRangeError
    from coolsim.units import case_file_messages

    with pytest.raises(OutOfRangeError, match=r"Q_\(25, 'percent'\)"):
        propylene_glycol(25)
    with case_file_messages(), pytest.raises(OutOfRangeError, match='or "25 %"'):
        propylene_glycol(25)
