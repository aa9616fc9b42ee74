"""Group: the articles of one event, from any outlet or language, become one story."""
