"""Select: which of the period's articles an issue may use (window, duplicates, relevance)."""
