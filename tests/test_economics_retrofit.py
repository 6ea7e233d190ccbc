"""Tests of coolsim.economics.retrofit and plotting: retrofit evaluation, power share of cost,
tornado, JSON, and the currency of docs/economics.md."""

import json
import pathlib
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coolsim import Q_, ureg
from coolsim.errors import OutOfRangeError, UnitError
from coolsim.economics.costs import ArchitectureCosts, architecture_costs, reprice
from coolsim.economics.plotting import plot_tornado, retrofit_npv_metric, tornado
from coolsim.economics.retrofit import (
    economics_json,
    economics_markdown,
    evaluate_retrofit,
    payback_text,
    power_share_of_cost,
    price_for_energy_share,
    rows_from_json,
    table_rows,
    total_cost_of_ownership,
)
from tests.strategies import floats

DOCS = pathlib.Path(__file__).resolve().parents[1] / "docs"
Y3, Y6 = Q_(3, "year"), Q_(6, "year")


def _costs(name, capex, opex, energy=1.0, lost=0.0):
    return ArchitectureCosts(name, name, capex, opex, lost, energy, 8, 1.0, 20.0)


@pytest.fixture(scope="module")
def reference():
    from coolsim.cases import REFERENCE_CASE, load_case

    case = load_case(REFERENCE_CASE)
    results = case.run()
    costs = {n: architecture_costs(c, results[n], case.it_load) for n, c in case.architectures.items()}
    return case, costs


# ---------------------------------------------------------------- hand-computed
def test_evaluate_retrofit_hand():
    base = _costs("air", {"crah": 500.0}, {"energy": 900.0}, lost=100.0)
    alt = _costs("d2c", {"crah": 100.0, "cdu": 1000.0}, {"energy": 500.0}, lost=100.0)
    r = evaluate_retrofit(base, alt, 0.10, Y3)
    # retrofit: only new equipment counts: cdu 1000 (crah reused, no credit) -> capex 1000
    # saving (900 + 100) - (500 + 100) = 400 /year; NPV = -1000 + 400 * 2.4868520 = -5.2592
    assert r.incremental_capex.m == pytest.approx(1000.0)
    assert r.annual_saving.m_as("USD/year") == pytest.approx(400.0, rel=1e-12)
    assert r.npv.m == pytest.approx(-5.259204, rel=1e-6)
    assert r.simple_payback.years.m_as("year") == pytest.approx(2.5, rel=1e-12)
    assert not r.pays_back and "beyond" in r.reason  # discounted 3.018 y > 3 y
    # greenfield: cooling capex difference 1100 - 500 = 600
    g = evaluate_retrofit(base, alt, 0.10, Y3, mode="greenfield")
    assert g.incremental_capex.m == pytest.approx(600.0)
    assert g.npv.m == pytest.approx(-600 + 400 * 2.4868520, rel=1e-6)
    assert g.irr.exists and g.pays_back


def test_retrofit_that_never_pays_back_is_reported_as_such():
    base = _costs("air", {}, {"energy": 100.0})
    alt = _costs("x", {"tanks": 1000.0}, {"energy": 120.0})
    r = evaluate_retrofit(base, alt, 0.08, Y6)
    assert r.discounted_payback.years is None and r.pays_back is False
    assert "saving <= 0" in r.reason
    assert r.irr.rate is None and "never change sign" in r.irr.reason


def test_power_share_article_check():
    # Primer: DGX H100 10.2 kW at PUE 1.3 and 0.08 USD/kWh for 6 years:
    # energy = 10.2 * 1.3 * 8760 * 0.08 * 6 = 55,753 USD; 55,753 / (250,000 + 55,753) = 0.1823,
    # and at the 199k list price 55,753 / 254,753 = 0.2188: the primer's "18-22 %" (rel 1e-3: rounding)
    kwh = 10.2 * 1.3 * 8760
    for server, expected in ((250_000.0, 0.1823), (199_000.0, 0.2188)):
        c = _costs("dgx", {"servers": server}, {"energy": kwh * 0.08}, energy=kwh * 3.6e6)
        assert power_share_of_cost(c, "server", Y6).share == pytest.approx(expected, rel=1e-3)


