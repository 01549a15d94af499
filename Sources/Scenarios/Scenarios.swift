import Charts
/// Placeholder until scenarios land.
public enum ScenarioCatalog {}
