"""Cohort scoring: many patients from CSV or Parquet, vectorised, locally or on a Dask cluster."""
