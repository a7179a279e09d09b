"""The idiomatic pandas RFM job, timed: groupby/agg for recency, frequency and monetary value,
then qcut of ranks into quintiles. Reads a CSV of transaction rows (loading is not timed) and
prints the timings as JSON. Used by bench/pandasComparison.bench.ts; needs Debian's python3-pandas."""
import json
import sys
import time

import pandas as pd


def rfm(df: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    g = df.groupby("customer_id").agg(last=("at", "max"), frequency=("order_id", "nunique"), monetary=("amount", "sum"))
    g["recency"] = (as_of - g["last"]).dt.days
    g["r"] = pd.qcut(g["recency"].rank(method="first"), 5, labels=[5, 4, 3, 2, 1])
    g["f"] = pd.qcut(g["frequency"].rank(method="first"), 5, labels=[1, 2, 3, 4, 5])
    g["m"] = pd.qcut(g["monetary"].rank(method="first"), 5, labels=[1, 2, 3, 4, 5])
    return g


def main() -> None:
    path, as_of, runs = sys.argv[1], pd.Timestamp(sys.argv[2]), int(sys.argv[3])
    df = pd.read_csv(path, parse_dates=["at"], dtype={"customer_id": str, "order_id": str})
    times = []
    for _ in range(runs + 2):
        start = time.perf_counter()
        result = rfm(df, as_of)
        times.append((time.perf_counter() - start) * 1000)
    times = sorted(times[2:])
    print(json.dumps({"medianMs": times[len(times) // 2], "minMs": times[0], "customers": len(result), "rows": len(df), "pandas": pd.__version__}))


main()
