import Testing
@testable import Report
@Test func placeholderReport() { #expect(Bool(true)) }
