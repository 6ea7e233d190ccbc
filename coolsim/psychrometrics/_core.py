"""Unit-free helpers of :mod:`coolsim.psychrometrics`: constants of ASHRAE
Handbook--Fundamentals (2017) ch. 1, the Hyland-Wexler saturation pressure, and
the vectorised Newton solvers for dew point and wet bulb (SI floats/arrays).
"""

from __future__ import annotations

import numpy as np

from ..errors import ConvergenceError, OutOfRangeError, ValidityRangeError

_T0, _T_TRIPLE = 273.15, 273.16  # 0 °C; triple point (ice below, liquid water above) [K]
_T_MIN, _T_MAX = 173.15, 473.15  # Hyland-Wexler validity, -100 ... 200 °C [K]
_EPS = 0.621945  # M_w / M_da (eq. 20)
_R_DA = 287.042  # gas constant of dry air [J/(kg K)] (eq. 26)
_CP_DA, _CP_V, _H_G0 = 1006.0, 1860.0, 2.501e6  # eq. 30 [J/(kg K), J/(kg K), J/kg]
_SAT_TOL = 1e-9  # relative rounding allowance at saturation [-]
# Hyland-Wexler, ln(p_ws/Pa) = c0/T + c1 + c2 T + c3 T² + c4 T³ + c5 T⁴ + c6 ln T: ice (eq. 5), water (eq. 6)
_C_ICE = (-5.6745359e3, 6.3925247, -9.6778430e-3, 6.2215701e-7, 2.0747825e-9, -9.4840240e-13, 4.1635019)
_C_WATER = (-5.8002206e3, 1.3914993, -4.8640239e-2, 4.1764768e-5, -1.4452093e-8, 0.0, 6.5459673)
# Wet bulb, W = ((a - b t*) W_s* - cp_da (t - t*)) / (a + cp_v t - e t*), t in °C: (a, b, e) in J/kg,
# J/(kg K), J/(kg K), over liquid water (eq. 33) and over ice (eq. 35)
_WB_WATER = (2.501e6, 2326.0, 4186.0)
_WB_ICE = (2.830e6, 240.0, 2100.0)

_DOC = {
    "dry_bulb": "dry_bulb : pint.Quantity\n        Dry-bulb temperature; ``degC``, ``degF`` or ``K`` [K].",
    "W": "humidity_ratio : float or array_like\n        Humidity ratio, kg water per kg dry air [-].",
    "rh": "relative_humidity : float or pint.Quantity\n        Relative humidity, fraction 0 ... 1 "
          "or a ``percent`` Quantity [-].",
    "p": "pressure : pint.Quantity, optional\n        Total (barometric) pressure; default 101 325 Pa, "
         "the standard sea-level atmosphere of [1]_ Table 1 [Pa].",
    "ref": ".. [1] ASHRAE, *2017 ASHRAE Handbook -- Fundamentals* (SI edition), chapter 1 "
           "\"Psychrometrics\", Atlanta: ASHRAE, 2017.",
}


def _doc(func):
    func.__doc__ = func.__doc__ % _DOC
    return func


# ---------------------------------------------------------------------------
# helpers (SI, no units)
# ---------------------------------------------------------------------------
def _out(x):
    return float(x) if np.ndim(x) == 0 else x


def _where_first(x, mask, unit=""):
    """Describe the first element of ``x`` where ``mask`` holds, for error messages."""
    x, mask = np.broadcast_arrays(np.asarray(x, dtype=float), mask)
    unit = f" {unit}" if unit else ""
    if x.ndim == 0:
        return f"{float(x)!r}{unit}"
    idx = tuple(int(i) for i in np.argwhere(mask)[0])
    where = idx if len(idx) > 1 else idx[0]
    return f"{float(x[idx])!r}{unit} at index {where} ({int(mask.sum())} of {mask.size} values)"


def _check_temperature(name, t):
    bad = (t < _T_MIN) | (t > _T_MAX)
    if np.any(bad):
        raise ValidityRangeError(
            f"parameter '{name}' is outside the range of the Hyland-Wexler saturation-pressure "
            f"correlation, {_T_MIN} ... {_T_MAX} K (-100 ... 200 °C); got {_where_first(t, bad, 'K')}"
        )


