from lintpost.cli import main

main()
