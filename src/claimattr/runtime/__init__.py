"""Running a pipeline over document streams: records, JSONL, multiprocess streaming, Dask."""
