"""The ``motcua`` command line (argparse); it starts the window for the default command."""