def test_price_for_share_round_trip():
    # closed form p = s F / ((1 - s) E): 0.1 * 250,000 / (0.9 * 696,938 kWh) = 0.039857 USD/kWh
    p = price_for_energy_share(0.10, Q_(696_938, "kWh"), Q_(250_000, "USD"))
    assert p.m_as("USD/kWh") == pytest.approx(0.1 * 250_000 / (0.9 * 696_938), rel=1e-12)
    kwh = 696_938 / 6
    c = _costs("dgx", {"servers": 250_000.0}, {"energy": kwh * p.m_as("USD/kWh")}, energy=kwh * 3.6e6)
    assert power_share_of_cost(c, "server", Y6).share == pytest.approx(0.10, rel=1e-9)
    # and the share's own 10 % price is the same number
    assert power_share_of_cost(c, "server", Y6).price_for_10_percent.m_as("USD/kWh") == pytest.approx(
        p.m_as("USD/kWh"), rel=1e-9)


def test_tco_definition_hand():
    # 100 servers + (200 facility) * 6/20 + 6 * 10 opex = 220 USD
    c = _costs("x", {"servers": 100.0, "facility": 200.0}, {"energy": 10.0})
    assert total_cost_of_ownership(c, Y6).m == pytest.approx(220.0)
    # energy / TCO = 60 / 220
    assert power_share_of_cost(c, "tco", Y6).share == pytest.approx(60 / 220, rel=1e-12)


def test_reference_retrofit_air_to_d2c(reference):
    _case, costs = reference
    r = evaluate_retrofit(costs["forced_air"], costs["direct_to_chip"])
    # design-point energy overestimates savings; here the retrofit pays back within the 6 years
    assert r.annual_saving.m > 0 and r.incremental_capex.m > 0
    assert r.pays_back and r.irr.exists and r.irr.rate > 0.08
    share = power_share_of_cost(costs["forced_air"], "server").share
    assert 0.15 < share < 0.25  # primer band 18-22 % at PUE 1.3 / 0.08 USD/kWh; here PUE 1.265 at 0.0892


# ---------------------------------------------------------------- properties
@given(p1=floats(0.01, 0.3), dp=floats(0.0, 0.3))
def test_npv_never_falls_as_electricity_price_rises(reference, p1, dp):
    _case, costs = reference
    b, a = costs["forced_air"], costs["direct_to_chip"]
    assert a.annual_energy < b.annual_energy  # a retrofit that saves energy
    n1 = evaluate_retrofit(reprice(b, Q_(p1, "USD/kWh")), reprice(a, Q_(p1, "USD/kWh"))).npv.m
    n2 = evaluate_retrofit(reprice(b, Q_(p1 + dp, "USD/kWh")), reprice(a, Q_(p1 + dp, "USD/kWh"))).npv.m
    assert n2 >= n1 - 1e-6 * abs(n1)


# ---------------------------------------------------------------- JSON, table, tornado, figure
def test_economics_json(reference):
    _case, costs = reference
    j = economics_json(costs)
    json.dumps(j)  # plain JSON
    arch = j["architectures"]
    keys = {"capex", "annual_opex", "energy_cost_per_year", "water_cost_per_year", "lost_revenue_per_year",
            "total_cost_of_ownership", "npv_vs_baseline", "payback", "power_share_of_cost"}
    for entry in arch.values():
        assert keys <= set(entry)
        # coolsim's registry (which defines USD = [currency]) parses every unit string
        assert ureg.Quantity(entry["annual_opex"]["magnitude"], entry["annual_opex"]["units"]).to("USD/s").m > 0
    assert arch["forced_air"]["payback"]["reason"] == "this is the baseline"
    assert arch["direct_to_chip"]["payback"]["pays_back"] is True
    rows = table_rows(costs)
    assert all(len(cells) == len(costs) for _, cells in rows)


