"""Lets `python -m quizapp` run the command line."""

from quizapp.cli import main

if __name__ == "__main__":
    main()
