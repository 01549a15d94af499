/// numpy's `linspace(start, stop, num)`: the same doubles, last one exactly `stop`.
public func linspace(_ start: Double, _ stop: Double, _ num: Int) -> [Double] {
    guard num > 0 else { return [] }
    guard num > 1 else { return [start] }
    let step = (stop - start) / Double(num - 1)
    var out = (0..<num).map { Double($0) * step + start }
    out[num - 1] = stop
    return out
}
