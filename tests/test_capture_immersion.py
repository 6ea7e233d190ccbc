"""Tests of coolsim.capture.immersion: single- and two-phase immersion capture.

Validation (R25, B5, B3), reference-hall plausibility, hypothesis properties and bad
inputs.  Every number is traced in tests/data/sources/capture_immersion.md.
"""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from coolsim import Q_
from coolsim.boiling import LIENHARD_DHIR_K, ZUBER_K
from coolsim.capture.immersion import SECONDS_PER_YEAR, SinglePhaseImmersion, TwoPhaseImmersion
from coolsim.coolants import MINERAL_OIL_PNF, NOVEC_649, NOVEC_7100, TwoPhaseFluid, water
from coolsim.errors import OutOfRangeError, UnitError, ValidityRangeError
from coolsim.it_equipment import ITLoad
from coolsim.site import design_site
from tests.strategies import delta_t_q, floats, temperature_q

HALL = ITLoad("dgx-h100", racks=500)  # 2,000 DGX-H100, 4 per rack (the reference hall)
SITE = design_site("sterling-va").si
SP = SinglePhaseImmersion()
TP = TwoPhaseImmersion()
SP_REF = SP.capture_si(HALL, 1.0, SITE)
TP_REF = TP.capture_si(HALL, 1.0, SITE)
utilisation = floats(0.0, 1.0)


class _Constant:
    """Property backend with constant (ρ, cp, μ, k), for a fluid defined by a textbook example."""

    def __init__(self, rho, cp, mu, k):
        self.values = (rho, cp, mu, k)

    def column(self, i, T):
        return np.full(np.shape(T), self.values[i]) if np.ndim(T) else self.values[i]


# Serth's example (R25): σ 8.2 mN/m, h_fg 272 kJ/kg, ρ_l 567, ρ_v 18.09 kg/m³.  The boiling point
# is put at 25 °C so that the fluid's surface tension at saturation is exactly sigma_ref; μ, k, cp
# only feed the Rohsenow superheat (values of a light hydrocarbon; not part of the check).
SERTH = TwoPhaseFluid("Serth example fluid", 273.15, 298.15, "test", None, _Constant(567.0, 2500.0, 1.0e-4, 0.1),
                      boiling_point=298.15, latent_heat_si=272.0e3, vapour_density_si=18.09, molar_mass=0.044,
                      critical_temperature=369.8, sigma_ref=8.2e-3, gwp=0.0)


# ---------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("k, expected", [(LIENHARD_DHIR_K, 444.3e3), (0.18, 536.7e3)])
def test_critical_heat_flux_zuber_serth(k, expected):
    # R25 through the component's CHF path; 1e-4 relative: the reference has 4 significant figures.
    r = TwoPhaseImmersion(fluid=SERTH, zuber_k=k, boiling_area_per_gpu=Q_(1, "m**2")).capture_si(HALL, 1.0, SITE)
    assert r.details["critical_heat_flux"][0] == pytest.approx(expected, rel=1e-4)


@pytest.mark.parametrize("fluid", [NOVEC_649, NOVEC_7100])
@pytest.mark.parametrize("k", [ZUBER_K, LIENHARD_DHIR_K])
def test_critical_heat_flux_zuber_dielectric_band(fluid, k):
    # B5: dielectric pool-boiling CHF 5-20 W/cm² (a plausibility band, not a point value).
    r = TwoPhaseImmersion(fluid=fluid, zuber_k=k).capture_si(HALL, 1.0, SITE)
    assert 5e4 <= r.details["critical_heat_flux"][0] <= 20e4


def test_capture_si_eiland2017_ppue():
    # B3: Eiland et al. (2017) measured pPUE_cooling as low as 1.03 for a mineral-oil loop that
    # includes the oil pump and the heat rejection.  The capture side here is the oil pumps only,
    # a part of that loop, so its pPUE must lie in (1, 1.03]; the lower bound 1.002 rejects a
    # model in which pumping a viscous oil is free.
    ppue = 1.0 + SP_REF.pump_power / SP_REF.it_power
    assert 1.002 < ppue <= 1.03


