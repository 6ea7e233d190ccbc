"""A baseline against an alternative: incremental capex, annual savings, NPV,
IRR, payback, levelised cost; the power share of cost under named
definitions; the ``economics`` object of ``coolsim compare --json``.

Retrofit or greenfield.  ``mode="retrofit"`` charges the alternative only
for equipment the baseline lacks (per capex item, the positive part of the
difference: existing plant is reused, nothing removed is credited);
``mode="greenfield"`` charges the full difference of cooling capex (either
sign).  Servers and the rest of the facility are common to both and cancel.

Annual saving = baseline (operating cost + lost revenue) − alternative (same):
energy, water, fluid, maintenance, repair labour, spares, and the revenue
lost while servers are down.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..errors import OutOfRangeError
from ..units import DIMENSIONLESS, ENERGY, ENERGY_PRICE, MONEY, TIME, Q_, quantity_io, to_si
from .costs import _COOLING, ArchitectureCosts
from .table import payback_text, rows_from_json, table_rows  # noqa: F401 (re-exported: the table rows live in table.py)
from .finance import (
    DEFAULT_DISCOUNT_RATE,
    DEFAULT_HORIZON,
    DISCOUNT_RATE,
    YEAR_S,
    IRRResult,
    PaybackResult,
    _af,
    horizon_years,
    irr,
    levelised_cost_per_gpu_hour,
    payback,
)

__all__ = [
    "SHARE_DEFINITIONS",
    "energy_share",
    "price_for_energy_share",
    "total_cost_of_ownership",
    "PowerShare",
    "power_share_of_cost",
    "RetrofitResult",
    "evaluate_retrofit",
    "economics_json",
    "table_rows",
    "rows_from_json",
    "payback_text",
]

#: Named definitions of "power share of cost" (all over the horizon, undiscounted).
SHARE_DEFINITIONS = {
    "server": "energy cost / (server capex + energy cost) over the horizon",
    "tco": ("energy cost / total cost of ownership over the horizon: server capex + facility and cooling "
            "capex allocated straight-line over their life + every operating cost (lost revenue excluded)"),
}


@quantity_io(energy_cost=MONEY.nonnegative(), other_cost=MONEY.nonnegative())
def energy_share(energy_cost, other_cost):
    """Share of energy in a total cost.

    Parameters
    ----------
    energy_cost : pint.Quantity
        Energy cost over the period [USD].
    other_cost : pint.Quantity
        Every other cost counted in the definition over the same period [USD].

    Returns
    -------
    float or ndarray
        :math:`s = E/(E + F)` [-].

    Notes
    -----
    Which costs make up :math:`F` is the *definition*; see :data:`SHARE_DEFINITIONS`.

    References
    ----------
    .. [1] The founding article ("power is about 10 % of the cost"), and its
       check in the project domain primer (18–22 % of server capex + energy).

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(energy_share(Q_(55753, "USD"), Q_(250000, "USD")), 3)
    0.182
    """
    total = energy_cost + other_cost
    if np.any(np.asarray(total) <= 0):
        raise OutOfRangeError("parameters 'energy_cost' + 'other_cost' must be > 0 USD for a share; got 0")
    return energy_cost / total


@quantity_io(returns=ENERGY_PRICE, share=DIMENSIONLESS.between(0.0, 1.0, lo_open=True, hi_open=True),
             energy=ENERGY.positive(), other_cost=MONEY.nonnegative())
def price_for_energy_share(share, energy, other_cost):
    """Flat electricity price at which energy would be a given share of cost.

    Parameters
    ----------
    share : float or array_like
        Target share, in (0, 1) [-].
    energy : pint.Quantity
        Energy bought over the period [J].
    other_cost : pint.Quantity
        Costs other than energy over the same period, independent of the price [USD].

    Returns
    -------
    pint.Quantity
        :math:`p = s\\,F / ((1-s)\\,E)` [USD/J].

    Notes
    -----
    Closed form of :math:`pE/(pE + F) = s`; valid when :math:`F` does not
    depend on the electricity price.

    References
    ----------
    .. [1] Founding article's 10 % claim; domain primer ("10 % needs cheap power
       or building capex in the base").

    Examples
    --------
    >>> from coolsim import Q_
    >>> p = price_for_energy_share(0.10, Q_(696938, "kWh"), Q_(250000, "USD"))
    >>> round(float(p.m_as("USD/kWh")), 4)
    0.0399
    """
    return share * other_cost / ((1.0 - share) * energy)


def _years(horizon):
    return float(horizon_years(to_si(horizon, TIME.positive(), "horizon")))


def total_cost_of_ownership(costs: ArchitectureCosts, horizon=DEFAULT_HORIZON):
    """TCO over the horizon under the ``"tco"`` definition, undiscounted [USD] (Quantity).

    Parameters
    ----------
    costs : ArchitectureCosts
        One architecture's costs.
    horizon : pint.Quantity
        Evaluation horizon [s].

    Server capex in full; facility and cooling capex × min(1, n / life);
    n years of operating cost; lost revenue excluded.

    Examples
    --------
    >>> from coolsim.economics.costs import ArchitectureCosts
    >>> c = ArchitectureCosts("x", "forced_air", {"servers": 100.0, "facility": 200.0}, {"energy": 10.0},
    ...                       0.0, 1.0, 8, 1.0, 20.0)
    >>> total_cost_of_ownership(c, Q_(6, "year")).m  # 100 + 200*6/20 + 6*10
    220.0
    """
    n = _years(horizon)
    alloc = min(1.0, n / costs.infrastructure_life_years)
    infra = costs.total_capex - costs.capex.get("servers", 0.0)
    return Q_(costs.capex.get("servers", 0.0) + alloc * infra + n * costs.annual_opex, "USD")


@dataclass(frozen=True)
class PowerShare:
    """Energy share of cost under one named definition, and the flat price giving 10 %."""

    definition: str
    text: str
    share: float
    price_for_10_percent: object  # Quantity [USD/J]


def power_share_of_cost(costs: ArchitectureCosts, definition="server", horizon=DEFAULT_HORIZON, target=0.10) -> PowerShare:
    """Energy share of cost under a named definition (see :data:`SHARE_DEFINITIONS`).

    Parameters
    ----------
    costs : ArchitectureCosts
    definition : {"server", "tco"}
    horizon : pint.Quantity
        Whole years [s].
    target : float
        Share for the closed-form price, default 0.10 (the article's claim) [-].

    Returns
    -------
    PowerShare

    Examples
    --------
    >>> from coolsim.economics.costs import ArchitectureCosts
    >>> c = ArchitectureCosts("x", "forced_air", {"servers": 250000.0}, {"energy": 9292.2},
    ...                       0.0, 10.2e3 * 1.3 * 8760 * 3600, 8, 1.0, 20.0)
    >>> round(power_share_of_cost(c, "server", Q_(6, "year")).share, 3)
    0.182
    """
    if definition not in SHARE_DEFINITIONS:
        raise OutOfRangeError(f"parameter 'definition' must be one of {sorted(SHARE_DEFINITIONS)}; got {definition!r}")
    n = _years(horizon)
    e = costs.opex.get("energy", 0.0) * n
    if definition == "server":
        other = costs.capex.get("servers", 0.0)
    else:
        other = float(total_cost_of_ownership(costs, horizon).m) - e
    share = float(energy_share.si(e, other))
    energy = costs.annual_energy * n
    price = price_for_energy_share(target, Q_(energy, "J"), Q_(other, "USD")) if energy > 0 else None
    return PowerShare(definition, SHARE_DEFINITIONS[definition], share, price)


@dataclass(frozen=True)
class RetrofitResult:
    """Baseline against an alternative (money in USD, annual amounts per year, as Quantities)."""

    baseline: str
    alternative: str
    mode: str
    incremental_capex: object
    annual_saving: object
    npv: object
    irr: IRRResult
    simple_payback: PaybackResult
    discounted_payback: PaybackResult
    levelised_cost_baseline: object
    levelised_cost_alternative: object
    rate: float
    horizon: object

    @property
    def pays_back(self) -> bool:
        """Discounted payback within the horizon."""
        return bool(self.discounted_payback.pays_back)

    @property
    def reason(self) -> str:
        """Why it does not pay back ('' if it does)."""
        return str(self.discounted_payback.reason)


def _incremental_capex(base: ArchitectureCosts, alt: ArchitectureCosts, mode: str) -> float:
    keys = (*_COOLING, "fluid_fill")
    diff = np.array([alt.capex.get(k, 0.0) - base.capex.get(k, 0.0) for k in keys])
    if mode == "retrofit":
        return float(np.sum(np.maximum(diff, 0.0)))
    if mode == "greenfield":
        return float(np.sum(diff))
    raise OutOfRangeError(f"parameter 'mode' must be 'retrofit' or 'greenfield'; got {mode!r}")


def _levelised(c: ArchitectureCosts, rate, horizon):
    return levelised_cost_per_gpu_hour(Q_(c.total_capex, "USD"), Q_(c.annual_opex / YEAR_S, "USD/s"), c.gpus,
                                       c.availability, rate, horizon)


def evaluate_retrofit(baseline: ArchitectureCosts, alternative: ArchitectureCosts, rate=DEFAULT_DISCOUNT_RATE,
                      horizon=DEFAULT_HORIZON, mode="retrofit") -> RetrofitResult:
    """Compare an alternative with a baseline.

    Parameters
    ----------
    baseline, alternative : ArchitectureCosts
        Costs of the same hall under each architecture.
    rate : float
        Discount rate per year, > −1; default 8 % (assumption) [-].
    horizon : pint.Quantity
        Whole years; default 6 years (depreciation life) [s].
    mode : {"retrofit", "greenfield"}
        How the incremental capex is counted (module docstring).

    Returns
    -------
    RetrofitResult
        NPV :math:`= -\\Delta C + S\\,A(r,n)`; IRR of the flows
        :math:`[-\\Delta C, S, …, S]`; simple and discounted payback (``None``
        with a reason when never within the horizon); levelised cost per
        delivered GPU-hour of each side (total capex, annual opex).

    Examples
    --------
    >>> from coolsim.economics.costs import ArchitectureCosts
    >>> base = ArchitectureCosts("air", "forced_air", {"crah": 0.0}, {"energy": 500.0}, 0.0, 1.0, 8, 1.0, 20.0)
    >>> alt = ArchitectureCosts("d2c", "direct_to_chip", {"cdu": 1000.0}, {"energy": 100.0}, 0.0, 1.0, 8, 1.0, 20.0)
    >>> r = evaluate_retrofit(base, alt, 0.10, Q_(3, "year"))
    >>> round(float(r.npv.m), 2), r.pays_back
    (-5.26, False)
    """
    if not isinstance(baseline, ArchitectureCosts) or not isinstance(alternative, ArchitectureCosts):
        raise OutOfRangeError("parameters 'baseline' and 'alternative' must be ArchitectureCosts (see architecture_costs)")
    r = float(to_si(rate, DISCOUNT_RATE, "rate"))
    n = _years(horizon)
    dc = _incremental_capex(baseline, alternative, mode)
    s = (baseline.annual_opex + baseline.lost_revenue) - (alternative.annual_opex + alternative.lost_revenue)
    npv_value = -dc + s * _af(r, n)
    flows = Q_(np.concatenate([[-dc], np.full(int(n), s)]), "USD")
    has_sign_change = (dc > 0 and s > 0) or (dc < 0 and s < 0)
    rate_of_return = irr(flows) if has_sign_change else IRRResult(None, False, "no IRR: the cash flows never change sign")
    cap, sav = Q_(dc, "USD"), Q_(s, "USD/year")
    h = Q_(n, "year")
    return RetrofitResult(
        baseline.name, alternative.name, mode, cap, sav, Q_(npv_value, "USD"), rate_of_return,
        payback(cap, sav, 0.0, h), payback(cap, sav, r, h),
        _levelised(baseline, r, h), _levelised(alternative, r, h), r, h,
    )


# ---------------------------------------------------------------------------- JSON and table
def _money(x, per_year=False):
    return {"magnitude": float(x), "units": "USD / year" if per_year else "USD"}


def economics_json(costs: dict, baseline: str | None = None, rate=DEFAULT_DISCOUNT_RATE, horizon=DEFAULT_HORIZON,
                   mode="retrofit") -> dict:
    """The ``economics`` object of ``coolsim compare --json``, per architecture.

    Parameters
    ----------
    mode : {"retrofit", "greenfield"}
        As :func:`evaluate_retrofit`.
    costs : dict
        ``{name: ArchitectureCosts}`` in case order.
    baseline : str, optional
        Name of the baseline; default the first architecture.
    rate, horizon, mode
        As :func:`evaluate_retrofit`.

    Returns
    -------
    dict
        ``{name: {...}}`` with ``capex``, ``annual_opex``,
        ``energy_cost_per_year``, ``water_cost_per_year``,
        ``lost_revenue_per_year``, ``total_cost_of_ownership``,
        ``npv_vs_baseline``, ``payback``, ``power_share_of_cost``,
        ``levelised_cost_per_gpu_hour`` and the assumptions.  Money is
        ``{"magnitude": x, "units": "USD"}``; per-year money has units
        ``"USD / year"`` (pint's year, 365.25 days).  Stock pint knows no
        currency: a consumer parsing these units must first define
        ``ureg.define("USD = [currency]")`` (coolsim's registry already does).

    Examples
    --------
    >>> from coolsim.economics.costs import ArchitectureCosts
    >>> a = ArchitectureCosts("air", "forced_air", {"servers": 100.0}, {"energy": 10.0}, 0.0, 3.6e6, 8, 1.0, 20.0)
    >>> economics_json({"air": a})["architectures"]["air"]["capex"]
    {'magnitude': 100.0, 'units': 'USD'}
    """
    if not costs:
        raise OutOfRangeError("parameter 'costs' must name at least one architecture")
    names = list(costs)
    baseline = names[0] if baseline is None else baseline
    if baseline not in costs:
        raise OutOfRangeError(f"parameter 'baseline' must be one of {names}; got {baseline!r}")
    base = costs[baseline]
    out = {}
    for name, c in costs.items():
        shares = {}
        for key in SHARE_DEFINITIONS:
            ps = power_share_of_cost(c, key, horizon)
            shares[key] = {
                "definition": ps.text, "share": ps.share,
                "price_for_10_percent": None if ps.price_for_10_percent is None else
                {"magnitude": float(ps.price_for_10_percent.m_as("USD/kWh")), "units": "USD / kilowatt_hour"},
            }
        entry = {
            "capex": _money(c.total_capex),
            "cooling_capex": _money(c.cooling_capex),
            "annual_opex": _money(c.annual_opex, True),
            "energy_cost_per_year": _money(c.opex.get("energy", 0.0), True),
            "water_cost_per_year": _money(c.opex.get("water", 0.0), True),
            "lost_revenue_per_year": _money(c.lost_revenue, True),
            "total_cost_of_ownership": _money(total_cost_of_ownership(c, horizon).m),
            "power_share_of_cost": shares,
            "levelised_cost_per_gpu_hour": {"magnitude": float(_levelised(c, rate, horizon).m_as("USD/hour")),
                                            "units": "USD / hour"},
        }
        if name == baseline:
            entry["npv_vs_baseline"] = _money(0.0)
            entry["payback"] = {"years": None, "pays_back": False, "reason": "this is the baseline"}
        else:
            r = evaluate_retrofit(base, c, rate, horizon, mode)
            dp = r.discounted_payback
            entry["npv_vs_baseline"] = _money(r.npv.m)
            entry["incremental_capex"] = _money(r.incremental_capex.m)
            entry["annual_saving"] = _money(r.annual_saving.m_as("USD/year"), True)
            entry["irr"] = r.irr.rate
            entry["payback"] = {
                "years": None if dp.years is None else {"magnitude": float(dp.years.m_as("year")), "units": "year"},
                "pays_back": bool(dp.pays_back), "reason": str(dp.reason),
            }
        out[name] = entry
    out_meta = {"baseline": baseline, "mode": mode, "discount_rate": float(to_si(rate, DISCOUNT_RATE, "rate")),
                "horizon": {"magnitude": _years(horizon), "units": "year"},
                "annual_energy_basis": "design-point facility power x 8,760 h unless annual results are given"}
    return {"assumptions": out_meta, "architectures": out}


# ---------------------------------------------------------------------------- the reference case page
def reference_costs(case=None, prices=None, unit_costs=None) -> tuple:
    """``(case, results, {name: ArchitectureCosts})`` of a case (default the built-in
    reference case), priced as ``coolsim compare`` prices it: annual energy and water
    from the case's weather year when it has one (else design-point power × 8,760 h),
    server downtime from :mod:`coolsim.maintenance`."""
    from ..cases import REFERENCE_CASE, load_case
    from ..compare import economics_for
    from .costs import architecture_costs

    case = load_case(REFERENCE_CASE) if case is None else case
    results = case.run()
    if prices is None and unit_costs is None:
        return case, results, economics_for(case, results, case.run_year())
    costs = {name: architecture_costs(chain, results[name], case.it_load, prices, unit_costs, name=name)
             for name, chain in case.architectures.items()}
    return case, results, costs


def _liquid_energy_inputs(case, name):
    """Energy callables that rerun architecture ``name`` with another liquid share / TCS supply temperature."""
    import dataclasses

    from .costs import DESIGN_HOURS

    chain = case.architectures[name]

    def run(**changes):
        c = dataclasses.replace(chain, capture=dataclasses.replace(chain.capture, **changes))
        r = c.run(case.it_load, case.site, case.utilisation)
        return r.facility_power * DESIGN_HOURS

    return {"liquid_share": lambda x: run(liquid_share=x),
            "tcs_supply_temperature": lambda t: run(tcs_supply_temperature=t)}


def reference_tornado(case=None, baseline="forced_air", alternative="direct_to_chip"):
    """Tornado of the NPV [M USD] of the reference retrofit (forced air → direct-to-chip).

    Inputs and ranges (low, high): electricity 0.05–0.15 USD/kWh; GPU-hour
    2–5 USD; cooling capex ×0.7–×1.5; discount rate 4–12 %; liquid share
    0.65–0.90 and TCS supply 30–42 °C (the chain rerun at the design point);
    hands-on swap time of a cold-plate repair 0.25–3 h (downtime from the
    reliability model).
    """
    from ..reliability.repair import COLD_PLATE_QD
    from ..reliability.failures import LLAMA3_405B_INTERRUPTIONS
    from .plotting import retrofit_npv_metric, tornado

    case, _results, costs = reference_costs(case)
    base, alt = costs[baseline], costs[alternative]
    mtbf = 1.0 / float(LLAMA3_405B_INTERRUPTIONS.unit_failure_rate().m_as("1/s"))
    servers = case.it_load.server_count

    def downtime(swap):
        w = COLD_PLATE_QD.with_stage_duration("swap", swap)
        return Q_(servers * YEAR_S / (mtbf + w.duration_si) * w.duration_si, "s")

    metric = retrofit_npv_metric(base, alt, _liquid_energy_inputs(case, alternative), {"swap_time": downtime})
    point = {"electricity_price": Q_(0.0892, "USD/kWh"), "gpu_hour_price": Q_(4.0, "USD/hour"), "capex_scale": 1.0,
             "rate": DEFAULT_DISCOUNT_RATE, "horizon": DEFAULT_HORIZON, "liquid_share": None,
             "tcs_supply_temperature": None, "swap_time": None}
    ranges = {
        "electricity_price": (Q_(0.05, "USD/kWh"), Q_(0.15, "USD/kWh")),
        "gpu_hour_price": (Q_(2.0, "USD/hour"), Q_(5.0, "USD/hour")),
        "capex_scale": (0.7, 1.5),
        "rate": (0.04, 0.12),
        "liquid_share": (0.65, 0.90),
        "tcs_supply_temperature": (Q_(30.0, "degC"), Q_(42.0, "degC")),
        "swap_time": (Q_(0.25, "hour"), Q_(3.0, "hour")),
    }
    return tornado(metric, point, ranges, "NPV of the retrofit", "M USD")


def _f(x, fmt="{:,.2f}"):
    return fmt.format(x)


def economics_markdown(case=None) -> str:
    """The generated block of ``docs/economics.md`` (tests/test_economics_retrofit.py checks it is current)."""
    case, results, costs = reference_costs(case)
    names = list(costs)
    lines = ["| M USD unless stated | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
    for label, cells in table_rows(costs):
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    base, alt = costs["forced_air"], costs["direct_to_chip"]
    r = evaluate_retrofit(base, alt)
    lines += ["", "Retrofit forced air → direct-to-chip (existing plant reused, 8 %/year, 6 years):", ""]
    lines.append("| item | value |")
    lines.append("|---|---:|")
    for k in (*_COOLING, "fluid_fill"):
        d = alt.capex.get(k, 0.0) - base.capex.get(k, 0.0)
        if d > 0:
            lines.append(f"| new {k.replace('_', ' ')} [M USD] | {_f(d / 1e6)} |")
    dp, sp = r.discounted_payback, r.simple_payback
    irr_text = "no IRR" if r.irr.rate is None else f"{100 * r.irr.rate:.1f} %/year"
    lines += [
        f"| incremental capex [M USD] | {_f(r.incremental_capex.m / 1e6)} |",
        f"| annual saving [M USD/year] | {_f(r.annual_saving.m_as('USD/year') / 1e6)} |",
        f"| NPV [M USD] | {_f(r.npv.m / 1e6)} |",
        f"| IRR | {irr_text} |",
        f"| simple payback [years] | {'never' if sp.years is None else _f(sp.years.m_as('year'))} |",
        f"| discounted payback [years] | {'never: ' + dp.reason if dp.years is None else _f(dp.years.m_as('year'))} |",
        "",
        "Power share of cost (6 years, undiscounted) and the flat electricity price at which it would be 10 %:",
        "",
        "| definition | " + " | ".join(names) + " |",
        "|---|" + "---:|" * len(names),
    ]
    for key, text in SHARE_DEFINITIONS.items():
        shares = [power_share_of_cost(c, key) for c in costs.values()]
        lines.append(f"| {text} | " + " | ".join(f"{100 * s.share:.1f} %" for s in shares) + " |")
        lines.append("| price for 10 % under this definition [USD/kWh] | "
                     + " | ".join(f"{s.price_for_10_percent.m_as('USD/kWh'):.4f}" for s in shares) + " |")
    t = reference_tornado(case)
    lines += ["", f"Tornado of the retrofit NPV (base {_f(t.base_metric)} M USD):", "",
              "| input | low | high | NPV at low [M USD] | NPV at high [M USD] |", "|---|---|---|---:|---:|"]
    for row in t.rows:
        lo, hi = (f"{x:~P}" if hasattr(x, "units") else f"{x:g}" for x in (row.low, row.high))
        lines.append(f"| {row.name} | {lo} | {hi} | {_f(row.metric_low)} | {_f(row.metric_high)} |")
    return "\n".join(lines)
