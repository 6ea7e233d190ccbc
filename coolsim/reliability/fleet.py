"""Fleet Monte Carlo of failures, repair crews and a spares pool, vectorised
in numpy (no per-event Python loop).

Model (one replication, horizon :math:`T`, :math:`S` servers):

* Each server alternates up times with mean MTBF :math:`=1/\\lambda` and
  repairs. The fleet's failures are drawn as one Poisson process of rate
  :math:`\\Lambda = S/(\\mathrm{MTBF} + R)`, :math:`R` the workflow duration —
  the long-run failure rate of :math:`S` alternating renewal processes,
  whose superposition is Poisson to within :math:`O(R/\\mathrm{MTBF})`
  (Palm–Khintchine). Its mean therefore converges to the analytic
  :math:`S\\,T\\,R/(\\mathrm{MTBF}+R)` without crew or spare limits.
* Crews (optional): a pool of :math:`c` crews works off the attended
  (crew) time :math:`h` of each repair first-come first-served; the work
  ahead of failure :math:`n` follows Lindley's recursion
  :math:`W_n = \\max(0, W_{n-1} + h - c\\,\\Delta t_n)`, solved for all
  failures at once as :math:`W_n = S_n - \\min_{j\\le n} S_j`,
  :math:`S_n = n h - c t_n`; the wait is :math:`W_n/c` (pooled-work
  approximation: exact for one crew, optimistic for an :math:`M/G/c`
  queue otherwise, whose crews idle when fewer than c repairs wait).
* Spares (optional): base stock :math:`P`, each failed part restocked after
  :math:`L`; failure :math:`n` gets a spare at :math:`\\max(t_n,
  t_{n-P} + L)` (exact for a constant lead time).
* Down time of a failure: :math:`R + \\max(w_{crew}, w_{spare})`, cut at the horizon.
* Waits lengthen down times, and a server that is down cannot fail; the
  fleet rate above counts only :math:`R`, so each replication's downtime is
  rescaled by :math:`(\\mathrm{MTBF} + R)/(\\mathrm{MTBF} + R + \\bar w)`,
  :math:`\\bar w` its mean wait (a first-order correction, exactly 1
  without crew or spare limits; it keeps the unavailability below 1 even
  when spares run out). ``failures`` are the uncorrected events.

Seeding: a :class:`numpy.random.SeedSequence` spawns one child per fixed
block of :data:`REPLICATION_BLOCK` replications. Crews and spares couple
every server of a replication, so the independent unit is the replication,
not a block of servers; chunking over blocks cannot change any draw, and
every reduction is per row, so results are bit-identical for any chunking.
Money is a plain float in USD.

Speed: with crew or spare limits a block's gaps are laid out in columns of
:data:`_COLUMN` consecutive events (event :math:`e = jm + i` of replication
:math:`r` is draw :math:`(iC + j)R + r` of its block, :math:`C` columns,
:math:`R` = :data:`REPLICATION_BLOCK`), so that the running sum of
:math:`a_n = h/c - \\Delta t_n` and its running minimum advance one row of
all columns at a time (whole-array steps, :func:`_columns`); column offsets
and the minimum carried from earlier columns are applied afterwards, and the
spare lag is one shifted comparison.  The waits equal the direct
:math:`S_n - \\min_{j\\le n} S_j` formula to rounding (~1e-12 of the
event times).  Without limits only the events near the horizon
matter: their times come from sums of 64 gaps and a short running sum
instead of the running sum over every event (:func:`_unlimited`); a
rigorous rounding bound certifies every count against the running sum (a
row it cannot certify takes the running sum), and down times agree with it
to ~1e-15 relative.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from scipy.stats import t as _student_t

from ..errors import OutOfRangeError
from ..units import DIMENSIONLESS, TIME, Q_, to_si
from .failures import FAILURE_RATE, LLAMA3_405B_INTERRUPTIONS, _field, _int, _int_field
from .repair import AIR_HOT_SWAP, RepairWorkflow

__all__ = ["REPLICATION_BLOCK", "Fleet", "FleetResult", "simulate_fleet", "fleet_draws_only"]

#: Replications per spawned seed (fixed: changing it changes the streams).
REPLICATION_BLOCK = 8
_TARGET_CHUNK_ELEMENTS = 150_000  # cache-sized passes are fastest
#: Events per column of the limited-fleet layout (fixed: changing it changes which draw is which gap).
_COLUMN = 32
_LATE_ROWS = 3  # rows of every column given the carried minimum; later rows only where still above it
_TARGET_CHUNK_ELEMENTS_UNLIMITED = 600_000  # without limits a pass is one sum per row: fewer, larger passes


@dataclass(frozen=True)
class Fleet:
    """A fleet of GPU servers with its repair workflow, crews and spares.

    Parameters
    ----------
    servers : int
        Servers in the fleet [-].
    failure_rate : pint.Quantity
        Interruption rate per server; default the Llama 3 per-host rate,
        419 / (2,048 hosts × 54 d) = 1/6,334.6 h (Dubey et al. 2024, Table 5).
        Use :func:`~coolsim.reliability.accelerated_failure_rate` for another
        device temperature [1/s].
    workflow : RepairWorkflow
        Repair workflow of the cooling architecture [-].
    gpus_per_server : int
        GPUs per server, default 8 [-].
    crews : int or None
        Repair crews; None for unlimited [-].
    spares : int or None
        Spare parts/servers in the pool, 0 <= spares <= servers; None for unlimited [-].
    restock_time : pint.Quantity
        Time to restock a used spare (RMA); default 7 days (assumption) [s].
    price_usd_per_gpu_hour : float
        Revenue of one GPU-hour; default 3.0 USD (assumption, inside the
        2–3.5 USD range at specialist clouds, domain primer) [USD/(GPU·h)].

    Examples
    --------
    >>> f = Fleet(2048)
    >>> round(1.0 - f.analytic_availability(), 7)
    0.0003156
    """

    servers: int
    failure_rate: object = None
    workflow: RepairWorkflow = AIR_HOT_SWAP
    gpus_per_server: int = 8
    crews: int | None = None
    spares: int | None = None
    restock_time: object = None
    price_usd_per_gpu_hour: float = 3.0

    def __post_init__(self):
        _int_field(self, "servers", 1)
        if self.failure_rate is None:
            object.__setattr__(self, "failure_rate", LLAMA3_405B_INTERRUPTIONS.unit_failure_rate())
        if self.restock_time is None:
            object.__setattr__(self, "restock_time", Q_(7.0, "day"))
        _field(self, "failure_rate", FAILURE_RATE.positive())
        _field(self, "restock_time", TIME.positive())
        _field(self, "price_usd_per_gpu_hour", DIMENSIONLESS.nonnegative())
        _int_field(self, "gpus_per_server", 1)
        if not isinstance(self.workflow, RepairWorkflow):
            raise OutOfRangeError(f"parameter 'workflow' must be a RepairWorkflow; got {self.workflow!r}")
        if self.crews is not None:
            _int_field(self, "crews", 1)
        if self.spares is not None:
            if isinstance(self.spares, (int, np.integer)) and not isinstance(self.spares, bool) and self.spares > self.servers:
                raise OutOfRangeError(
                    f"parameter 'spares' must not exceed the fleet (servers = {self.servers}); got {self.spares}"
                )
            _int_field(self, "spares", 0, self.servers)

    @property
    def mtbf_si(self) -> float:
        """Mean up time per server [s]."""
        return 1.0 / self._s.failure_rate

    def analytic_availability(self) -> float:
        """MTBF/(MTBF+R) with R the workflow duration (no waits) [-]."""
        r = self.workflow.duration_si
        return self.mtbf_si / (self.mtbf_si + r)


@dataclass(frozen=True)
class FleetResult:
    """Per-replication results of :func:`simulate_fleet` (SI arrays).

    Attributes
    ----------
    downtime_s : ndarray
        Server-time lost in the horizon, summed over the fleet [s].
    failures : ndarray
        Failures starting inside the horizon [-].
    horizon_s : float
        Horizon [s].
    fleet : Fleet
        The simulated fleet.
    """

    downtime_s: np.ndarray
    failures: np.ndarray
    horizon_s: float
    fleet: Fleet = field(repr=False)

    @property
    def downtime(self):
        """Server-time lost per replication [s] (Quantity)."""
        return Q_(self.downtime_s, "s")

    @property
    def lost_gpu_hours(self) -> np.ndarray:
        """GPU-hours lost per replication [GPU·h]."""
        return self.downtime_s / 3600.0 * self.fleet.gpus_per_server

    @property
    def lost_revenue_usd(self) -> np.ndarray:
        """Revenue lost per replication at the fleet's GPU-hour price [USD]."""
        return self.lost_gpu_hours * self.fleet._s.price_usd_per_gpu_hour

    @property
    def fluid_cost_usd(self) -> np.ndarray:
        """Fluid lost in services per replication [USD]."""
        return self.failures * self.fleet.workflow.fluid_cost_usd()

    @property
    def unavailability(self) -> np.ndarray:
        """Fleet-average unavailability per replication [-]."""
        return self.downtime_s / (self.fleet.servers * self.horizon_s)

    def mean_unavailability(self, level=0.95):
        """Mean unavailability and its Student-t confidence interval ``(mean, lo, hi)`` [-]."""
        lvl = float(to_si(level, DIMENSIONLESS.between(0.0, 1.0, lo_open=True, hi_open=True), "level"))
        u = self.unavailability
        n = u.size
        mean = float(u.mean())
        if n < 2:
            return mean, -math.inf, math.inf
        half = float(_student_t.ppf(0.5 + lvl / 2.0, n - 1) * u.std(ddof=1) / math.sqrt(n))
        return mean, mean - half, mean + half