def test_single_phase_reference_hall():
    r, s = SP_REF, SP._si
    # Fans removed: IT = compute = (10.2 - 1.02 kW) x 2,000 (exact up to rounding).
    assert r.it_power == pytest.approx(2000 * 9180.0, rel=1e-12)
    assert r.server_fan_power == 0.0 and r.it_inlet_temperature is None and r.heat_to_air == 0.0
    assert r.details["tank_count"][0] == 500
    # 250 US gal per tank (cited default), 500 tanks: 473.2 m³ (1e-9: exact arithmetic).
    assert r.details["fluid_volume"][0] == pytest.approx(500 * 250 * 3.785411784e-3, rel=1e-9)
    # Oil's volumetric heat capacity is 1.6-1.8 MJ/(m³·K) (Paratherm NF, 30-60 °C), so a 10 K rise
    # needs 3.3-3.8 L/min per kW — about 2.4x the 1.5 L/min per kW of water loops (OCP guidance).
    per_kw = r.coolant_flow * 60000.0 / (r.it_power / 1000.0)
    assert 3.3 <= per_kw <= 3.8
    # Facility supply = fluid supply - approach (exact by construction).
    (fw,) = r.streams
    assert fw.supply_temperature == pytest.approx(s["fluid_supply_temperature"] - s["hx_approach"], abs=1e-12)
    # GPU junction between the oil outlet and the 85 °C limit at the default design.
    assert r.details["fluid_return_temperature"][0] < r.max_device_temperature <= s["junction_limit"]
    assert r.feasibility.all


def test_two_phase_reference_hall():
    r = TP_REF
    # Vapour generation Q/h_fg = 18.36 MW / 88 kJ/kg = 208.6 kg/s; condensate 208.6/1527 m³/s.
    assert r.details["vapour_generation"][0] == pytest.approx(18.36e6 / 88e3, rel=1e-12)
    assert r.coolant_flow * 60000 == pytest.approx(8196, rel=2e-3)  # L/min; rho_l(49 °C) 1527 kg/m³
    assert r.pump_power == 0.0 and r.server_fan_power == 0.0
    (fw,) = r.streams
    assert fw.supply_temperature == pytest.approx(NOVEC_649.boiling_point - 12.0, abs=1e-12)
    # Condenser water at a 6 K rise: 18.36 MW / (4.18 kJ/(kg K) * 6 K) ~ 0.73 m³/s (0.5 % for cp, rho).
    assert r.details["facility_water_flow"][0] == pytest.approx(18.36e6 / (4180 * 6) / 993.0, rel=5e-3)
    # 700 W on 100 cm² = 7 W/cm²; Zuber CHF 13.9 W/cm², margin 1.98.
    assert r.details["gpu_heat_flux"][0] == pytest.approx(7e4, rel=1e-12)
    assert r.details["chf_margin"][0] == pytest.approx(r.details["critical_heat_flux"][0] / 7e4, rel=1e-12)
    assert r.details["vapour_loss_per_year"][0] == pytest.approx(500 * 0.01 / 3600 * SECONDS_PER_YEAR, rel=1e-12)
    assert NOVEC_649.boiling_point < r.max_device_temperature <= NOVEC_649.boiling_point + 40.0
    assert r.feasibility.all


def test_two_phase_bare_die_exceeds_chf_and_is_flagged():
    # A bare ~8 cm² lid at 700 W: 87.5 W/cm² vs ~14 W/cm² → margin ~0.16, flagged, not clamped.
    r = TwoPhaseImmersion(boiling_area_per_gpu=Q_(8, "cm**2")).capture_si(HALL, np.array([0.5, 1.0]), SITE)
    q = r.details["gpu_heat_flux"][0]
    assert np.allclose(r.details["chf_margin"][0], r.details["critical_heat_flux"][0] / q, rtol=1e-12)
    assert r.details["chf_margin"][0][1] == pytest.approx(13.86e4 / 87.5e4, rel=2e-3)
    assert r.feasibility.reasons_anywhere()[0] == "CHF exceeded"
    assert not r.feasibility.feasible.any()
    assert np.isnan(r.max_device_temperature).all()  # no nucleate-boiling state: not evaluated


