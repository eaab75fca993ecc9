"""Entry script of the frozen executables (MotCua.exe, motcua-cli.exe, motcua).

Both executables run the same command line; the windowed one just has no console. Without
arguments it opens the window, as ``motcua`` does from a checkout.
"""

from motcua_desktop.cli.main import main

if __name__ == "__main__":
    main()
