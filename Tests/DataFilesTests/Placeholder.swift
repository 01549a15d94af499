import Testing
@testable import DataFiles
@Test func placeholderDataFiles() { #expect(Bool(true)) }
