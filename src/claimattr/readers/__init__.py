"""Readers of annotated corpora: PolNeAR brat standoff and claimattr's own authoring format."""
