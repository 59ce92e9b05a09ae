"""The guardrails `make bench` checks: every page against the ratios and the after-save
limit, except that a page that keeps nothing (search) answers to the limit alone."""

from bench.measure import AFTER_SAVE_LIMIT_MS, NEVER_KEPT, check_targets


def phase(**pages):
    return {
        "pages": {
            name: {"queries": 2, "bytes": 10_000, "compressed": True, **figures}
            for name, figures in pages.items()
        },
        "peak_worker_rss_mb": 100,
    }


def test_a_kept_page_answers_to_the_ratios_and_the_after_save_limit():
    slow = {"floor_ratio": 0.05, "after_save_ms": AFTER_SAVE_LIMIT_MS + 1}
    missed = check_targets(phase(home=slow), phase(home={"floor_ratio": 0.5}))
    assert missed == [
        "home cold 5% < 10%",
        "home after a save 51 ms > 50 ms",
        "home warm 50% < 60%",
    ]


def test_a_page_that_keeps_nothing_answers_to_the_after_save_limit_alone():
    assert NEVER_KEPT == ("search",)
    built_whole = {"floor_ratio": 0.03, "after_save_ms": AFTER_SAVE_LIMIT_MS}
    assert check_targets(phase(search=built_whole), phase(search={"floor_ratio": 0.04})) == []
    too_slow = {**built_whole, "after_save_ms": AFTER_SAVE_LIMIT_MS + 10}
    missed = check_targets(phase(search=too_slow), phase(search={"floor_ratio": 0.04}))
    assert missed == ["search after a save 60 ms > 50 ms"]
