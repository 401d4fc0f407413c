"""``report_segmenter``: paragraph and sentence starts, furniture lines and headlines before the parser."""
from claimattr.segmenter.segmenter_component import DEFAULT_RULES, RULES_SCHEMA, ReportSegmenter, make_report_segmenter

__all__ = ["ReportSegmenter", "make_report_segmenter", "DEFAULT_RULES", "RULES_SCHEMA"]
