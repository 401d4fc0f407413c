"""``report_segmenter``: paragraph and sentence starts, furniture lines and headlines before the parser."""
from claimattr.segmenter.segmenter_component import ReportSegmenter, make_report_segmenter

__all__ = ["ReportSegmenter", "make_report_segmenter"]