def test_tornado_and_figure(tmp_path):
    base = _costs("air", {}, {"energy": 100.0, "maintenance": 0.0}, energy=1000.0)
    alt = _costs("d2c", {"cdu": 100.0}, {"energy": 50.0, "maintenance": 0.0}, energy=500.0)
    downtime = {"drain_time": lambda t: Q_(1000 * t.m_as("hour"), "s")}
    metric = retrofit_npv_metric(base, alt, downtime_inputs=downtime)
    point = {"electricity_price": Q_(0.1, "USD/J"), "gpu_hour_price": Q_(1, "USD/s"), "capex_scale": 1.0,
             "rate": 0.0, "horizon": Q_(2, "year"), "drain_time": None}
    t = tornado(metric, point, {"electricity_price": (Q_(0.05, "USD/J"), Q_(0.2, "USD/J")),
                                "drain_time": (Q_(0.5, "hour"), Q_(2, "hour")), "capex_scale": (0.5, 2.0)})
    # base NPV: -100 + 2*(0.1*(1000-500)) = 0 USD
    assert t.base_metric == pytest.approx(0.0, abs=1e-12)
    assert [r.swing for r in t.rows] == sorted((r.swing for r in t.rows), reverse=True)
    # longer drains lose more revenue: 2 h -> 2000 s x 8 GPUs x 1 USD/s per year lost
    drain = next(r for r in t.rows if r.name == "drain_time")
    assert drain.metric_high < drain.metric_low
    out = plot_tornado(t, tmp_path / "tornado.png", "test")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


# ---------------------------------------------------------------- table rows: what the NPV uses, payback text, marks
def _hand_pair():
    # test_evaluate_retrofit_hand scaled by 1e4: base CRAH 5 M, energy 9 M/y, lost 1 M/y; the alternative
    # reuses 1 M of CRAH and adds a 10 M CDU, energy 5 M/y, lost 1 M/y.
    base = _costs("air", {"crah": 5e6}, {"energy": 9e6}, lost=1e6)
    alt = _costs("d2c", {"crah": 1e6, "cdu": 10e6}, {"energy": 5e6}, lost=1e6)
    return {"air": base, "d2c": alt}


def test_table_rows_print_incremental_capex_saving_irr_and_payback_beyond_horizon():
    # Retrofit at 10 %/year over 3 years: incremental capex 10 M (the CDU; reused CRAH not credited),
    # saving 4 M/year, NPV = -10 + 4 * 2.4868520 = -0.0526 M, IRR of [-10, 4, 4, 4] = 9.701 %/year,
    # discounted payback n = -ln(1 - 0.1*10/4)/ln(1.1) = 3.018 y: beyond the 3-year horizon, so the
    # cell is the year with the horizon, not "never". Exact strings: formatting of hand-computed values.
    rows = dict(table_rows(_hand_pair(), rate=0.10, horizon=Y3))
    assert rows["incremental capex [M USD]"] == ["baseline", "10.00"]
    assert rows["annual saving [M USD/year]"] == ["baseline", "4.00"]
    assert rows["NPV vs baseline [M USD]"] == ["0.00", "-0.05"]
    assert rows["IRR [%/year]"] == ["baseline", "9.7"]
    assert rows["discounted payback [years]"] == ["baseline", "3.0 (beyond 3-y horizon)"]
    # TCO: capex x 3/20 + 3 years of opex, lost revenue excluded: 5*3/20 + 3*9; 11*3/20 + 3*5
    assert rows["TCO over 3 years [M USD]"] == ["27.75", "16.65"]
    # over 6 years it pays back within the horizon: a plain number
    assert dict(table_rows(_hand_pair(), rate=0.10, horizon=Y6))["discounted payback [years]"] == ["baseline", "3.0"]


