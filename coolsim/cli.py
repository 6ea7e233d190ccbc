"""The ``coolsim`` command line.

``coolsim compare [CASE.toml] [--json PATH] [--site NAME|EPW] [--plots DIR]``
compares the architectures of a case side by side (with no case: the built-in
reference case, the founding article's 16,000-GPU cluster in Northern
Virginia).  ``coolsim report [CASE] [--out DIR]`` writes the same comparison as
a self-contained HTML report.  ``coolsim energyplus`` runs the air-cooled hall
in EnergyPlus and coolsim side by side.  ``coolsim example`` prints a short
worked example of the physics.  Errors in user input end with a one-line
message and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import sys

from .errors import CoolsimError

__all__ = ["main"]


def _example(args) -> int:
    from . import Q_, coolants
    from .heat_balance import air_volumetric_flow_for_heat, coolant_volumetric_flow_for_heat
    from .it_equipment import by_name

    server = by_name("dgx-h100")
    power = server.power(1.0)
    rise_air = Q_(20, "delta_degF")
    inlet = Q_(75, "degF")
    air = air_volumetric_flow_for_heat(power, rise_air, inlet)
    liquid_share = server.liquid_capturable_fraction
    pg25 = coolants.propylene_glycol(0.25)
    flow = coolant_volumetric_flow_for_heat(power * liquid_share, Q_(10, "K"), pg25, Q_(40, "degC"))
    print(f"coolsim worked example: one {server.name} server at full load ({power.to('kW'):.1f~P})")
    print(f"  forced air, {rise_air:~P} rise at {inlet:~P} inlet: {air.to('cfm'):.0f~P} "
          f"({air.to('m**3/h'):.0f~P})")
    print(f"  cold plates taking {liquid_share:.0%} of the heat, {pg25.name}, 10 K rise at 40 degC mean: "
          f"{flow.to('L/min'):.1f~P} = {flow.to('gpm'):.2f~P}"
          f" ({(flow / (power * liquid_share)).to('L/min/kW'):.2f~P})")
    hall = 2000
    print(f"  a hall of {hall:,} such servers: {(air * hall).to('cfm'):,.0f~P} of air, or "
          f"{(flow * hall).to('L/min'):,.0f~P} of coolant")
    return 0


def _compare(args) -> int:
    import json

    from .cases import REFERENCE_CASE, load_case
    from .compare import (annual_rows, case_title, comparison_json, economics_for, economics_notes, economics_rows,
                          format_table, infeasible_architectures, maintenance_rows)

    path = args.case if args.case is not None else REFERENCE_CASE
    case = load_case(path)
    file_site = case.site.name
    if args.site is not None:
        from .weather import weather_for

        case = case.with_weather(weather_for(args.site))
    results = case.run()
    annual = case.run_year()
    costs = economics_for(case, results, annual)
    where = case.site.name if case.weather is None else f"{case.site.name}; weather year: {case.weather.name}"
    title = (f"{case_title(case, file_site)}\n{case.it_load.server_count:,} x {case.it_load.server.name}, "
             f"{case.it_load.gpu_count:,} GPUs, utilisation {case.utilisation:.0%}; design site: {where}")
    extra = [("— maintenance —", [""] * len(results))] + maintenance_rows(case, results)
    if annual:
        extra += [("— annual, hourly weather —", [""] * len(results))] + annual_rows(annual)
    baseline = (case.economics.baseline if case.economics is not None else None) or next(iter(results))
    extra += [(f"— economics vs {baseline} —", [""] * len(results))]
    extra += economics_rows(costs, case, infeasible_architectures(results, annual))
    print(format_table(results, title, extra, annual=annual, notes=economics_notes(case, results, annual)))
    if args.json is not None:
        doc = comparison_json(case, results, annual, costs)
        _write_atomic(args.json, json.dumps(doc, indent=2) + "\n")
        print(f"\nwrote {args.json}")
    if args.plots is not None and annual:
        from pathlib import Path

        from .plotting import plot_energy_breakdown, plot_monthly_pue

        out = Path(args.plots)
        out.mkdir(parents=True, exist_ok=True)
        plot_monthly_pue(annual, out / "monthly_pue.png")
        plot_energy_breakdown(annual, out / "energy_breakdown.png")
        print(f"wrote {out / 'monthly_pue.png'} and {out / 'energy_breakdown.png'}")
    return 0


def _report(args) -> int:
    from .report.command import run

    return run(args)


def _write_atomic(path, text):
    import os
    import tempfile
    from pathlib import Path

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="coolsim",
        description="Unit-aware cooling physics for GPU data centres.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("example", help="print a short worked example")
    ex.set_defaults(func=_example)
    cmp_ = sub.add_parser("compare", help="compare cooling architectures for a case (default: the reference case)")
    cmp_.add_argument("case", nargs="?", default=None, help="case file (TOML); default: the built-in reference case")
    cmp_.add_argument("--json", metavar="PATH", default=None, help="also write the results as JSON")
    cmp_.add_argument("--site", metavar="NAME|EPW", default=None,
                      help="run at another site: a built-in climate (sterling-va, golden-co, tampa-fl, "
                           "chicago-il, san-francisco-ca) or an EnergyPlus weather file")
    cmp_.add_argument("--plots", metavar="DIR", default=None,
                      help="save monthly PUE and annual energy-breakdown figures (PNG) in DIR")
    cmp_.set_defaults(func=_compare)
    from .report.command import configure_parser as _report_args

    rep = sub.add_parser("report", help="write a self-contained HTML report of a case (default: the reference case)")
    _report_args(rep)
    rep.set_defaults(func=_report)
    ep = sub.add_parser("energyplus", add_help=False,
                        help="run the same air-cooled hall in EnergyPlus and coolsim, side by side "
                             "(needs the energyplus extra)")
    ep.set_defaults(func=None)
    return parser


def main(argv=None) -> int:
    """Entry point of the ``coolsim`` command.

    Parameters
    ----------
    argv : list of str, optional
        Arguments without the program name; default ``sys.argv[1:]``.

    Returns
    -------
    int
        Exit status: 0 on success, 2 for an error in the user's input.
    """
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["energyplus"]:
        from .energyplus.command import main as energyplus_main

        return energyplus_main(argv[1:])
    args = _parser().parse_args(argv)
    try:
        return args.func(args)
    except CoolsimError as err:
        print(f"coolsim: error: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into e.g. `head`: stop quietly
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
