"""Matching questions to entries: pure functions over text."""

from voice.matching.emergency import is_emergency
from voice.matching.matcher import Candidate, Matcher, MatchResult

__all__ = ["Candidate", "MatchResult", "Matcher", "is_emergency"]
