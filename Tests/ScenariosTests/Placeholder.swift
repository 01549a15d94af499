import Testing
@testable import Scenarios
@Test func placeholderScenarios() { #expect(Bool(true)) }
