"""Headline: the words at the top of each story."""
