"""Write: the story paragraph, the "Also" line, the TL;DR, the intro and the Explainer."""
