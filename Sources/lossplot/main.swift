import ArgumentParser
struct Lossplot: ParsableCommand {}
Lossplot.main()
