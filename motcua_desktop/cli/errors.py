"""Errors the command line turns into exit status 2 with a one-line reason."""


class UserError(Exception):
    """Bad input from the user: exit status 2, message on stderr, no traceback."""
