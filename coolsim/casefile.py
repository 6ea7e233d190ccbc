"""Reading case files: TOML tables whose dimensional values are strings with units.

This module holds the generic machinery — TOML errors with file and line,
unit strings parsed and checked by kind, unknown keys reported with the
closest valid key — used by :mod:`coolsim.cases` to build components.  The
schema itself is documented in ``docs/cases.md``.

Examples
--------
>>> t = Table.from_text('power = "10.2 kW"\\nrise = "20 delta_degF"', "demo.toml")
>>> t.quantity("power", POWER.positive()).to("kW")
<Quantity(10.2, 'kilowatt')>
>>> t.quantity("rise", TEMPERATURE_DIFFERENCE.positive()).to("K")
<Quantity(11.1111111, 'kelvin')>
>>> t.finish()
"""

from __future__ import annotations

import difflib
import re
import tomllib
from pathlib import Path

import pint

from .errors import CaseFileError, CoolsimError
from .units import POWER, TEMPERATURE_DIFFERENCE, Kind, Q_, Spec, case_file_messages, to_si  # noqa: F401
from .units import _num, _unit_text

__all__ = ["Table", "read_case_text", "parse_quantity", "unit_suggestion"]

_TOML_LINE = re.compile(r"line (\d+)")
_NUMBER_UNIT = re.compile(r"^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(.*?)\s*$")
_EXAMPLE_UNIT = re.compile(r"Q_\([^,]+,\s*'([^']+)'\)")
#: pint's short symbols that a person writes as words (``a`` is pint's annum).
_WORDS = {"a": "year", "h": "hour", "d": "day", "l": "L"}
_TEMPERATURES = {"absolute": ("degC", "K", "degF"), "difference": ("K", "delta_degC", "delta_degF")}


def parse_quantity(text: str):
    """Parse ``"<number> <unit>"`` into a Quantity.

    The number and the unit are parsed separately, so offset units work
    (``"75 degF"``); a bare unit expression (``"kW"``) means 1 of it.

    Parameters
    ----------
    text : str
        A number followed by a unit expression, as case files write values.

    Examples
    --------
    >>> parse_quantity("75 degF")
    <Quantity(75.0, 'degree_Fahrenheit')>
    >>> parse_quantity("1.5 L/min").to("gpm")
    <Quantity(0.396258, 'gallon_per_minute')>
    """
    m = _NUMBER_UNIT.match(text)
    if m is None:
        return Q_(1.0, text)
    number, unit = m.groups()
    return Q_(float(number), unit or "")


def _written_units(units) -> str:
    """Units as a person writes them in a case file: ``degC``, ``USD/year``, ``L/min``."""
    return re.sub(r"\b[ahdl]\b", lambda m: _WORDS[m.group(0)], _unit_text(units))


def unit_suggestion(number, kind: Kind | None = None, current=None) -> str:
    """How to write ``number`` with a unit in a case file, for a value of ``kind``
    or of the dimension of the Quantity ``current`` (a component's default).

    Absolute temperatures are suggested in degC, temperature differences in K
    (or the default's own unit), other values in the default's unit or the
    first unit of the kind's example.  A default in ``K`` of 100 or more is
    an absolute temperature (assumption: no temperature difference of a
    cooling component reaches 100 K, no absolute temperature is below it).

    Parameters
    ----------
    number : float or None
        The number the user wrote; ``None``: the value of ``current`` [-].
    kind : coolsim.units.Kind, optional
        The kind of the value.
    current : pint.Quantity, optional
        The current (default) value; used when ``kind`` is not given.

    Examples
    --------
    >>> unit_suggestion(40, current=Q_(309.15, "K"))
    '"40 degC" (or K, degF)'
    >>> unit_suggestion(6, current=Q_(6, "year"))
    '"6 year"'
    >>> unit_suggestion(None, current=Q_(309.15, "K"))
    '"36 degC" (or K, degF)'
    """
    role = kind.temperature if kind is not None and kind.si == "K" else None
    unit = None
    if kind is None and current is not None:
        unit = _written_units(current.units)
        if current.dimensionality == {"[temperature]": 1}:
            absolute = ("deg" in unit and "delta" not in unit) or (unit == "K" and abs(current.magnitude) >= 100.0)
            role = "absolute" if absolute else "difference"
    if role in _TEMPERATURES:
        choices = _TEMPERATURES[role]
        main = unit if unit in choices and role == "difference" else choices[0]
        number = current.to(main).magnitude if number is None else number
        return f'"{_num(number)} {main}" (or {", ".join(c for c in choices if c != main)})'
    if unit is None and kind is not None:
        m = _EXAMPLE_UNIT.search(kind.example)
        unit = m.group(1) if m else kind.si
    return f'"{_num(current.magnitude if number is None else number)} {unit}"'