def test_table_rows_never_only_when_no_payback_year_exists():
    base = _costs("air", {}, {"energy": 100.0})
    alt = _costs("x", {"tanks": 1000.0}, {"energy": 120.0})  # costs more to run: never pays back
    rows = dict(table_rows({"air": base, "x": alt}))
    assert rows["discounted payback [years]"] == ["baseline", "never"]
    assert rows["IRR [%/year]"] == ["baseline", "none"]


def test_table_rows_mark_infeasible_architectures():
    costs = _hand_pair()
    plain = table_rows(costs, rate=0.10, horizon=Y3)
    alt_bad = table_rows(costs, rate=0.10, horizon=Y3, infeasible={"d2c"})
    base_bad = table_rows(costs, rate=0.10, horizon=Y3, infeasible={"air"})
    for (label, cells), (_, a), (_, b) in zip(plain, alt_bad, base_bad):
        assert a == [cells[0], cells[1] + "*"], label  # only the infeasible alternative is marked
        assert b == [c + "*" for c in cells], label  # an infeasible baseline marks every comparison


def test_rows_from_json_matches_table_rows_and_needs_no_horizon():
    costs = _hand_pair()
    doc = economics_json(costs, rate=0.10, horizon=Y3)
    assert rows_from_json(doc) == table_rows(costs, rate=0.10, horizon=Y3)
    labels = [label for label, _ in rows_from_json(doc["architectures"])]
    assert "TCO over the horizon [M USD]" in labels


@given(years=floats(0.0, 100.0), horizon=st.integers(1, 40))
def test_payback_text_reads_back_the_year(years, horizon):
    # Property: the cell carries the payback year to 0.05 y (1-decimal rounding), says "beyond" exactly
    # when it is after the horizon, and is "never" only when there is no year at all.
    from coolsim.economics.finance import payback

    p = payback(Q_(years, "USD"), Q_(1.0, "USD/year"), 0.0, Q_(horizon, "year"))
    entry = {"years": {"magnitude": float(p.years.m_as("year")), "units": "year"}, "pays_back": bool(p.pays_back),
             "reason": p.reason}
    text = payback_text(entry)
    assert float(text.split()[0]) == pytest.approx(years, abs=0.05 + 1e-9 * years)
    assert ("beyond" in text) == (not p.pays_back)
    if not p.pays_back:
        assert text.endswith(f"(beyond {horizon}-y horizon)")
    assert payback_text({**entry, "years": None}) == "never"


# ---------------------------------------------------------------- bad inputs
def test_bad_retrofit_inputs():
    c = _costs("x", {}, {"energy": 1.0})
    with pytest.raises(OutOfRangeError, match="'mode'"):
        evaluate_retrofit(c, c, mode="brownfield")
    with pytest.raises(OutOfRangeError, match="'rate'"):
        evaluate_retrofit(c, c, rate=-1.0)
    with pytest.raises(OutOfRangeError, match="'horizon'"):
        evaluate_retrofit(c, c, horizon=Q_(0, "year"))
    with pytest.raises(OutOfRangeError, match="'definition'"):
        power_share_of_cost(c, "everything")
    with pytest.raises(OutOfRangeError, match="'baseline'"):
        economics_json({"x": c}, baseline="y")
    with pytest.raises(OutOfRangeError, match="'share'"):
        price_for_energy_share(1.0, Q_(1, "kWh"), Q_(1, "USD"))
    with pytest.raises(UnitError, match="'energy'"):
        price_for_energy_share(0.1, Q_(1, "USD"), Q_(1, "USD"))


# ---------------------------------------------------------------- the docs page is current
def test_economics_doc_is_current():
    text = (DOCS / "economics.md").read_text()
    block = re.search(r"<!-- BEGIN GENERATED ECONOMICS -->\n(.*)<!-- END GENERATED ECONOMICS -->", text, re.S)
    assert block is not None
    assert block.group(1).strip() == economics_markdown().strip(), (
        "docs/economics.md is out of date: regenerate the block from coolsim.economics.retrofit.economics_markdown()"
    )
