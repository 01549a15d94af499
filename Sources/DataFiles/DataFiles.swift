/// Placeholder until the data readers land.
public enum DataFiles {}
