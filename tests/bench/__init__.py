"""Benchmarks and the large generated data sets they (and a few tests) use.

Nothing here is collected by pytest as a test; benchmark scripts print ratios measured in
the same run and never assert timings.
"""
