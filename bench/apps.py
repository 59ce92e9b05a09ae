from django.apps import AppConfig


class BenchConfig(AppConfig):
    """The benchmark's tools: the seed_bench command, the floor page, the query counter."""

    name = "bench"
    verbose_name = "Benchmark"