def _plan(fleet, horizon, replications, chunk_replications, target=_TARGET_CHUNK_ELEMENTS):
    lam = fleet.servers / (fleet.mtbf_si + fleet.workflow.duration_si)  # fleet failure rate [1/s]
    mu = lam * horizon
    k = int(math.ceil(mu + 10.0 * math.sqrt(mu) + 20.0))
    if fleet.crews is not None or fleet.spares is not None:
        k = -(-k // _COLUMN) * _COLUMN  # whole columns (see _columns)
    n_blocks = -(-replications // REPLICATION_BLOCK)
    if chunk_replications is None:
        per = max(1, target // (REPLICATION_BLOCK * k))
    else:
        c = _int(chunk_replications, "chunk_replications", 1)
        per = -(-c // REPLICATION_BLOCK)
    return lam, mu, k, n_blocks, per


def _extend(g, t, rows, k, mu):
    while np.any(t[:, -1] < mu):  # practically never (10 sigma margin): extend deterministically
        more = np.cumsum(g.standard_exponential((rows, k)), axis=1) + t[:, -1:]
        t = np.concatenate([t, more], axis=1)
    return t


def _process(t, mu, r, h, c, p, ell):
    """Down time (gap units), failure count and waits per row of sorted event times ``t``.

    The direct formulas, row by row (a loop over replications, not events):
    the reference of :func:`_columns` and the path of blocks it cannot finish.
    Only the last few repairs of a row, those that can straddle the horizon, are cut.
    """
    rows, k = t.shape
    limits = c is not None or p is not None
    if limits:
        buf_s, buf_w = np.empty(k), np.empty(k)
        ramp = None if c is None else np.arange(k, dtype=np.float64) * (h / c)
    down = np.empty(rows)
    waited = np.zeros(rows)
    count = np.empty(rows, dtype=np.int64)
    for i in range(rows):
        ti = t[i]
        n = int(np.searchsorted(ti, mu))  # failures inside the horizon
        count[i] = n
        if not limits:
            total = n * r
            dmax = r
        else:
            wait = _waits(ti[:n], ramp, p, ell, buf_s, buf_w)  # a wait depends only on earlier events
            wi = wait
            waited[i] = float(wi.sum())
            total = n * r + waited[i]
            dmax = r + (float(wi.max()) if n else 0.0)
        j = int(np.searchsorted(ti, mu - dmax))  # repairs that may straddle the horizon
        if j < n:
            d = r if not limits else r + wait[j:n]
            over = d - (mu - ti[j:n])
            total -= float(np.maximum(over, 0.0).sum())
        down[i] = total
    return down, count, waited


def _waits(ti, ramp, p, ell, buf_s, buf_w):
    """Waits of one row of event times (in ``buf_w``): for a crew and for a spare, whichever is longer."""
    k = ti.size
    wait, buf_s = buf_w[:k], buf_s[:k]
    if ramp is not None:
        s = np.subtract(ramp[:k], ti, out=buf_s)  # S_n / c
        np.fmin.accumulate(s, out=wait)  # running minimum (fmin = minimum here: no NaN; the faster loop)
        np.subtract(s, wait, out=wait)  # W_n / c, the wait for a crew
    else:
        wait.fill(0.0)
    if p is not None and p < k:  # failure n gets a spare at t_{n-P} + L (with P >= k, never short)
        u = np.subtract(ti[: k - p], ti[p:], out=buf_s[p:])
        u += ell  # spare arrives at t_{n-P} + L
        np.maximum(wait[p:], u, out=wait[p:])
    return wait


class _ColumnScratch:
    """Arrays reused by every block of :func:`_columns` (C columns, R replications)."""

    def __init__(self, columns, rows):
        m = _COLUMN
        self.x = np.empty((m, columns, rows))
        self.z = np.empty((m, columns, rows))
        self.col_end = (np.arange(1, columns + 1, dtype=np.float64) * m)[:, None]  # events up to each column's end
        self.row_index = np.arange(m, dtype=np.float64)[:, None]
        self.rows = np.arange(rows)


def _limited_block(child, k, mu, r, h, hc, c, p, ell, cols):
    """Down time, count and waits of one block with crew or spare limits (:func:`_columns`).

    A block whose horizon lies beyond its last column (practically never:
    10 sigma margin) is redrawn from its seed in event order and extended
    (:func:`_extend`), then solved by :func:`_process`.
    """
    m, ncol, rb = cols.x.shape
    x = np.random.Generator(np.random.PCG64(child)).standard_exponential((m, ncol, rb), out=cols.x)
    res = _columns(x, mu, r, hc, c is not None, p, ell, cols)
    if res is not None:
        return res
    g = np.random.Generator(np.random.PCG64(child))
    x = g.standard_exponential((m, ncol, rb)).transpose(2, 1, 0).reshape(rb, k)  # event order
    return _process(_extend(g, np.cumsum(x, axis=1), rb, k, mu), mu, r, h, c, p, ell)


def _columns(x, mu, r, hc, crews, p, ell, cols):
    """Down time, count and waits per replication of gaps ``x`` laid out in columns, or None.

    ``x[i, j, q]`` is the gap before event ``j*m + i`` of replication ``q``
    (overwritten).  With ``a = hc - gap`` (``hc`` = h/c, 0 without crews) and
    ``S`` its running sum, the wait is ``S_n - Z_n`` with ``Z_n`` the smaller
    of the running minimum of ``S`` (crews) and ``S_{n-P} - (L - P hc)``
    (spares), the module's formulas.  Each column holds its local running sum
    ``s = S - O_j`` (``O_j`` the sum of earlier columns) and running minimum
    ``z``, advanced a row of all columns at a time; the minimum carried from
    earlier columns can lower only the first rows of a column (until that
    column's own minimum is lower), which are corrected afterwards.  The
    horizon cut uses the start of repair ``t_n + w_n = (n+1) hc - Z_n``, which
    never decreases with n, so the repairs that straddle the horizon are those
    of the last columns.  Returns None if a replication's horizon lies beyond
    its last column.
    """
    m, ncol, rb = x.shape
    s = np.subtract(hc, x, out=x)
    for i in range(1, m):
        np.add(s[i - 1], s[i], out=s[i])
    ends = np.cumsum(s[m - 1], axis=0)  # S at the end of each column
    js = np.sum(cols.col_end * hc - ends < mu, axis=0)  # whole columns inside the horizon
    cm = int(js.max()) + 1
    if cm > ncol:
        return None
    off = np.empty((cm, rb))
    off[0] = 0.0
    off[1:] = ends[: cm - 1]
    rows, ri = cols.rows, cols.row_index
    s_part = s[:, js, rows]  # the column holding the horizon, before s is reused
    inside = (ri + (js * m + 1.0)) * hc - (off[js, rows] + s_part) < mu
    n = js * m + np.sum(inside, axis=0)
    s = s[:, :cm]
    z = cols.z[:, :cm]
    if crews:
        np.copyto(z[0], s[0])
        for i in range(1, m):
            np.minimum(z[i - 1], s[i], out=z[i])
        carried = np.empty((cm, rb))
        carried[0] = np.inf
        np.fmin.accumulate(off[:-1] + z[m - 1, :-1], axis=0, out=carried[1:])
        carried -= off  # minimum of the earlier columns, relative to this one
        f = min(_LATE_ROWS, m)
        late = np.nonzero(z[f - 1] > carried)
        for i in range(f):
            np.minimum(z[i], carried, out=z[i])
        if late[0].size:
            z[f:, late[0], late[1]] = np.minimum(z[f:, late[0], late[1]], carried[late])
    else:
        np.copyto(z, s)
    col_wait = np.einsum("ijq->jq", s)
    if p is not None:  # Z_n = min(Z_n, S_{n-P} - (L - P hc)), event n-P being a rows up and b columns left
        shift = ell - p * hc
        b, a = divmod(p, m)
        for rows_to, rows_from, left in ((slice(a, m), slice(0, m - a), b), (slice(0, a), slice(m - a, m), b + 1)):
            if left < cm and rows_to.start < rows_to.stop:
                src = s[rows_from, : cm - left]
                np.add(src, off[: cm - left] - off[left:] - shift, out=src)
                np.minimum(z[rows_to, left:], src, out=z[rows_to, left:])
    col_wait -= np.einsum("ijq->jq", z)
    col_wait[np.arange(cm)[:, None] >= js] = 0.0
    waited = col_wait.sum(axis=0) + np.where(inside, s_part - z[:, js, rows], 0.0).sum(axis=0)
    # horizon cut: from the first column whose last repair ends after mu
    j0 = np.sum(cols.col_end[:cm] * hc - off - z[m - 1] + r <= mu, axis=0)
    q = np.arange(int((js - j0).max()) + 1)[:, None]
    jc = np.minimum(j0 + q, js)
    e = jc * m + ri[:, :, None]
    over = (e + 1.0) * hc - off[jc, rows] - z[:, jc, rows] + (r - mu)
    cut = np.where((e < n) & (over > 0.0) & (j0 + q <= js), over, 0.0).sum(axis=(0, 1))
    return n * r + waited - cut, n, waited


#: Gaps per partial sum in the unlimited-fleet path (see :func:`_unlimited`).
_SUM_BLOCK = 64


def _partial_sums(x):
    """Sums of consecutive :data:`_SUM_BLOCK` gaps of each row, and of the shorter tail.

    (``einsum`` adds in its own order, faster than ``sum`` over short rows; any
    order is covered by the error bound of :func:`_unlimited`.)
    """
    rows, k = x.shape
    m = k // _SUM_BLOCK
    return np.einsum("ijk->ij", x[:, : m * _SUM_BLOCK].reshape(rows, m, _SUM_BLOCK)), x[:, m * _SUM_BLOCK :].sum(axis=1)


def _unlimited(x, mu, r, sums=None):
    """Down time and failure count per row of exponential gaps ``x``, no crew or spare limit.

    Without waits only the events near the horizon matter: how many fall
    inside it, and the repairs that straddle it.  Their times come from
    partial sums of :data:`_SUM_BLOCK` gaps plus a short running sum, instead
    of the running sum over every event.  Those times differ from the running
    sum by rounding only; a rigorous bound ``D`` on that difference (n ulp of
    the largest time, both summation orders) certifies each count: a row with
    an event within ``D`` of the horizon, or whose events may end before it,
    returns -1 (the caller then computes it from the exact running sum).
    Down times agree with the running-sum result to rounding (~1e-15 relative).
    """
    rows, k = x.shape
    lb = _SUM_BLOCK
    m = k // lb
    if m < 2:
        return None
    partial, tail = _partial_sums(x) if sums is None else sums
    ends = np.cumsum(partial, axis=1)  # event time at the end of each partial sum
    total = ends[:, -1] + tail
    bound = (k + m + 2 * lb + 16) * 2.0**-52 * total  # > |these times - running sum| (u = 2**-53, doubled)
    lo = mu - r - bound
    hi = mu + bound
    b_lo = np.sum(ends < lo[:, None], axis=1)  # first partial sum ending at or after mu - r - bound
    b_hi = np.sum(ends < hi[:, None], axis=1)  # first one ending at or after mu + bound (m: in the tail)
    first = b_lo * lb
    stop = np.minimum((b_hi + 1) * lb, k)
    span = stop - first
    width = int(span.max())
    offs = np.arange(width)
    idx = np.minimum(first[:, None] + offs, k - 1)
    tw = np.cumsum(np.take_along_axis(x, idx, axis=1), axis=1)
    base = np.where(b_lo > 0, ends[np.arange(rows), np.maximum(b_lo - 1, 0)], 0.0)
    tw += base[:, None]
    valid = offs[None, :] < span[:, None]
    inside = valid & (tw < mu)
    count = first + inside.sum(axis=1)
    straddle = inside & (tw >= mu - r)
    over = np.where(straddle, r - (mu - tw), 0.0)
    down = count * r - np.maximum(over, 0.0).sum(axis=1)
    unsure = (total < mu + bound) | np.any(valid & (np.abs(tw - mu) <= bound[:, None]), axis=1)
    count[unsure] = -1
    return down, count


def simulate_fleet(fleet, horizon=None, replications=1000, seed=0, chunk_replications=None, progress=None) -> FleetResult:
    """Monte Carlo of a fleet's downtime, lost GPU-hours and lost revenue.

    Parameters
    ----------
    fleet : Fleet
        Servers, failure rate, repair workflow, crews and spares.
    horizon : pint.Quantity
        Simulated period; default 6 years (the depreciation life in the
        domain primer) [s].
    replications : int
        Independent replications [-].
    seed : int or numpy.random.SeedSequence
        Root seed; the same seed gives bit-identical results for any chunking.
    chunk_replications : int or None
        Replications per vectorised pass (rounded up to a multiple of
        :data:`REPLICATION_BLOCK`); None picks about 1.5 × 10⁵ events per pass.
        Affects memory and speed only [-].
    progress : callable or None
        Called as ``progress(done, total)`` (replications) after each pass.

    Returns
    -------
    FleetResult
        Per-replication downtime, failures, lost GPU-hours and revenue.

    Notes
    -----
    See the module docstring for the model. The horizon cut uses failure
    times that do not shift by earlier waits of the same server (an error
    bounded by those waits, only for repairs straddling the horizon). The
    workflow's stage durations are deterministic.

    References
    ----------
    .. [1] Lindley, D. V., "The theory of queues with a single server",
       Proc. Camb. Phil. Soc. 48 (1952) 277–289.
    .. [2] Sherbrooke, C. C., *Optimal Inventory Modeling of Systems*, 2nd
       ed., Kluwer (2004), ch. 2 (base-stock spares).
    .. [3] Ross, S. M., *Stochastic Processes*, 2nd ed., Wiley (1996),
       sec. 3.4 (alternating renewal processes), 5.3 (superposition).

    Examples
    --------
    >>> from coolsim import Q_
    >>> res = simulate_fleet(Fleet(64, crews=1, spares=2), Q_(1, "year"), replications=16, seed=1)
    >>> res.downtime_s.shape, bool(res.unavailability.mean() > 0)
    ((16,), True)
    """
    if not isinstance(fleet, Fleet):
        raise OutOfRangeError(f"parameter 'fleet' must be a Fleet; got {fleet!r}")
    horizon_s = float(to_si(Q_(6.0, "year") if horizon is None else horizon, TIME.positive(), "horizon"))
    replications = _int(replications, "replications", 1)
    if progress is not None and not callable(progress):
        raise OutOfRangeError(f"parameter 'progress' must be callable or None; got {progress!r}")
    unlimited = fleet.crews is None and fleet.spares is None
    lam, mu, k, n_blocks, per = _plan(fleet, horizon_s, replications, chunk_replications,
                                      _TARGET_CHUNK_ELEMENTS_UNLIMITED if unlimited else _TARGET_CHUNK_ELEMENTS)
    root = seed if isinstance(seed, np.random.SeedSequence) else np.random.SeedSequence(seed)
    children = root.spawn(n_blocks)
    r, h = fleet.workflow.duration_si * lam, fleet.workflow.crew_time_si * lam
    ell = fleet._s.restock_time * lam
    m = fleet.mtbf_si * lam
    c, p = fleet.crews, fleet.spares
    down = np.empty(n_blocks * REPLICATION_BLOCK)
    count = np.empty(n_blocks * REPLICATION_BLOCK, dtype=np.int64)
    rb = REPLICATION_BLOCK
    if unlimited:
        buf = np.empty((per * rb, k))
    else:
        hc = 0.0 if c is None else h / c
        cols = _ColumnScratch(k // _COLUMN, rb)
    for b0 in range(0, n_blocks, per):
        bs = range(b0, min(b0 + per, n_blocks))
        if unlimited:
            d, n, w = _pass_unlimited(children, bs, rb, k, mu, r, h, ell, buf)
        else:  # block by block, in cache; the chunk only paces progress
            out = [_limited_block(children[b], k, mu, r, h, hc, c, p, ell, cols) for b in bs]
            d, n, w = (np.concatenate(v) for v in zip(*out))
        # waits lengthen down times, and a server that is down cannot fail:
        # rescale by (MTBF + R) / (MTBF + R + mean wait) (first order; 1 without waits)
        d = d * (m + r) / (m + r + w / np.maximum(n, 1))
        rows = slice(b0 * REPLICATION_BLOCK, (bs[-1] + 1) * REPLICATION_BLOCK)
        down[rows], count[rows] = d, n
        if progress is not None:
            progress(min(rows.stop, replications), replications)
    return FleetResult(down[:replications] / lam, count[:replications], horizon_s, fleet)


def _pass_unlimited(children, blocks, rb, k, mu, r, h, ell, buf):
    """Down time, count and waits (zero) of the blocks of one pass, without crew or spare limits."""
    nb = len(blocks)
    gens, partial, tail = [], [], []
    for i, b in enumerate(blocks):
        g = np.random.Generator(np.random.PCG64(children[b]))
        xb = g.standard_exponential((rb, k), out=buf[i * rb : (i + 1) * rb])
        gens.append(g)
        if k >= 2 * _SUM_BLOCK:  # partial sums while the block is in cache
            sums = _partial_sums(xb)
            partial.append(sums[0])
            tail.append(sums[1])
    x = buf[: nb * rb]
    fast = _unlimited(x, mu, r, (np.concatenate(partial), np.concatenate(tail)) if partial else None)
    if fast is None:
        d, n = np.empty(nb * rb), np.empty(nb * rb, dtype=np.int64)
        unsure = np.ones(nb * rb, bool)
    else:
        d, n = fast
        unsure = n < 0
    for i in np.flatnonzero(unsure.reshape(nb, rb).any(axis=1)):
        # a count the partial sums cannot certify: the running sum of the block, as the general path computes it
        rows = slice(i * rb, (i + 1) * rb)
        t = _extend(gens[i], np.cumsum(x[rows], axis=1), rb, k, mu)
        d_b, n_b, _ = _process(t, mu, r, h, None, None, ell)
        redo = unsure[rows]  # certified rows keep their result (row by row: chunking-independent)
        d[rows][redo], n[rows][redo] = d_b[redo], n_b[redo]
    return d, n, np.zeros(d.size)


def fleet_draws_only(fleet, horizon=None, replications=1000, seed=0) -> float:
    """Draw exactly the random numbers :func:`simulate_fleet` draws, and nothing else.

    Parameters
    ----------
    fleet : Fleet
        The fleet whose random numbers are drawn.
    horizon : pint.Quantity
        Simulated time [s].
    replications : int
        Monte Carlo replications [-].
    seed : int
        Seed of the random generator [-].

    The benchmark baseline: returns the sum of the last draws (so the work
    cannot be optimised away) [-].
    """
    horizon_s = float(to_si(Q_(6.0, "year") if horizon is None else horizon, TIME.positive(), "horizon"))
    replications = _int(replications, "replications", 1)
    lam, mu, k, n_blocks, _ = _plan(fleet, horizon_s, replications, None)
    children = np.random.SeedSequence(seed).spawn(n_blocks)
    buf = np.empty((REPLICATION_BLOCK, k))
    acc = 0.0
    for child in children:
        g = np.random.Generator(np.random.PCG64(child))
        acc += g.standard_exponential((REPLICATION_BLOCK, k), out=buf)[0, -1]
    return acc