def _coeffs(ice):
    """Hyland-Wexler coefficients; per element where ``ice`` is a mixed array."""
    if np.ndim(ice) == 0:
        return _C_ICE if ice else _C_WATER
    if not ice.any():
        return _C_WATER
    if ice.all():
        return _C_ICE
    return tuple(np.where(ice, ci, cw) for ci, cw in zip(_C_ICE, _C_WATER))


def _ln_pws_value(t, c):
    """ln(p_ws/Pa) with coefficients ``c`` (Hyland-Wexler, ASHRAE HoF 2017 ch. 1 eqs. 5-6)."""
    c0, c1, c2, c3, c4, c5, c6 = c
    return c0 / t + c1 + t * (c2 + t * (c3 + t * (c4 + t * c5))) + c6 * np.log(t)


def _ln_pws(t, c):
    """ln(p_ws/Pa) and its derivative d ln p_ws / dT [1/K] with coefficients ``c``."""
    c0, c1, c2, c3, c4, c5, c6 = c
    ln_p = _ln_pws_value(t, c)
    dln = -c0 / (t * t) + c2 + t * (2.0 * c3 + t * (3.0 * c4 + t * 4.0 * c5)) + c6 / t
    return ln_p, dln


def _pws(t):
    """Saturation pressure [Pa] over ice (T < 273.16 K) or liquid water; no range check."""
    return np.exp(_ln_pws_value(t, _coeffs(t < _T_TRIPLE)))


_PWS_MIN = float(np.exp(_ln_pws(_T_MIN, _C_ICE)[0]))
_PWS_MAX = float(np.exp(_ln_pws(_T_MAX, _C_WATER)[0]))
_PWS_TRIPLE_ICE = float(np.exp(_ln_pws(_T_TRIPLE, _C_ICE)[0]))
_PWS_0 = float(np.exp(_ln_pws(_T0, _C_ICE)[0]))  # at 0 °C, below the triple point: over ice


def _newton(fun, x, lo, hi, what, tol=1e-8, max_iter=80):
    """Bracketed Newton on arrays for an increasing ``fun`` (returning f, f'); root in [lo, hi]."""
    for _ in range(max_iter):
        f, fp = fun(x)
        hi = np.where(f > 0.0, x, hi)
        lo = np.where(f > 0.0, lo, x)
        with np.errstate(divide="ignore", invalid="ignore"):
            step = f / fp
        xn = x - step
        # a step leaving the bracket (or NaN) is replaced by bisection, unless already converged
        outside = ~(((xn >= lo) & (xn <= hi)) | (np.abs(step) <= tol))
        xn = np.where(outside, 0.5 * (lo + hi), xn)
        done = (np.abs(xn - x) <= tol) | (hi - lo <= tol)
        x = xn
        if np.all(done):
            return x
    raise ConvergenceError(
        f"{what}: Newton iteration did not converge to {tol:g} K in {max_iter} iterations for "
        f"{int(np.size(done) - np.count_nonzero(done))} of {np.size(done)} values"
    )


def _dew_point_from_pw(pw, name):
    """Invert p_ws(T_d) = pw [Pa -> K]; ``name`` is the parameter blamed for bad values."""
    bad = (pw < _PWS_MIN) | (pw > _PWS_MAX)
    if np.any(bad):
        raise ValidityRangeError(
            f"parameter '{name}' gives a vapour pressure outside {_PWS_MIN:.3g} ... {_PWS_MAX:.4g} Pa, "
            "i.e. a dew point outside the Hyland-Wexler range -100 ... 200 °C; got a vapour "
            f"pressure of {_where_first(pw, bad, 'Pa')}"
        )
    pw = np.asarray(pw, dtype=float)
    ice = pw < _PWS_TRIPLE_ICE
    c = _coeffs(ice)
    # starting guess: the handbook's dew-point fits, eqs. 37 (liquid) and 38 (ice); pw in kPa, °C
    a = np.log(pw * 1e-3)
    guess_water = 6.54 + a * (14.526 + a * (0.7389 + a * 0.09486)) + 0.4569 * (pw * 1e-3) ** 0.1984
    guess_ice = 6.09 + a * (12.608 + a * 0.4959)
    lo = np.where(ice, _T_MIN, _T_TRIPLE)
    hi = np.where(ice, _T_TRIPLE, _T_MAX)
    ln_pw = np.log(pw)

    def fun(t):
        ln_p, dln = _ln_pws(t, c)
        return ln_p - ln_pw, dln

    x0 = np.clip(np.where(ice, guess_ice, guess_water) + _T0, lo, hi)
    return _out(_newton(fun, x0, lo, hi, "dew point"))


