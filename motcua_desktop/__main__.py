from motcua_desktop.cli.main import main

main()
