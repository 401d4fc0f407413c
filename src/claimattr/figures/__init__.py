"""Figures: quantities that count the same thing, grouped per report and across reports, with
each speaker's value and a dispute flag (docs/figures.md)."""
from claimattr.figures.corpus import group_across_documents
from claimattr.figures.figures_component import FIGURES_KEY, FigureGrouper, make_figure_grouper, register_figures_extension
from claimattr.figures.grouping import FigureRules, Interval, Mention, compatible, disputes, interval, speaker_key

__all__ = [
    "FIGURES_KEY", "FigureGrouper", "FigureRules", "Interval", "Mention", "compatible", "disputes",
    "group_across_documents", "interval", "make_figure_grouper", "register_figures_extension", "speaker_key",
]
