"""``coolsim report [CASE] [--out DIR]``: write the HTML report of a case.

With no CASE the built-in reference case is reported.  The default output
directory is ``./coolsim-report-<case file stem>`` (``coolsim-report-reference``
for the built-in case).  A progress bar is drawn on stderr when it is a
terminal.  Errors in user input (:class:`~coolsim.errors.CoolsimError`) and
unwritable output directories end with a one-line message on stderr and exit
status 2, as in :mod:`coolsim.cli`.

The command line wires this in with :func:`configure_parser` and :func:`run`
(``coolsim report``); :func:`main` runs it on its own.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import CoolsimError

__all__ = ["configure_parser", "run", "main", "default_out_dir"]


def default_out_dir(case_path) -> Path:
    """``./coolsim-report-<stem>`` for a case file (``reference`` for the built-in case).

    Parameters
    ----------
    case_path : str or None
        The case file (None for the built-in case).

    Examples
    --------
    >>> default_out_dir("cases/hot_site.toml").name
    'coolsim-report-hot_site'
    >>> default_out_dir(None).name
    'coolsim-report-reference'
    """
    stem = "reference" if case_path is None else Path(case_path).stem
    return Path.cwd() / f"coolsim-report-{stem}"


def configure_parser(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add the arguments of ``coolsim report`` to ``parser`` (a sub-parser of the ``coolsim`` command).

    Parameters
    ----------
    parser : argparse.ArgumentParser
        The ``report`` sub-parser.
    """
    parser.add_argument("case", nargs="?", default=None,
                        help="case file (TOML); default: the built-in reference case")
    parser.add_argument("--out", metavar="DIR", default=None,
                        help="output directory (default: ./coolsim-report-<case stem>)")
    parser.add_argument("--site", metavar="NAME|EPW", default=None,
                        help="report at another site: a built-in climate or an EnergyPlus weather file")
    return parser


def run(args) -> int:
    """Run ``coolsim report`` for parsed arguments; returns the exit status.

    Parameters
    ----------
    args : argparse.Namespace
        Parsed arguments.

    :class:`~coolsim.errors.CoolsimError` propagates (the caller prints it);
    an unwritable output directory is turned into a ``CoolsimError``.
    """
    from ..cases import REFERENCE_CASE, load_case
    from .html import REPORT_FILES, write_report
    from .progress import text_progress

    from ..compare import economics_for
    from ..economics.retrofit import economics_json

    case = load_case(args.case if args.case is not None else REFERENCE_CASE)
    if getattr(args, "site", None) is not None:
        from ..weather import weather_for

        case = case.with_weather(weather_for(args.site))
    out = Path(args.out) if args.out is not None else default_out_dir(args.case)
    results = case.run()
    annual = case.run_year() or None
    from ..compare import _econ_args

    economics = economics_json(economics_for(case, results, annual), **_econ_args(case))
    from ..compare import infeasible_architectures

    bad = set(infeasible_architectures(results, annual))
    for name, entry in economics["architectures"].items():
        entry["feasible"] = name not in bad  # as in `coolsim compare --json`
    try:
        path = write_report(case, out, annual=annual, economics=economics, results=results,
                            progress=text_progress())
    except OSError as err:
        raise CoolsimError(f"cannot write the report to '{out}': {err.strerror or err}") from None
    for name in REPORT_FILES:
        print(f"wrote {path.parent / name}")
    return 0


def main(argv=None) -> int:
    """Entry point of ``coolsim report`` on its own (``argv`` without the ``report`` word).

    Parameters
    ----------
    argv : list of str, optional
        Arguments after ``coolsim report``.
    """
    parser = configure_parser(argparse.ArgumentParser(
        prog="coolsim report", description="Write a self-contained HTML report of a case, with JSON and CSV."))
    args = parser.parse_args(argv)
    try:
        return run(args)
    except CoolsimError as err:
        print(f"coolsim: error: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
