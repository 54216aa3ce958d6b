"""What the findings mean: annotations applied, verdicts on a team's answers, answers proposed. No I/O."""
