from lintpost.entry import main

main()
