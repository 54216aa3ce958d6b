"""Documentation example."""

import tracker

tracker.log("example", 1)
