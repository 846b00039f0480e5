"""A Result crosses process boundaries (Spark, Dask, Ray, multiprocessing) as plain data."""

from __future__ import annotations

import json
import pickle
from concurrent.futures import ProcessPoolExecutor

import cleantext
from cleantext import Result

PAGE = (
    "Ukraine reports new advances near Bakhmut\n\n"
    "The Ukrainian military on Friday claimed that troops were making advances against Russian "
    "positions around the eastern city of Bakhmut amid fierce fighting.\n"
    "ALSO READ-Pence slams Trump, DeSantis over Ukraine stance\n"
)


def test_pickle_round_trip() -> None:
    result = cleantext.clean(PAGE)
    again = pickle.loads(pickle.dumps(result))
    assert again == result
    assert again.text == result.text and again.to_original(3) == result.to_original(3)


def test_json_round_trip() -> None:
    result = cleantext.clean(PAGE)
    data = json.loads(json.dumps(result.to_dict(include_original=True)))
    assert Result.from_dict(data) == result


def test_through_a_process_pool() -> None:
    with ProcessPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(cleantext.clean, [PAGE, PAGE.upper()]))
    assert results[0] == cleantext.clean(PAGE)
    assert any(r.filter == "markers" for r in results[0].removals)
