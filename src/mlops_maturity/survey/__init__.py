"""The interactive survey: flow (pure state), keys, screens, the loop, and the terminal glue."""