def test_single_phase_natural_convection_floor():
    # With almost no flow through the heat sinks the forced conductance vanishes and natural
    # convection in the fin channels (Bar-Cohen & Rohsenow) carries the GPU heat: check the
    # returned ΔT solves ΔT·h_nat(ΔT)·A = P to 1e-9 (bisection to machine precision).
    c = SinglePhaseImmersion(heat_sink_flow_share=1e-6)
    r = c.capture_si(HALL, 1.0, SITE)
    dt = r.details["heat_sink_temperature_rise"][0]
    t = r.details["fluid_return_temperature"][0]
    f, s = MINERAL_OIL_PNF, c._si
    rho, cp, mu, k = f.density_si(t), f.specific_heat_si(t), f.viscosity_si(t), f.conductivity_si(t)
    t0, t1 = s["fluid_supply_temperature"], s["fluid_supply_temperature"] + s["fluid_delta_t"]
    beta = 2 * (f.density_si(t0) - f.density_si(t1)) / ((f.density_si(t0) + f.density_si(t1)) * s["fluid_delta_t"])
    el = 9.80665 * beta * dt * s["fin_gap"] ** 4 * rho**2 * cp / (mu * k * s["fin_length"])
    nu = (576.0 / el**2 + 2.87 / math.sqrt(el)) ** -0.5
    assert nu * k / s["fin_gap"] * s["heat_sink_area"] * dt == pytest.approx(700.0, rel=1e-9)
    assert 0.0 < dt < 100.0


def test_room_loss_adds_a_chilled_water_stream_first():
    r = SinglePhaseImmersion(room_loss_fraction=0.02).capture_si(HALL, 1.0, SITE)
    chw, fw = r.streams
    assert chw.circuit.name == "CHILLED_WATER" and fw.circuit.name == "FACILITY_WATER"
    assert r.heat_to_air == pytest.approx(0.02 * r.it_power, rel=1e-12)
    assert r.air_mover_power > 0.0 and r.cooling_airflow > 0.0


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------
def _balance(r):
    return sum(s.heat for s in r.streams) - (r.it_power + r.air_mover_power + r.pump_power)


@given(u=utilisation, t_s=floats(293.15, 323.15), dt=floats(4.0, 15.0), loss=floats(0.0, 0.1))
def test_single_phase_energy_conservation(u, t_s, dt, loss):
    c = SinglePhaseImmersion(fluid_supply_temperature=Q_(t_s, "K"), fluid_delta_t=Q_(dt, "K"),
                             facility_delta_t=Q_(dt, "K"), room_loss_fraction=loss)
    r = c.capture_si(HALL, u, SITE)
    # 1e-9 relative: floating-point round-off of sums of ~1e7 W.
    assert abs(_balance(r)) <= 1e-9 * r.it_power
    assert r.heat_to_air + r.heat_to_liquid == pytest.approx(r.it_power, rel=1e-12)


@given(u=utilisation, approach=floats(5.0, 25.0), area=floats(50e-4, 400e-4))
def test_two_phase_energy_conservation_and_vapour_proportional_to_heat(u, approach, area):
    c = TwoPhaseImmersion(condenser_approach=Q_(approach, "K"), condenser_water_delta_t=Q_(0.5 * approach, "K"),
                          boiling_area_per_gpu=Q_(area, "m**2"))
    r = c.capture_si(HALL, u, SITE)
    assert abs(_balance(r)) <= 1e-9 * r.it_power
    # vapour generation ∝ heat: ṁ_v h_fg = Q (1e-12: one division).
    assert r.details["vapour_generation"][0] * NOVEC_649.latent_heat_si == pytest.approx(r.it_power, rel=1e-12)


@given(u1=utilisation, u2=utilisation)
def test_device_temperature_increases_with_gpu_power(u1, u2):
    lo, hi = sorted((u1, u2))
    for comp in (SP, TP):
        a, b = comp.capture_si(HALL, lo, SITE), comp.capture_si(HALL, hi, SITE)
        assert a.details["gpu_power"][0] <= b.details["gpu_power"][0]
        assert a.max_device_temperature <= b.max_device_temperature + 1e-9


