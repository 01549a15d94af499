import Scenarios
/// Placeholder until the report lands.
public enum ReportWriter {}
