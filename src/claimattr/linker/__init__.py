"""``speaker_linker``: each claim's speaker, resolved through the document, with role and organisation."""
from claimattr.linker.linker_component import DEFAULT_LEXICON, LEXICON_SCHEMA, SpeakerLinker, make_speaker_linker

__all__ = ["SpeakerLinker", "make_speaker_linker", "DEFAULT_LEXICON", "LEXICON_SCHEMA"]