def _w_from_pw(pw, p, name):
    if np.any(pw >= p):
        raise OutOfRangeError(
            f"parameter '{name}' gives a water-vapour pressure at or above the total 'pressure' "
            f"(water boils; no moist-air state); got {_where_first(pw, pw >= p, 'Pa')}"
        )
    return _out(_EPS * pw / (p - pw))


def _wet_bulb(t, w, p):
    """Wet-bulb temperature [K] from dry bulb [K], humidity ratio [-] and pressure [Pa]."""
    t, w, p = (np.array(v, dtype=float) for v in np.broadcast_arrays(t, w, p))
    _check_temperature("dry_bulb", t)
    w_sat = _w_from_pw(_pws(t), p, "dry_bulb")
    over = w > w_sat * (1.0 + _SAT_TOL)
    if np.any(over):
        raise OutOfRangeError(
            "parameter 'humidity_ratio' exceeds the saturation humidity ratio at 'dry_bulb' "
            f"(supersaturated air; allowed 0 ... W_s(dry_bulb, pressure)); got {_where_first(w, over)}"
        )
    tc = t - _T0
    # Liquid-water wet bulb (eq. 33) where a root >= 0 °C exists, i.e. W at or above the value
    # of eq. 33 at t* = 0 °C; ice (eq. 35) otherwise. W_s* uses p_ws as _pws does (ice < 0.01 °C).
    ws0 = _EPS * _PWS_0 / (p - _PWS_0)
    aw, bw, ew = _WB_WATER
    water = (tc > 0.0) & (w >= (aw * ws0 - _CP_DA * tc) / (aw + _CP_V * tc))
    a = np.where(water, aw, _WB_ICE[0])
    b = np.where(water, bw, _WB_ICE[1])
    e = np.where(water, ew, _WB_ICE[2])
    c_branch = _coeffs(~water)
    lo = np.where(water, _T0, _T_MIN)
    hi = np.where(water, t, np.minimum(t, _T0))

    def fun(x):
        xc = x - _T0
        ice = x < _T_TRIPLE  # differs from ~water only for liquid wet bulbs in [0, 0.01) °C
        ln_p, dln = _ln_pws(x, c_branch if np.array_equal(ice, ~water) else _coeffs(ice))
        pws = np.exp(ln_p)
        ws = _EPS * pws / (p - pws)
        dws = _EPS * p * pws * dln / (p - pws) ** 2
        num = (a - b * xc) * ws - _CP_DA * (tc - xc)
        den = a + _CP_V * tc - e * xc
        dnum = -b * ws + (a - b * xc) * dws + _CP_DA
        return num / den - w, (dnum * den + e * num) / (den * den)

    twb = _newton(fun, hi.copy(), lo, hi, "wet bulb")
    low = (twb - _T_MIN <= 1e-6) & (fun(twb)[0] > 0.0)
    if np.any(low):
        raise ValidityRangeError(
            "the wet-bulb temperature would be below -100 °C, outside the Hyland-Wexler range, "
            f"for parameter 'dry_bulb' = {_where_first(t, low, 'K')}"
        )
    return _out(twb)


def _check_altitude(z):
    bad = (z < -500.0) | (z > 11000.0)
    if np.any(bad):
        raise ValidityRangeError(
            "parameter 'altitude' is outside the troposphere range of the standard-atmosphere "
            f"equations, -500 ... 11000 m; got {_where_first(z, bad, 'm')}"
        )


def _check_not_above(name, x, t):
    above = x > t
    if np.any(above):
        raise OutOfRangeError(
            f"parameter '{name}' must be <= 'dry_bulb'; got {_where_first(x, above, 'K')} with "
            f"dry_bulb {_where_first(t, above, 'K')}"
        )
