"""The economics block of the comparison table: rows of text cells from an
:func:`~coolsim.economics.retrofit.economics_json` document (shared by
``coolsim compare``, the CSV and the HTML report)."""

from __future__ import annotations

import re

from .finance import DEFAULT_DISCOUNT_RATE, DEFAULT_HORIZON

__all__ = ["table_rows", "payback_text", "rows_from_json"]


def table_rows(costs: dict, baseline: str | None = None, rate=DEFAULT_DISCOUNT_RATE, horizon=DEFAULT_HORIZON,
               mode="retrofit", infeasible=()) -> list[tuple[str, list[str]]]:
    """Headline economics as (label with unit, one cell per architecture), for the comparison table.

    Parameters
    ----------
    costs : dict
        ``{name: ArchitectureCosts}`` in case order.
    baseline : str, optional
        Baseline architecture; default the first.
    rate : float
        Discount rate per year [-].
    horizon : pint.Quantity
        Evaluation horizon [s].
    mode : {"retrofit", "greenfield"}
        As :func:`evaluate_retrofit`.
    infeasible : collection of str
        Architectures that do not hold their limits (design point or some
        hour): their cells end in ``*``, and every cell does when the
        baseline is one of them.

    Examples
    --------
    >>> from coolsim.economics.costs import ArchitectureCosts
    >>> a = ArchitectureCosts("air", "forced_air", {"servers": 1e6}, {"energy": 1e5}, 0.0, 3.6e9, 8, 1.0, 20.0)
    >>> table_rows({"air": a})[0]
    ('capex [M USD]', ['1.00'])
    >>> table_rows({"air": a}, infeasible={"air"})[0]
    ('capex [M USD]', ['1.00*'])
    """
    from .retrofit import economics_json

    return rows_from_json(economics_json(costs, baseline, rate, horizon, mode), infeasible)


def payback_text(payback: dict, horizon_years=None) -> str:
    """The table cell of a ``payback`` object of :func:`economics_json`.

    ``"baseline"``; the years within the horizon (``"4.9"``); the years with
    ``"(beyond N-y horizon)"`` when it pays back only after the horizon; or
    ``"never"`` when the cash flows never pay back.

    Parameters
    ----------
    payback : dict
        ``{"years": {"magnitude", "units"} or None, "pays_back", "reason"}``.
    horizon_years : float, optional
        The evaluation horizon (the document's ``assumptions.horizon``) [year];
        without it, the horizon is read from the payback's reason text.

    Examples
    --------
    >>> payback_text({"years": {"magnitude": 6.87, "units": "year"}, "pays_back": False,
    ...               "reason": "pays back after 6.87 years, beyond the 6-year horizon"})
    '6.9 (beyond 6-y horizon)'
    >>> payback_text({"years": {"magnitude": 6.87, "units": "year"}, "pays_back": False, "reason": ""}, 6.0)
    '6.9 (beyond 6-y horizon)'
    >>> payback_text({"years": None, "pays_back": False, "reason": "annual saving <= 0"})
    'never'
    """
    if payback.get("reason") == "this is the baseline":
        return "baseline"
    years = payback.get("years")
    if not years or years.get("magnitude") is None:
        return "never"
    text = f"{years['magnitude']:.1f}"
    if payback.get("pays_back"):
        return text
    if horizon_years is not None:
        return f"{text} (beyond {horizon_years:g}-y horizon)"
    beyond = re.search(r"beyond the (\S+)-year horizon", str(payback.get("reason", "")))
    return f"{text} (beyond {beyond.group(1) if beyond else 'the'}-y horizon)"


def rows_from_json(economics: dict, infeasible=()) -> list[tuple[str, list[str]]]:
    """The rows of :func:`table_rows` from an :func:`economics_json` document.

    Parameters
    ----------
    economics : dict
        The document (with ``"assumptions"`` and ``"architectures"``), or its
        ``"architectures"`` part alone (the TCO label then names no horizon).
    infeasible : collection of str
        As :func:`table_rows`.

    Examples
    --------
    >>> from coolsim.economics.costs import ArchitectureCosts
    >>> a = ArchitectureCosts("air", "forced_air", {"crah": 1e6}, {"energy": 3e5}, 0.0, 3.6e9, 8, 1.0, 20.0)
    >>> b = ArchitectureCosts("d2c", "direct_to_chip", {"cdu": 2e6}, {"energy": 1e5}, 0.0, 3.6e9, 8, 1.0, 20.0)
    >>> from coolsim.economics.retrofit import economics_json
    >>> dict(rows_from_json(economics_json({"air": a, "d2c": b})))["incremental capex [M USD]"]
    ['baseline', '2.00']
    """
    meta = economics.get("assumptions") if "architectures" in economics else None
    j = economics["architectures"] if "architectures" in economics else economics
    names = list(j)
    base = next((n for n in names if (j[n].get("payback") or {}).get("reason") == "this is the baseline"), None)
    marked = set(names) if base in infeasible else set(infeasible)

    def m(x):
        return f"{x['magnitude'] / 1e6:,.2f}"

    def vs(e, key, fmt):
        if (e.get("payback") or {}).get("reason") == "this is the baseline":
            return "baseline"
        return fmt(e[key]) if e.get(key) is not None else "none"

    def pct(x):
        return f"{100 * x:.1f}"

    horizon = (meta or {}).get("horizon", {}).get("magnitude")
    tco = f"TCO over {horizon:g} years [M USD]" if horizon is not None else "TCO over the horizon [M USD]"
    rows = [
        ("capex [M USD]", [m(e["capex"]) for e in j.values()]),
        ("  of which cooling [M USD]", [m(e["cooling_capex"]) for e in j.values()]),
        ("operating cost [M USD/year]", [m(e["annual_opex"]) for e in j.values()]),
        ("  of which energy [M USD/year]", [m(e["energy_cost_per_year"]) for e in j.values()]),
        ("  of which water [M USD/year]", [m(e["water_cost_per_year"]) for e in j.values()]),
        ("lost revenue [M USD/year]", [m(e["lost_revenue_per_year"]) for e in j.values()]),
        (tco, [m(e["total_cost_of_ownership"]) for e in j.values()]),
        ("incremental capex [M USD]", [vs(e, "incremental_capex", m) for e in j.values()]),
        ("annual saving [M USD/year]", [vs(e, "annual_saving", m) for e in j.values()]),
        ("NPV vs baseline [M USD]", [m(e["npv_vs_baseline"]) for e in j.values()]),
        ("IRR [%/year]", [vs(e, "irr", pct) for e in j.values()]),
        ("discounted payback [years]", [payback_text(e.get("payback") or {}, horizon) for e in j.values()]),
        ("energy / (servers + energy) [%]", [pct(e["power_share_of_cost"]["server"]["share"]) for e in j.values()]),
        ("energy / TCO [%]", [pct(e["power_share_of_cost"]["tco"]["share"]) for e in j.values()]),
        ("price for a 10 % share of servers + energy [USD/kWh]", [
            "—" if e["power_share_of_cost"]["server"]["price_for_10_percent"] is None else
            f"{e['power_share_of_cost']['server']['price_for_10_percent']['magnitude']:.3f}" for e in j.values()]),
        ("levelised cost [USD/GPU-hour]", [f"{e['levelised_cost_per_gpu_hour']['magnitude']:.3f}" for e in j.values()]),
    ]
    return [(label, [c + "*" if n in marked else c for n, c in zip(names, cells)]) for label, cells in rows]
