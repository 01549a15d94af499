import Testing
@testable import Regression
@Test func placeholderRegression() { #expect(Bool(true)) }
