"""The claims report: a self-contained HTML page (Jinja2 templates, inline CSS and JS) of the text
as written, its claims highlighted by speaker, a legend, a linked claims table and the
"who claimed what number" summary; and ``claimattr serve``, a local web app showing the same view.

``page`` builds the view model from a Doc; ``templates/`` and ``static/`` are the markup, style
and behaviour; ``server`` (imported only by ``claimattr serve``) needs the ``serve`` extra.
"""
from claimattr.report.page import document_title, document_view, page_view, render_fragment, render_page

__all__ = ["document_title", "document_view", "page_view", "render_fragment", "render_page"]
