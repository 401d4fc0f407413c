"""Shared plumbing of the rule components: the RuleComponent base, lexicon loading, parse vocabulary."""
