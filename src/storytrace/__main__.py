from storytrace.cli import main

main()
