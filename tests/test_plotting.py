"""Tests of coolsim.plotting: PNG files are written and are not blank."""

import numpy as np
import pytest

from coolsim import architectures as A
from coolsim.annual import run_year
from coolsim.errors import OutOfRangeError
from coolsim.it_equipment import ITLoad, by_name
from coolsim.plotting import plot_energy_breakdown, plot_monthly_pue

HALL = ITLoad(by_name("dgx-h100"), racks=10)


@pytest.fixture(scope="module")
def results():
    return {"air": run_year(A.forced_air(), HALL, "tampa-fl"), "dtc": run_year(A.direct_to_chip(), HALL, "tampa-fl")}


@pytest.mark.parametrize("plot", [plot_monthly_pue, plot_energy_breakdown])
def test_png_written_and_not_blank(plot, results, tmp_path):
    import matplotlib.image as mpimg

    out = plot(results, tmp_path / "sub" / "fig.png")
    assert out.exists() and out.stat().st_size > 10_000  # a plot with lines/bars and text, not an empty canvas
    img = mpimg.imread(out)
    assert img.ndim == 3 and img.shape[0] > 300 and img.shape[1] > 500
    assert float(np.var(img[..., :3])) > 1e-3  # pixels vary: something is drawn on the white canvas


def test_bad_input(results, tmp_path):
    with pytest.raises(OutOfRangeError, match="results"):
        plot_monthly_pue({}, tmp_path / "x.png")
    with pytest.raises(OutOfRangeError, match="results"):
        plot_energy_breakdown({"a": 1.0}, tmp_path / "x.png")
    with pytest.raises(OutOfRangeError, match="unit"):
        plot_energy_breakdown(results, tmp_path / "x.png", unit="m")
