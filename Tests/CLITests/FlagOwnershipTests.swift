import Foundation
import Testing

/// Only the command line names its flags: no library target's string spells one (`--y-true`,
/// `--from-logits`, `--scale`); libraries mention inputs and options as terms, which the command
/// line renders as flags (`FlagNames`).
@Suite struct FlagOwnershipTests {
    /// Sources/, from this file's place in the checkout.
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// The executables own their flags.
    static let executables: Set<String> = ["lossplot", "lossplot-bench"]

    @Test func noLibraryStringSpellsAFlag() throws {
        let files = try #require(FileManager.default.subpathsOfDirectory(atPath: Self.sources.path) as [String]?)
            .filter { $0.hasSuffix(".swift") && !Self.executables.contains(String($0.prefix { $0 != "/" })) }
        #expect(files.count > 100, "found \(files.count) library sources under \(Self.sources.path)")
        let flag = try Regex(#""[^"\n]*--[a-z]"#)
        var offenders: [String] = []
        for file in files {
            let text = try String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.trimmingCharacters(in: .whitespaces).hasPrefix("//") ? "" : String(line)
                if code.contains(flag) { offenders.append("\(file):\(n + 1): \(line.trimmingCharacters(in: .whitespaces))") }
            }
        }
        #expect(offenders.isEmpty, "\(offenders.joined(separator: "\n"))")
    }
}