def read_case_text(path) -> tuple[str, dict]:
    """Read and parse a TOML case file; errors name the file and line.

    Parameters
    ----------
    path : str or os.PathLike
        The case file.

    Returns
    -------
    text, data : str, dict
        The file's text (for line look-ups) and the parsed TOML.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CaseFileError("no such case file", path=path) from None
    except (OSError, UnicodeDecodeError) as err:
        raise CaseFileError(f"cannot read the case file: {err}", path=path) from None
    return text, _parse(text, path)


def _parse(text, path):
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        m = _TOML_LINE.search(str(err))
        raise CaseFileError(f"malformed TOML: {err}", path=path, line=int(m.group(1)) if m else None) from None


class Table:
    """One TOML table of a case file, read key by key.

    Every value read is marked as used; :meth:`finish` reports keys never
    read (misspellings) with the closest valid key.  Errors carry the file,
    the line of the key and its dotted name.
    """

    def __init__(self, data: dict, path, text: str, prefix: str = ""):
        if not isinstance(data, dict):
            raise CaseFileError(f"'{prefix}' must be a table", path=path, line=_line_of(text, prefix.rsplit(".", 1)[-1]))
        self.data, self.path, self.text, self.prefix = data, path, text, prefix
        self._known: list[str] = []
        self._used: set[str] = set()
        self._elsewhere: dict[str, str] = {}

    @classmethod
    def from_text(cls, text: str, path="<case>") -> "Table":
        """A table from TOML text (for tests and examples)."""
        return cls(_parse(text, path), path, text)

    # -- helpers -------------------------------------------------------------
    def _name(self, key):
        return f"{self.prefix}.{key}" if self.prefix else key

    def error(self, key, message) -> CaseFileError:
        """A CaseFileError located at ``key`` of this table."""
        return CaseFileError(message, path=self.path, line=_line_of(self.text, key, self.prefix), key=self._name(key))

    def _get(self, key, default, required):
        self._known.append(key)
        if key not in self.data:
            if required:
                raise CaseFileError(
                    f"missing required value '{self._name(key)}'", path=self.path,
                    line=_line_of(self.text, "[" + self.prefix + "]") if self.prefix else None,
                )
            return None if default is _NO else default
        self._used.add(key)
        return self.data[key]

    def elsewhere(self, key, where: str):
        """Declare that ``key`` is set elsewhere (``where`` says where): giving it
        here is an error that says so, and it is not listed as a valid key."""
        self._elsewhere[key] = where
        if key in self.data:
            self._used.add(key)
            raise self.error(key, where)

    def has(self, key) -> bool:
        """Whether ``key`` is present (marks it as a known key)."""
        self._known.append(key)
        return key in self.data

    # -- typed readers -----------------------------------------------------------
    def quantity(self, key, spec, default=None, *, required=False):
        """A dimensional value written as a string with units ("10.2 kW").

        The string is parsed by pint, then checked and converted by ``spec``
        (a :class:`~coolsim.units.Kind` or :class:`~coolsim.units.Spec`); the
        Quantity is returned in the units written.  ``default`` (a Quantity or
        ``None``) is returned when the key is absent.
        """
        raw = self._get(key, default if default is not None else _NO, required)
        if raw is None or raw is default:
            return raw
        kind = spec if isinstance(spec, Kind) else spec.kind
        with case_file_messages():
            if isinstance(raw, bool) or not isinstance(raw, (str, int, float)):
                raise self.error(key, f"expected a string with units such as {kind.written_example()}; got {raw!r}")
            if isinstance(raw, (int, float)):
                if not kind.dimensionless:
                    raise self.error(key, f"missing unit: a {kind.name} is written as a string with units, e.g. "
                                          f"{unit_suggestion(raw, kind)}; got {raw!r}")
                q = raw
            else:
                try:
                    q = parse_quantity(raw)
                except (pint.errors.PintError, ValueError, TypeError, AttributeError, SyntaxError) as err:
                    raise self.error(key, f"cannot read {raw!r} as a quantity ({err}); write e.g. "
                                          f"{kind.written_example()}") from None
                if not isinstance(q, pint.Quantity) or not q._units:  # "3": a number without a unit
                    if not kind.dimensionless:
                        raise self.error(key, f"missing unit: write {unit_suggestion(q, kind)}")
                    q = q if isinstance(q, pint.Quantity) else Q_(q, "")
            try:
                to_si(q, spec, self._name(key))
            except CoolsimError as err:
                raise self.error(key, str(err)) from None
        return q

    def number(self, key, spec: Spec | None = None, default=None, *, required=False):
        """A plain number (a count, a fraction, an efficiency), checked by ``spec``."""
        raw = self._get(key, default if default is not None else _NO, required)
        if raw is None or raw is default:
            return raw
        if isinstance(raw, bool) or not isinstance(raw, (int, float)):
            raise self.error(key, f"expected a number; got {raw!r}")
        if spec is not None:
            try:
                to_si(float(raw), spec, self._name(key))
            except CoolsimError as err:
                raise self.error(key, str(err)) from None
        return raw

    def integer(self, key, minimum=None, default=None, *, required=False):
        """A whole number, at least ``minimum``."""
        raw = self._get(key, default if default is not None else _NO, required)
        if raw is None or raw is default:
            return raw
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise self.error(key, f"expected a whole number; got {raw!r}")
        if minimum is not None and raw < minimum:
            raise self.error(key, f"must be at least {minimum}; got {raw}")
        return raw

    def string(self, key, choices=None, default=None, *, required=False):
        """A plain string, optionally one of ``choices`` (with a suggestion otherwise)."""
        raw = self._get(key, default if default is not None else _NO, required)
        if raw is None or raw is default:
            return raw
        if not isinstance(raw, str):
            raise self.error(key, f"expected a string; got {raw!r}")
        if choices is not None and raw not in choices:
            close = difflib.get_close_matches(raw, list(choices), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            raise self.error(key, f"unknown value {raw!r}: expected one of {', '.join(sorted(choices))}{hint}")
        return raw

    def boolean(self, key, default=None):
        """``true`` or ``false``."""
        raw = self._get(key, default if default is not None else _NO, False)
        if raw is None or raw is default:
            return raw
        if not isinstance(raw, bool):
            raise self.error(key, f"expected true or false; got {raw!r}")
        return raw

    def table(self, key, *, required=False) -> "Table | None":
        """A sub-table, or ``None`` when absent and not required."""
        raw = self._get(key, _NO, required)
        if raw is None:
            return None
        if not isinstance(raw, dict):
            raise self.error(key, f"expected a table [{self._name(key)}]; got {raw!r}")
        return Table(raw, self.path, self.text, self._name(key))

    def tables(self) -> dict:
        """Every sub-table of this table by name (all keys must be tables)."""
        out = {}
        for key, value in self.data.items():
            if not isinstance(value, dict):
                raise self.error(key, f"expected a table [{self._name(key)}]; got {value!r}")
            self._known.append(key)
            self._used.add(key)
            out[key] = Table(value, self.path, self.text, self._name(key))
        return out

    def finish(self):
        """Raise for any key that was never read, suggesting the closest known key."""
        known = [k for k in self._known if k not in self._elsewhere]
        for key in self.data:
            if key not in self._used:
                close = difflib.get_close_matches(key, known + list(self._elsewhere), n=1, cutoff=0.6)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                if close and close[0] in self._elsewhere:
                    hint = f": {self._elsewhere[close[0]]}"
                valid = ", ".join(sorted(set(known))) or "none"
                raise self.error(key, f"unknown key '{key}'{hint} (valid keys here: {valid})")


class _Missing:
    def __repr__(self):
        return "<missing>"


_NO = _Missing()


def _line_of(text: str, key: str, section: str = "") -> int | None:
    """1-based line of ``key = ...`` (inside ``[section]`` when given), or of a header."""
    lines = text.splitlines()
    if key.startswith("["):
        for i, line in enumerate(lines, 1):
            if line.strip().replace(" ", "") == key.replace(" ", ""):
                return i
        return None
    start = 0
    if section:
        header = re.compile(r"^\s*\[\s*" + re.escape(section) + r"\s*\]\s*(#.*)?$")
        for i, line in enumerate(lines):
            if header.match(line):
                start = i + 1
                break
    pattern = re.compile(r"^\s*[\"']?" + re.escape(key) + r"[\"']?\s*=")
    for i in range(start, len(lines)):
        if section and i > start and lines[i].lstrip().startswith("[") and i != start:
            break
        if pattern.match(lines[i]):
            return i + 1
    return None