@given(u1=utilisation, u2=utilisation, a1=floats(20e-4, 500e-4), a2=floats(20e-4, 500e-4))
def test_chf_margin_falls_with_power_and_rises_with_area(u1, u2, a1, a2):
    (ulo, uhi), (alo, ahi) = sorted((u1, u2)), sorted((a1, a2))
    m = lambda u, a: TwoPhaseImmersion(boiling_area_per_gpu=Q_(a, "m**2")).capture_si(  # noqa: E731
        HALL, u, SITE).details["chf_margin"][0]
    assert m(uhi, alo) <= m(ulo, alo) * (1 + 1e-12)
    assert m(ulo, alo) <= m(ulo, ahi) * (1 + 1e-12)


@given(u=utilisation, dt1=floats(3.0, 15.0), dt2=floats(3.0, 15.0), s1=floats(0.05, 1.0), s2=floats(0.05, 1.0))
def test_more_fluid_flow_never_raises_device_temperature(u, dt1, dt2, s1, s2):
    # Smaller fluid ΔT or a larger heat-sink share = more flow past the GPU.
    (dlo, dhi), (slo, shi) = sorted((dt1, dt2)), sorted((s1, s2))
    t = lambda dt, sh: SinglePhaseImmersion(fluid_delta_t=Q_(dt, "K"), facility_delta_t=Q_(dt, "K"),  # noqa: E731
                                            heat_sink_flow_share=sh).capture_si(HALL, u, SITE)
    more, less = t(dlo, shi), t(dhi, slo)
    assert more.coolant_flow >= less.coolant_flow
    assert more.max_device_temperature <= less.max_device_temperature + 1e-9


@given(us=st.lists(utilisation, min_size=1, max_size=6))
def test_array_result_equals_scalar_results(us):
    u = np.array(us)
    for comp in (SP, TP):
        arr = comp.capture_si(HALL, u, SITE)
        for i, ui in enumerate(us):
            one = comp.capture_si(HALL, float(ui), SITE)
            for name in ("it_power", "pump_power", "coolant_flow", "max_device_temperature"):
                assert getattr(arr, name)[i] == pytest.approx(getattr(one, name), rel=1e-12)
            assert arr.streams[-1].heat[i] == pytest.approx(one.streams[-1].heat, rel=1e-12)


@given(data=st.data(), t_s=floats(303.15, 318.15), dt=floats(5.0, 12.0))
def test_unit_invariance(data, t_s, dt):
    ref = SinglePhaseImmersion(fluid_supply_temperature=Q_(t_s, "K"), fluid_delta_t=Q_(dt, "K"),
                               facility_delta_t=Q_(dt, "K"))
    other = SinglePhaseImmersion(
        fluid_supply_temperature=data.draw(temperature_q(t_s)), fluid_delta_t=data.draw(delta_t_q(dt)),
        facility_delta_t=data.draw(delta_t_q(dt)),
        hx_approach=Q_(9.0, "delta_degF"), fin_gap=Q_(0.2, "cm"), heat_sink_area=Q_(5000, "cm**2"),
        internal_pressure_drop=Q_(50000 / 6894.757293168, "psi"), fluid_volume_per_tank=Q_(946.352946, "L"))
    a, b = ref.capture_si(HALL, 0.7, SITE), other.capture_si(HALL, 0.7, SITE)
    # 1e-9 relative: unit-factor round-off only.
    for name in ("pump_power", "coolant_flow", "max_device_temperature"):
        assert getattr(b, name) == pytest.approx(getattr(a, name), rel=1e-9)
    tp_a = TwoPhaseImmersion(condenser_approach=Q_(2 * dt, "K")).capture_si(HALL, 0.7, SITE)
    tp_b = TwoPhaseImmersion(condenser_approach=data.draw(delta_t_q(2 * dt))).capture_si(HALL, 0.7, SITE)
    assert tp_b.streams[0].supply_temperature == pytest.approx(tp_a.streams[0].supply_temperature, rel=1e-12)


