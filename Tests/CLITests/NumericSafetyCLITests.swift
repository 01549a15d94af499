import Foundation
import Testing

/// Hostile numbers and text through the whole binary: class indices that are not indices, weights
/// at the edge of Float64, data whose padded axis overflows.
@Suite struct NumericSafetyCLITests {
    let dir: URL = {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("lossplot-numeric-\(getpid())")
        try? FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }()

    func file(_ name: String, _ text: String) throws -> String {
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// A little-endian float64 .npy file of `rows` x `columns`.
    func npy(_ name: String, _ values: [Double], rows: Int, columns: Int) throws -> String {
        var header = "{'descr': '<f8', 'fortran_order': False, 'shape': (\(rows), \(columns)), }"
        while (10 + header.utf8.count + 1) % 64 != 0 { header += " " }
        header += "\n"
        var bytes: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.utf8.count & 0xff), UInt8(header.utf8.count >> 8)]
        bytes += Array(header.utf8)
        for v in values { withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes += $0 } }
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func json(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [String: Any], "not a JSON object: \(text)")
    }

    // MARK: issue 12, item 1: class indices

    @Test(arguments: ["1e300", "999999999", "-1", "0.5", "nan", "-inf"])
    func sparseCCERefusesABadClassIndexNamingItsLine(_ bad: String) throws {
        let p = try file("p.csv", "0.2,0.3,0.5\n0.2,0.3,0.5\n0.2,0.3,0.5\n")
        let labels = try file("labels-\(bad).csv", "0\n\(bad)\n1\n")
        for extra in [[], ["--gradient"], ["--from-logits", "--gradient"], ["--reduction", "none"]] {
            let run = try DeadlineRun(["eval", "sparse-cce", "--y-true", labels, "--y-pred", p] + extra)
            #expect(run.status == 1, "\(bad) \(extra): exit \(run.status), stderr: \(run.stderr)")
            #expect(run.saysOneLine, "stderr: \(run.stderr)")
            #expect(run.stderr.hasPrefix("lossplot: \(labels):2: "), "stderr: \(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
    }

    @Test func sparseCCEWithAnIndexPastTheLastClassWritesNoGradient() throws {
        let p = try npy("p33.npy", [0.2, 0.3, 0.5, 0.2, 0.3, 0.5, 0.2, 0.3, 0.5], rows: 3, columns: 3)
        let labels = try file("labels-013.csv", "0\n1\n3\n")
        let run = try DeadlineRun(["eval", "sparse-cce", "--y-true", labels, "--y-pred", p, "--gradient"])
        #expect(run.status == 1, "stderr: \(run.stderr)")
        #expect(run.stderr == "lossplot: \(labels):3: class index 3.0 is not an integer in 0...2\n")
        #expect(run.stdout.isEmpty)
    }

    // MARK: issue 12, item 8: weights at the edge of Float64, and JSON that is always JSON

    @Test func subnormalWeightsGiveTheUnweightedMeanAndGradientAsValidJSON() throws {
        let t = try file("t.csv", "1\n2\n3\n"), p = try file("pr.csv", "1.5\n2.5\n2\n")
        let w = try file("w-tiny.csv", "5e-324\n5e-324\n5e-324\n")
        let run = try DeadlineRun(["eval", "mse", "--y-true", t, "--y-pred", p, "--weights", w, "--gradient", "--format", "json"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let result = try json(run.stdout)
        #expect(result["value"] as? Double == 0.5, "\(run.stdout)")
        let third = 1.0 / 3
        #expect(result["gradient"] as? [Double] == [third, third, -2 * third], "\(run.stdout)")
    }

    /// Extreme but finite inputs, every output shape: each run either exits 0 with JSON that parses,
    /// or exits 1 with one line; never `inf` or `nan` in the output.
    @Test func evalJSONIsJSONOrAOneLineRefusal() throws {
        let zero = try file("zero3.csv", "0\n0\n0\n"), one = try file("one3.csv", "1\n1\n1\n")
        let small = try file("small3.csv", "1e-300\n1\n0.5\n"), huge = try file("huge3.csv", "1e308\n1e308\n1e308\n")
        let big = try file("big3.csv", "1e200\n-1e200\n1e154\n"), tiny = try file("tiny3.csv", "5e-324\n5e-324\n0\n")
        let half = try file("half3.csv", "0.5\n0.5\n0.5\n")
        var cases: [[String]] = []
        for weights in [nil, zero, tiny, huge, one] {
            for reduction in ["mean", "sum", "none"] {
                for (loss, t, p, extra) in [("mse", zero, big, [String]()), ("mae", zero, small, []), ("huber", zero, big, []),
                                            ("bce", one, zero, ["--epsilon", "1e-320"]), ("bce", one, half, []),
                                            ("focal", one, small, []), ("hinge", one, big, [])] {
                    cases.append(["eval", loss, "--y-true", t, "--y-pred", p, "--reduction", reduction, "--gradient", "--format", "json"]
                                 + extra + (weights.map { ["--weights", $0] } ?? []))
                }
            }
        }
        for arguments in cases {
            let run = try DeadlineRun(arguments)
            let shown = arguments.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: " ")
            if run.status == 0 {
                #expect((try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8))) != nil, "\(shown): \(run.stdout)")
                #expect(!run.stdout.contains("inf") && !run.stdout.contains("nan"), "\(shown): \(run.stdout)")
            } else {
                #expect(run.status == 1 && run.saysOneLine && run.stdout.isEmpty, "\(shown): exit \(run.status), \(run.stderr)")
            }
        }
    }

    // MARK: issue 12, item 2: axes whose padded range overflows

    @Test(arguments: [("step,y", ["0,8.9e307", "1,-8.9e307"]), ("step,y", ["0,1.7e308", "1,1e307"]),
                      ("step,y", ["0,1e308", "1,-1e308"]), ("step,y", ["0,1.7976931348623157e308", "1,-1.7976931348623157e308"]),
                      ("x,y", ["8.9e307,1", "-8.9e307,2"])])
    func plotDrawsDataAtTheEdgeOfFloat64(_ header: String, _ rows: [String]) throws {
        let name = "edge-\(abs(rows.joined().hashValue))"
        let data = try file(name + ".csv", ([header] + rows).joined(separator: "\n") + "\n")
        let x = header.hasPrefix("step") ? "step" : "x"
        for format in ["svg", "png"] {
            // One output per case: the cases run in parallel.
            let out = dir.appendingPathComponent("\(name).\(format)").path
            try? FileManager.default.removeItem(atPath: out)
            let run = try DeadlineRun(["plot", data, "--x", x, "--y", "y", "--out", out], seconds: 60)
            #expect(!run.hung, "plot \(rows) did not finish within a minute")
            #expect(run.status == 0 && run.stderr.isEmpty, "\(rows): exit \(run.status), \(run.stderr)")
            let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
            if format == "svg" {
                // The data line is stroked in the first colour of the cycle (#1f77b4), once for the
                // series and once for its legend swatch: a chart with no line has one.
                let svg = String(decoding: bytes, as: UTF8.self)
                #expect(svg.components(separatedBy: "stroke:rgb(12.156863%,46.666667%,70.588235%)").count - 1 >= 2, "\(rows): no data line drawn")
            } else {
                #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
            }
        }
    }
}
