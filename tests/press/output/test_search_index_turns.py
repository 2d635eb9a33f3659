"""The preview's index swap and a build's carrying of it take turns."""

from __future__ import annotations

import threading

from press.output.search_index import BUNDLE, carry_index, index_turn


def index(folder, text: str) -> None:
    """Write a tiny index bundle into `folder`."""
    (folder / BUNDLE / "fragment").mkdir(parents=True)
    (folder / BUNDLE / "fragment" / "en.pf").write_text(text, encoding="utf-8")


def test_a_build_waits_for_the_index_swap_then_carries_the_new_index(tmp_path):
    output, staging, fresh = (tmp_path / n for n in ("output", "staging", "fresh"))
    index(output, "old index")
    index(fresh, "new index")
    staging.mkdir()
    carrying = threading.Thread(target=carry_index, args=(staging, output))

    with index_turn(output):  # the preview swaps its new index in
        (output / BUNDLE).rename(tmp_path / "old")
        carrying.start()
        carrying.join(timeout=0.5)
        assert carrying.is_alive()  # the build waits for its turn
        (fresh / BUNDLE).rename(output / BUNDLE)
    carrying.join(timeout=10)

    carried = staging / BUNDLE / "fragment" / "en.pf"
    assert carried.read_text(encoding="utf-8") == "new index"