# ---------------------------------------------------------------------------
# Bad inputs
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("cls, name, value, err", [
    (SinglePhaseImmersion, "fluid_delta_t", Q_(-5, "K"), OutOfRangeError),
    (SinglePhaseImmersion, "fluid_delta_t", Q_(10, "degC"), UnitError),
    (SinglePhaseImmersion, "fluid_delta_t", Q_(math.nan, "K"), OutOfRangeError),
    (SinglePhaseImmersion, "hx_approach", Q_(-2, "K"), OutOfRangeError),
    (SinglePhaseImmersion, "heat_sink_area", Q_(-0.1, "m**2"), OutOfRangeError),
    (SinglePhaseImmersion, "heat_sink_area", 0.5, UnitError),
    (SinglePhaseImmersion, "fluid_supply_temperature", Q_(-20, "degC"), OutOfRangeError),
    (SinglePhaseImmersion, "fluid_supply_temperature", Q_(math.nan, "degC"), OutOfRangeError),
    (SinglePhaseImmersion, "fluid_supply_temperature", Q_(40, "delta_degC"), UnitError),
    (SinglePhaseImmersion, "heat_sink_flow_share", 0.0, OutOfRangeError),
    (SinglePhaseImmersion, "room_loss_fraction", 1.0, OutOfRangeError),
    (SinglePhaseImmersion, "facility_delta_t", Q_(20, "K"), OutOfRangeError),
    (SinglePhaseImmersion, "pump_efficiency", 1.5, OutOfRangeError),
    (SinglePhaseImmersion, "servers_per_tank", 0, OutOfRangeError),
    (TwoPhaseImmersion, "boiling_area_per_gpu", Q_(-1, "cm**2"), OutOfRangeError),
    (TwoPhaseImmersion, "boiling_area_per_gpu", Q_(math.nan, "cm**2"), OutOfRangeError),
    (TwoPhaseImmersion, "condenser_approach", Q_(-3, "K"), OutOfRangeError),
    (TwoPhaseImmersion, "condenser_approach", Q_(12, "degC"), UnitError),
    (TwoPhaseImmersion, "condenser_approach", Q_(60, "K"), OutOfRangeError),  # facility water below 0 °C
    (TwoPhaseImmersion, "condenser_water_delta_t", Q_(12, "K"), OutOfRangeError),
    (TwoPhaseImmersion, "chf_enhancement", 0.5, OutOfRangeError),
    (TwoPhaseImmersion, "vapour_loss_rate", Q_(-1, "kg/hour"), OutOfRangeError),
    (TwoPhaseImmersion, "vapour_loss_rate", Q_(1, "L/hour"), UnitError),
    (TwoPhaseImmersion, "fluid", MINERAL_OIL_PNF, OutOfRangeError),
    (TwoPhaseImmersion, "fluid", water(), OutOfRangeError),
    (SinglePhaseImmersion, "fluid", "mineral oil", OutOfRangeError),
])
def test_bad_input_raises_naming_parameter(cls, name, value, err):
    with pytest.raises(err, match=name):
        cls(**{name: value})


def test_fluid_outlet_above_datasheet_range_names_delta_t():
    # Novec 7100 used single-phase: valid up to its 61 °C boiling point; 55 + 10 °C is beyond it.
    with pytest.raises(OutOfRangeError, match="fluid_delta_t"):
        SinglePhaseImmersion(fluid=NOVEC_7100, fluid_supply_temperature=Q_(55, "degC"))


def test_heat_sink_beyond_laminar_range_raises_validity_error():
    with pytest.raises(ValidityRangeError, match="heat_sink_area"):
        SinglePhaseImmersion(heat_sink_area=Q_(1, "cm**2")).capture_si(HALL, 1.0, SITE)


def test_bad_utilisation_and_load():
    with pytest.raises(OutOfRangeError, match="utilisation"):
        SP.capture(HALL, 1.5)
    with pytest.raises(OutOfRangeError, match="it_load"):
        TP.capture_si("dgx-h100", 1.0, SITE)
