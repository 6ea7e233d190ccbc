"""Progress reporting for long runs (reports, sweeps, Monte Carlo).

A progress reporter is any callable ``progress(done, total, label="")``:
``done`` of ``total`` steps are finished and ``label`` names the current
step.  :class:`TextProgress` draws a one-line text bar on a terminal and is
silent when its stream is not a terminal (a pipe, a file, a CI log), so the
same code runs interactively and in batch.  The label is optional, so a
reporter can be passed straight to
:func:`coolsim.reliability.fleet.simulate_fleet`, which calls
``progress(done, total)`` with replications; :func:`labelled` fixes a label
for such callers and :func:`scaled` maps a sub-task's progress into a slice
of an outer one.
"""

from __future__ import annotations

import sys
import time

from ..errors import OutOfRangeError

__all__ = ["TextProgress", "text_progress", "labelled", "scaled", "quiet"]


def quiet(done, total, label=""):
    """A progress reporter that reports nothing.

    Parameters
    ----------
    done : int
        Steps done.
    total : int
        Steps in all.
    label : str
        Label (ignored).

    Examples
    --------
    >>> quiet(1, 2, "step")
    """
    return None


def _check(done, total):
    if isinstance(total, bool) or not isinstance(total, (int, float)) or not total > 0:
        raise OutOfRangeError(f"parameter 'total' must be a positive number; got {total!r}")
    if isinstance(done, bool) or not isinstance(done, (int, float)) or not 0 <= done <= total:
        raise OutOfRangeError(f"parameter 'done' must be a number in [0, total={total}]; got {done!r}")


class TextProgress:
    """A text progress bar on a terminal; silent when the stream is not one.

    Parameters
    ----------
    stream : file-like, optional
        Where to draw; default ``sys.stderr`` (looked up at each call, so a
        redirected stderr is honoured).
    width : int
        Characters of the bar [-]; default 30.
    min_interval : float
        Shortest time between redraws [s]; default 0.1 (the first and the last
        step always draw).
    force : bool
        Draw even when the stream is not a terminal (for logs and tests).

    Notes
    -----
    Each call redraws the line with a carriage return:
    ``label  [#######-------]  12/40  30 %``; the call with ``done == total``
    ends the line.  Calling with ``done`` outside ``[0, total]`` raises
    :class:`~coolsim.errors.OutOfRangeError` (a caller bug, never clamped).

    Examples
    --------
    >>> import io
    >>> buf = io.StringIO()
    >>> bar = TextProgress(buf, width=10, force=True)
    >>> bar(5, 10, "figures")
    >>> bar(10, 10, "done")
    >>> buf.getvalue().splitlines()[-1].split("\\r")[-1].strip()
    'done  [##########]  10/10  100 %'
    >>> TextProgress(io.StringIO())(1, 2)  # not a terminal: silent
    """

    def __init__(self, stream=None, width: int = 30, min_interval: float = 0.1, force: bool = False):
        if isinstance(width, bool) or not isinstance(width, int) or width < 1:
            raise OutOfRangeError(f"parameter 'width' must be a positive integer; got {width!r}")
        if not isinstance(min_interval, (int, float)) or not min_interval >= 0:
            raise OutOfRangeError(f"parameter 'min_interval' must be a non-negative number of seconds; got "
                                  f"{min_interval!r}")
        self._stream = stream
        self.width = width
        self.min_interval = float(min_interval)
        self.force = bool(force)
        self._last = None
        self._shown = 0

    @property
    def stream(self):
        return sys.stderr if self._stream is None else self._stream

    @property
    def active(self) -> bool:
        """Whether this reporter draws (a terminal, or ``force``)."""
        if self.force:
            return True
        isatty = getattr(self.stream, "isatty", None)
        try:
            return bool(isatty and isatty())
        except (ValueError, OSError):  # a closed stream
            return False

    def __call__(self, done, total, label: str = "") -> None:
        _check(done, total)
        if not self.active:
            return
        now = time.monotonic()
        final = done >= total
        if not final and self._last is not None and now - self._last < self.min_interval:
            return
        self._last = now
        filled = int(round(self.width * done / total))
        count = f"{done:g}/{total:g}"
        text = f"{label}  [{'#' * filled}{'-' * (self.width - filled)}]  {count}  {100 * done / total:3.0f} %"
        pad = " " * max(self._shown - len(text), 0)
        self._shown = len(text)
        stream = self.stream
        stream.write("\r" + text + pad + ("\n" if final else ""))
        stream.flush()
        if final:
            self._last, self._shown = None, 0


def text_progress(stream=None) -> TextProgress:
    """The default reporter of the command line: a bar on stderr when it is a terminal.

    Parameters
    ----------
    stream : file, optional
        Where to draw; default standard error.

    Examples
    --------
    >>> import io
    >>> text_progress(io.StringIO()).active
    False
    """
    return TextProgress(stream)


def labelled(progress, label: str):
    """A two-argument ``progress(done, total)`` that reports under a fixed label.

    Parameters
    ----------
    progress : callable
        A progress reporter ``(done, total, label)``.
    label : str
        Label given to every call.
    stream : file, optional
        Where to draw; default standard error.

    For callers such as :func:`coolsim.reliability.fleet.simulate_fleet`,
    which report replications without a label.

    Examples
    --------
    >>> seen = []
    >>> labelled(lambda d, t, s: seen.append((d, t, s)), "Monte Carlo")(500, 1000)
    >>> seen
    [(500, 1000, 'Monte Carlo')]
    """
    if not callable(progress):
        raise OutOfRangeError(f"parameter 'progress' must be callable; got {progress!r}")

    def report(done, total, label_=None):
        progress(done, total, label if label_ is None else label_)

    return report


def scaled(progress, start: float, stop: float, outer_total: float, label: str = ""):
    """Map a sub-task's ``(done, total)`` onto ``[start, stop]`` of an outer run of ``outer_total`` steps.

    Parameters
    ----------
    progress : callable
        The outer progress reporter.
    stop : int
        Outer step at which the inner work ends.
    outer_total : int
        Outer total.
    label : str
        Label of the inner work.

    Examples
    --------
    >>> seen = []
    >>> sub = scaled(lambda d, t, s: seen.append((d, t, s)), 2, 4, 10, "sweep")
    >>> sub(50, 100)
    >>> seen
    [(3.0, 10, 'sweep')]
    """
    if not callable(progress):
        raise OutOfRangeError(f"parameter 'progress' must be callable; got {progress!r}")
    if not 0 <= start <= stop <= outer_total:
        raise OutOfRangeError(f"parameters 'start', 'stop' must satisfy 0 <= start <= stop <= outer_total "
                              f"({outer_total}); got {start}, {stop}")

    def report(done, total, label_=None):
        _check(done, total)
        progress(start + (stop - start) * done / total, outer_total, label if label_ is None else label_)

    return report
