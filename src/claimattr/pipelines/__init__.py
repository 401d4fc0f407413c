"""Shipped pipelines (``claims_cpu``) and the registry helpers of the training configs."""
